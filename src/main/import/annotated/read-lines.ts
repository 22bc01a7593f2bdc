import { closeSync, openSync, readSync } from 'node:fs'

const CHUNK = 1 << 20

/** The lines of a UTF-8 file with their 1-based numbers, read 1 MB at a time (files may be larger than memory allows as one string). */
export function* readLines(path: string): Generator<{ line: number; text: string }> {
  const fd = openSync(path, 'r')
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const buf = Buffer.alloc(CHUNK)
  let rest = ''
  let line = 0
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null)
      const chunk = n === 0 ? decoder.decode() : decoder.decode(buf.subarray(0, n), { stream: true })
      const parts = (rest + chunk).split('\n')
      rest = parts.pop()!
      if (n === 0 && rest !== '') parts.push(rest)
      for (const p of parts) {
        line++
        yield { line, text: p.endsWith('\r') ? p.slice(0, -1) : p }
      }
      if (n === 0) return
    }
  } finally {
    closeSync(fd)
  }
}
