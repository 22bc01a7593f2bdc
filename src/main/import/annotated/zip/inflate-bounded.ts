import { Inflate } from 'fflate'

// input is fed in slices so no single step can inflate to more than ~16 MB (deflate expands at most ~1032 to 1)
const SLICE = 16 * 1024

/**
 * Inflates raw deflate data, counting the bytes it really produces as it goes: once they pass `maxBytes`,
 * or the ratio to the compressed size passes `ratio` beyond `ratioFloor` bytes, `refuse(kind)` is thrown and
 * inflating stops. A truncated or broken stream throws fflate's error.
 */
export function inflateBounded(compressed: Uint8Array, limits: { maxBytes: number; ratio: number; ratioFloor: number }, refuse: (kind: 'size' | 'ratio') => Error): Uint8Array {
  const chunks: Uint8Array[] = []
  let size = 0
  const inflater = new Inflate((chunk) => {
    size += chunk.length
    if (size > limits.maxBytes) throw refuse('size')
    if (size > limits.ratioFloor && size / Math.max(compressed.length, 1) > limits.ratio) throw refuse('ratio')
    chunks.push(chunk)
  })
  if (compressed.length === 0) inflater.push(compressed, true)
  for (let at = 0; at < compressed.length; at += SLICE) inflater.push(compressed.subarray(at, at + SLICE), at + SLICE >= compressed.length)
  if (chunks.length === 1) return chunks[0]!
  const out = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}
