import { zipSync, strToU8 } from 'fflate'

/** A zip (fflate zipSync) of text or byte entries, deflated at `level` (0 stores them). */
export function zipOf(entries: Record<string, string | Uint8Array>, level: 0 | 6 | 9 = 6): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])), { level })
}

const u32 = (d: Uint8Array, at: number) => (d[at]! | (d[at + 1]! << 8) | (d[at + 2]! << 16)) + d[at + 3]! * 2 ** 24
const put32 = (d: Uint8Array, at: number, v: number) => {
  for (let i = 0; i < 4; i++) d[at + i] = Math.floor(v / 2 ** (8 * i)) & 0xff
}
const put16 = (d: Uint8Array, at: number, v: number) => {
  d[at] = v & 0xff
  d[at + 1] = (v >> 8) & 0xff
}
const endRecord = (d: Uint8Array) => {
  for (let at = d.length - 22; at >= 0; at--) if (u32(d, at) === 0x06054b50) return at
  throw new Error('no end-of-archive record')
}

/**
 * A copy whose headers declare `size` uncompressed bytes for one entry, named or by its index in the directory
 * (central directory and local header): a lying archive.
 */
export function withDeclaredSize(zip: Uint8Array, entry: string | number, size: number): Uint8Array {
  const d = zip.slice()
  const end = endRecord(d)
  let at = u32(d, end + 16)
  for (let i = 0; i < (d[end + 10]! | (d[end + 11]! << 8)); i++) {
    const nameLength = d[at + 28]! | (d[at + 29]! << 8)
    const name = Buffer.from(d.subarray(at + 46, at + 46 + nameLength)).toString('utf8')
    if (name === entry || i === entry) {
      put32(d, at + 24, size)
      put32(d, u32(d, at + 42) + 22, size)
      return d
    }
    at += 46 + nameLength + (d[at + 30]! | (d[at + 31]! << 8)) + (d[at + 32]! | (d[at + 33]! << 8))
  }
  throw new Error(`no entry ${entry}`)
}

/** A copy whose end records declare `count` entries (zip64 records when it does not fit 16 bits); the directory itself is unchanged. */
export function withDeclaredEntryCount(zip: Uint8Array, count: number): Uint8Array {
  const d = zip.slice()
  const end = endRecord(d)
  if (count <= 0xffff) {
    put16(d, end + 8, count)
    put16(d, end + 10, count)
    return d
  }
  // zip64 end record (56 bytes) and its locator (20 bytes) go just before the classic end record
  const z64 = new Uint8Array(76)
  put32(z64, 0, 0x06064b50)
  put32(z64, 4, 44)
  put32(z64, 24, count)
  put32(z64, 32, count)
  put32(z64, 40, u32(d, end + 12))
  put32(z64, 48, u32(d, end + 16))
  put32(z64, 56, 0x07064b50)
  put32(z64, 64, end)
  put32(z64, 72, 1)
  const out = new Uint8Array(d.length + 76)
  out.set(d.subarray(0, end))
  out.set(z64, end)
  out.set(d.subarray(end), end + 76)
  put16(out, end + 76 + 8, 0xffff)
  put16(out, end + 76 + 10, 0xffff)
  return out
}
