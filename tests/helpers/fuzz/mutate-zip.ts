import fc from 'fast-check'
import { withDeclaredEntryCount, withDeclaredSize } from '../zip-crafting'
import { applyByteOps, byteOp, type ByteOp } from './mutate-bytes'

/** One change to a zip archive as data: its bytes, the size one entry declares (a lie), or the entry count its end record declares. */
export type ZipOp = { kind: 'bytes'; ops: ByteOp[] } | { kind: 'declaredSize'; entry: number; size: number } | { kind: 'entryCount'; count: number }

export const zipOp: fc.Arbitrary<ZipOp> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('bytes' as const), ops: fc.array(byteOp, { minLength: 1, maxLength: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('declaredSize' as const), entry: fc.nat(), size: fc.constantFrom(0, 1, 100, 2 ** 20, 2 ** 31, 0xfffffffe) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('entryCount' as const), count: fc.constantFrom(0, 1, 2, 0xffff, 10 ** 9) }) }
)

/** Entry names a hostile archive may hold: climbing out of the folder, absolute, drive and backslash paths, NUL, macOS debris. */
export const HOSTILE_ENTRY_NAMES = ['../x.txt', '../../x.jsonl', '/etc/passwd', 'C:\\x.txt', 'sources\\a.txt', 'a\u0000.txt', '__MACOSX/._a.jsonl', '.hidden.jsonl', 'dir/', '']

/** The archive after the change; a change that does not fit the archive (no such entry, no end record) leaves it as it is. */
export function applyZipOp(zip: Uint8Array, op: ZipOp): Uint8Array {
  try {
    if (op.kind === 'bytes') return applyByteOps(zip, op.ops)
    if (op.kind === 'entryCount') return withDeclaredEntryCount(zip, op.count)
    const count = zip.length >= 22 ? zip[zip.length - 12]! | (zip[zip.length - 11]! << 8) : 0
    return count === 0 ? zip : withDeclaredSize(zip, op.entry % count, op.size)
  } catch {
    return zip
  }
}
