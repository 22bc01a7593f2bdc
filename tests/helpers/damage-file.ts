import { openSync, closeSync, writeSync, truncateSync, statSync } from 'node:fs'

/** Real damage, the way disks and interrupted copies do it: bytes written over a file in place. */
export function overwrite(file: string, offset: number, bytes: Buffer): void {
  const fd = openSync(file, 'r+')
  try {
    writeSync(fd, bytes, 0, bytes.length, offset)
  } finally {
    closeSync(fd)
  }
}

/** Cuts the file to `fraction` of its size, as an interrupted copy leaves it. */
export function truncateTo(file: string, fraction: number): void {
  truncateSync(file, Math.floor(statSync(file).size * fraction))
}

/** Zeroes `count` pages starting at page `first` (1-based, 4096-byte pages). */
export function zeroPages(file: string, first: number, count: number): void {
  overwrite(file, (first - 1) * 4096, Buffer.alloc(count * 4096))
}
