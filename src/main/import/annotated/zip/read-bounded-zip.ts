import { inflateBounded } from './inflate-bounded'
import { unsafeEntryName } from './unsafe-entry-name'
import { zipDirectory, ZipUnreadable } from './zip-directory'
import type { ZipLimits } from './zip-limits'
import { ZipRefused } from './zip-refused'

const MB = (bytes: number) => Math.round(bytes / 2 ** 20)

/**
 * Reads the entries of a zip archive that `wanted` names, within `limits`: refused (ZipRefused) before anything
 * is inflated when the archive is damaged, has too many entries, an entry name that would leave a folder
 * ("../x", "/x", "C:\x", backslashes) or two entries of one name, or declares more than the limits allow; and
 * while inflating, when the bytes really produced pass the total or the compression ratio limit, or differ from
 * the size the entry declares. Checking the caller's file size against `limits.fileBytes` comes first.
 */
export function readBoundedZip(data: Uint8Array, file: string, limits: ZipLimits, wanted: (name: string) => boolean): Map<string, Uint8Array> {
  // `what` follows the file name: " is damaged…" or ": the entry…"
  const refuse = (code: 'BAD_ARCHIVE' | 'FILE_TOO_LARGE', what: string) => new ZipRefused(code, `${file}${what} ${limits.advice}`)
  const ratioRefusal = (name: string) => refuse('FILE_TOO_LARGE', `: the entry "${name}" is compressed more than ${limits.ratio} to 1, as zip bombs are; the file is refused.`)
  if (data[0] !== 0x50 || data[1] !== 0x4b) throw refuse('BAD_ARCHIVE', ` is not a zip archive, so it is not ${limits.kind}.`)
  let entries
  try {
    entries = zipDirectory(data, limits.entries)
  } catch (error) {
    if (!(error instanceof ZipUnreadable)) throw error
    throw refuse('BAD_ARCHIVE', ` is damaged or incomplete: its zip archive cannot be read (${error.message}), probably because it was cut short while copying.`)
  }
  if (!entries) throw refuse('FILE_TOO_LARGE', ` has more than ${limits.entries} entries, far more than ${limits.kind} holds, so it is refused.`)

  const names = new Set<string>()
  let declared = 0
  for (const e of entries) {
    if (unsafeEntryName(e.name)) throw refuse('BAD_ARCHIVE', ` holds an entry named "${e.name}", which points outside the archive (a path with "..", a drive, a leading / or a backslash); such a file is refused.`)
    if (names.has(e.name)) throw refuse('BAD_ARCHIVE', ` holds two entries named "${e.name}", so which one is meant is unclear; such a file is refused.`)
    names.add(e.name)
    if (!wanted(e.name)) continue
    declared += e.size
    if (declared > limits.inflatedBytes) throw refuse('FILE_TOO_LARGE', ` would unpack to more than ${MB(limits.inflatedBytes)} MB, more than ${limits.kind} may; such a file is refused.`)
    if (e.size > limits.ratioFloor && e.size / Math.max(e.compressedSize, 1) > limits.ratio) throw ratioRefusal(e.name)
  }

  const out = new Map<string, Uint8Array>()
  let total = 0
  for (const e of entries) {
    if (!wanted(e.name)) continue
    if (e.flags & 1) throw refuse('BAD_ARCHIVE', `: the entry "${e.name}" is encrypted, and Spanwise cannot read encrypted archives.`)
    const stored = data.subarray(e.dataStart, e.dataStart + e.compressedSize)
    let bytes: Uint8Array
    if (e.method === 0) bytes = stored
    else if (e.method === 8) {
      try {
        bytes = inflateBounded(stored, { maxBytes: limits.inflatedBytes - total, ratio: limits.ratio, ratioFloor: limits.ratioFloor }, (kind) =>
          kind === 'ratio' ? ratioRefusal(e.name) : refuse('FILE_TOO_LARGE', ` unpacks to more than ${MB(limits.inflatedBytes)} MB (more than its zip headers state), more than ${limits.kind} may; such a file is refused.`)
        )
      } catch (error) {
        if (error instanceof ZipRefused) throw error
        throw refuse('BAD_ARCHIVE', ` is damaged: the entry "${e.name}" cannot be unpacked (${(error as Error).message}).`)
      }
    } else throw refuse('BAD_ARCHIVE', `: the entry "${e.name}" uses compression method ${e.method}; Spanwise reads stored and deflated entries only.`)
    if (bytes.length !== e.size) throw refuse('BAD_ARCHIVE', ` is damaged: the entry "${e.name}" unpacks to ${bytes.length} bytes, not the ${e.size} its zip header states.`)
    total += bytes.length
    out.set(e.name, bytes)
  }
  return out
}
