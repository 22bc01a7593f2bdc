/** One entry of a zip archive's central directory: its name, how it is stored, and where its data lies. */
export interface ZipEntry {
  name: string
  /** 0 stored, 8 deflate. */
  method: number
  /** Bit 0: encrypted. */
  flags: number
  compressedSize: number
  /** As the directory declares it: a hostile archive can say anything here. */
  size: number
  /** Offset of the entry's data in the archive. */
  dataStart: number
}

/** The archive's structure is broken (cut short, or records where none can be); the message says what was found. */
export class ZipUnreadable extends Error {}

const EOCD = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const ZIP64_EOCD = 0x06064b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const NO_32 = 0xffffffff

/**
 * Reads a zip archive's central directory (zip64 included) without inflating anything: every entry with its
 * data's place checked to lie inside the file. Null when it declares more than `maxEntries` entries, so a hostile
 * count is never walked. Throws ZipUnreadable when the structure is broken.
 */
export function zipDirectory(data: Uint8Array, maxEntries: number): ZipEntry[] | null {
  const need = (at: number, n: number) => {
    if (!Number.isSafeInteger(at) || at < 0 || at + n > data.length) throw new ZipUnreadable('a record lies beyond the end of the file')
  }
  const u16 = (at: number) => (need(at, 2), data[at]! | (data[at + 1]! << 8))
  const u32 = (at: number) => (need(at, 4), (data[at]! | (data[at + 1]! << 8) | (data[at + 2]! << 16)) + data[at + 3]! * 2 ** 24)
  const u64 = (at: number) => u32(at) + u32(at + 4) * 2 ** 32

  // the end record sits in the last 22 bytes plus up to 64 KiB of archive comment
  let end = -1
  for (let at = data.length - 22; at >= 0 && at >= data.length - 22 - 0xffff; at--) {
    if (u32(at) === EOCD) {
      end = at
      break
    }
  }
  if (end === -1) throw new ZipUnreadable('it has no end-of-archive record')
  let count = u16(end + 10)
  let at = u32(end + 16)
  if (end >= 20 && u32(end - 20) === ZIP64_LOCATOR) {
    const end64 = u64(end - 12)
    if (u32(end64) !== ZIP64_EOCD) throw new ZipUnreadable('its zip64 end record is missing')
    count = u64(end64 + 32)
    at = u64(end64 + 48)
  }
  if (count > maxEntries) return null

  const entries: ZipEntry[] = []
  for (let i = 0; i < count; i++) {
    if (u32(at) !== CENTRAL) throw new ZipUnreadable(`its directory breaks off after ${i} of ${count} entries`)
    const flags = u16(at + 8)
    const method = u16(at + 10)
    let compressedSize = u32(at + 20)
    let size = u32(at + 24)
    const nameLength = u16(at + 28)
    const extraLength = u16(at + 30)
    const commentLength = u16(at + 32)
    let local = u32(at + 42)
    need(at + 46, nameLength + extraLength)
    const nameBytes = data.subarray(at + 46, at + 46 + nameLength)
    // bit 11 marks UTF-8 names; others are read as Latin-1, as fflate does
    const name = flags & 0x800 ? new TextDecoder().decode(nameBytes) : Buffer.from(nameBytes).toString('latin1')
    if (size === NO_32 || compressedSize === NO_32 || local === NO_32) {
      // the zip64 extra field holds, in this order, only the sizes and offset too large for 32 bits
      for (let e = at + 46 + nameLength; e + 4 <= at + 46 + nameLength + extraLength; e += 4 + u16(e + 2)) {
        if (u16(e) !== 1) continue
        let p = e + 4
        if (size === NO_32) (size = u64(p)), (p += 8)
        if (compressedSize === NO_32) (compressedSize = u64(p)), (p += 8)
        if (local === NO_32) local = u64(p)
        break
      }
    }
    if (u32(local) !== LOCAL) throw new ZipUnreadable(`the entry "${name}" is not where its directory says`)
    const dataStart = local + 30 + u16(local + 26) + u16(local + 28)
    if (dataStart + compressedSize > data.length) throw new ZipUnreadable(`the entry "${name}" runs past the end of the file`)
    entries.push({ name, method, flags, compressedSize, size, dataStart })
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}
