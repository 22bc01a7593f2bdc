import { closeSync, openSync, readSync } from 'node:fs'

const CHUNK = 1 << 20

/** The lines of a UTF-8 file, read in 1 MB chunks so large files stream; a leading BOM is dropped, "\r\n" ends a line. */
export function* readLines(path: string): Generator<{ line: number; text: string }> {
  const fd = openSync(path, 'r')
  const decoder = new TextDecoder('utf-8')
  const buf = Buffer.alloc(CHUNK)
  let rest = ''
  let line = 0
  try {
    for (let n = readSync(fd, buf, 0, CHUNK, null); n > 0; n = readSync(fd, buf, 0, CHUNK, null)) {
      rest += decoder.decode(buf.subarray(0, n), { stream: true })
      if (line === 0 && rest.charCodeAt(0) === 0xfeff) rest = rest.slice(1)
      const parts = rest.split('\n')
      rest = parts.pop()!
      for (const p of parts) yield { line: ++line, text: p.endsWith('\r') ? p.slice(0, -1) : p }
    }
    rest += decoder.decode()
    if (rest.length > 0) yield { line: ++line, text: rest.endsWith('\r') ? rest.slice(0, -1) : rest }
  } finally {
    closeSync(fd)
  }
}
