import { CodePointIndex, countCodePoints } from './code-point-index'

/**
 * Carries code-point offsets into `raw` over to `transform(raw)` (e.g. canonicalisation) by transforming the
 * pieces between the offsets. Null when the pieces do not add up to the whole, i.e. a change crosses an
 * offset (a CR LF or a combining mark split by a span edge): the caller then re-anchors by quote.
 */
export function mapThroughTransform(raw: string, offsets: Iterable<number>, transform: (s: string) => string): Map<number, number> | null {
  const index = new CodePointIndex(raw)
  const sorted = [...new Set(offsets)].filter((o) => Number.isInteger(o) && o >= 0 && o <= index.lengthCp).sort((a, b) => a - b)
  const map = new Map<number, number>()
  const pieces: string[] = []
  let from = 0
  let at = 0
  for (const o of sorted) {
    const to = index.toUtf16(o)
    const piece = transform(raw.slice(from, to))
    pieces.push(piece)
    at += countCodePoints(piece)
    map.set(o, at)
    from = to
  }
  pieces.push(transform(raw.slice(from)))
  return pieces.join('') === transform(raw) ? map : null
}
