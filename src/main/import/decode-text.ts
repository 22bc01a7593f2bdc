import type { ImportIssueCode } from '../../shared/domain'
import { isUtf8 } from 'node:buffer'
import { firstInvalidUtf8 } from './first-invalid-utf8'

/** A file that cannot become an article, with the reason a user can act on. */
export class FileRejected extends Error {
  constructor(
    readonly code: ImportIssueCode,
    message: string,
    readonly byteOffset?: number
  ) {
    super(message)
  }
}

const SIGNATURES: [string, number[]][] = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a ZIP archive or Office document (.docx, .xlsx)', [0x50, 0x4b, 0x03, 0x04]],
  ['a legacy Office document (.doc)', [0xd0, 0xcf, 0x11, 0xe0]],
  ['a gzip archive', [0x1f, 0x8b]]
]

// What Windows-1252 bytes 0x80-0x9F mean (WHATWG index). Node's TextDecoder decodes them as Latin-1 C1 controls
// (nodejs/node#56542), which canonicalize() would then delete: curly quotes, dashes and € would vanish.
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'

/**
 * Decodes a text file's bytes without ever guessing silently: UTF-8 (strict) or Windows-1252 when asked,
 * UTF-16 when it starts with a UTF-16 byte-order mark. Rejects empty and binary files.
 */
export function decodeText(bytes: Uint8Array, encoding: 'utf-8' | 'windows-1252'): { text: string; encoding: string } {
  if (bytes.length === 0) throw new FileRejected('EMPTY_FILE', 'the file is empty')
  for (const [what, sig] of SIGNATURES) {
    if (sig.every((b, i) => bytes[i] === b)) throw new FileRejected('BINARY_FILE', `this is ${what}, not text; save it as plain text (.txt) first`)
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' }
  const nul = bytes.subarray(0, 65536).indexOf(0)
  if (nul !== -1) throw new FileRejected('BINARY_FILE', `this looks like a binary file (a NUL byte at byte ${nul}), not text`, nul)
  if (encoding === 'windows-1252')
    return { text: new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_80_9F[c.charCodeAt(0) - 0x80]!), encoding }
  // the native check is fast; the byte-by-byte scan only runs to name the offset of a bad byte
  const bad = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes)
  if (bad !== -1)
    throw new FileRejected(
      'INVALID_UTF8',
      `this is not valid UTF-8 (first bad byte at offset ${bad}); it may be Windows-1252: import it again with that encoding`,
      bad
    )
  return { text: new TextDecoder('utf-8').decode(bytes), encoding }
}
