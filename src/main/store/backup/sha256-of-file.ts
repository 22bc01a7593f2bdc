import { createHash } from 'node:crypto'
import { closeSync, openSync, readSync } from 'node:fs'

/** SHA-256 of a file read in 1 MB chunks, so a large project never sits in memory whole. */
export function sha256OfFile(file: string): string {
  const hash = createHash('sha256')
  const chunk = Buffer.alloc(1 << 20)
  const fd = openSync(file, 'r')
  try {
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) hash.update(chunk.subarray(0, n))
  } finally {
    closeSync(fd)
  }
  return hash.digest('hex')
}
