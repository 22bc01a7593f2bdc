import { closeSync, openSync, readSync } from 'node:fs'
import type { IssueSink } from '../imported-document'
import { decodeUtf8 } from '../read-utf8-file'

const CHUNK = 1 << 20

/**
 * The lines of a UTF-8 file with their 1-based numbers, read 1 MB at a time so large files stream; a leading BOM
 * is dropped and "\r\n" ends a line. A line that is not valid UTF-8 is reported (INVALID_UTF8, with its byte
 * offset) and skipped, never decoded with replacement characters.
 */
export function* readLines(path: string, name: string, issue: IssueSink): Generator<{ line: number; text: string }> {
  const fd = openSync(path, 'r')
  const buf = Buffer.alloc(CHUNK)
  // the start of a line the chunks read so far have not ended; copied, since `buf` is reused
  let pending: Buffer[] = []
  let lineStart = 0
  let line = 0
  const decode = (bytes: Buffer): string | null => {
    line++
    const bom = line === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
    const text = decodeUtf8(bytes.subarray(bom), name, issue, line, lineStart + bom)
    lineStart += bytes.length + 1
    return text === null ? null : text.endsWith('\r') ? text.slice(0, -1) : text
  }
  try {
    for (let n = readSync(fd, buf, 0, CHUNK, null); n > 0; n = readSync(fd, buf, 0, CHUNK, null)) {
      const chunk = buf.subarray(0, n)
      let from = 0
      for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, from)) {
        const bytes = pending.length > 0 ? Buffer.concat([...pending, chunk.subarray(from, nl)]) : chunk.subarray(from, nl)
        pending = []
        from = nl + 1
        const text = decode(bytes)
        if (text !== null) yield { line, text }
      }
      if (from < n) pending.push(Buffer.from(chunk.subarray(from)))
    }
    if (pending.length > 0) {
      const text = decode(Buffer.concat(pending))
      if (text !== null) yield { line, text }
    }
  } finally {
    closeSync(fd)
  }
}
