import { readFileSync } from 'node:fs'
import { isUtf8 } from 'node:buffer'
import { firstInvalidUtf8 } from '../first-invalid-utf8'
import type { IssueSink } from './imported-document'

/**
 * A file's text as strict UTF-8, byte-order mark kept (brat's Python counts it as a character, so offsets include
 * it); null after reporting when the file cannot be read or is not UTF-8 (never decoded with replacement characters).
 */
export function readUtf8File(path: string, name: string, issue: IssueSink): string | null {
  let bytes: Buffer
  try {
    bytes = readFileSync(path)
  } catch (error) {
    issue({ file: name, severity: 'error', code: 'UNREADABLE', message: `${name} cannot be read: ${(error as Error).message}` })
    return null
  }
  return decodeUtf8(bytes, name, issue)
}

/** Bytes as strict UTF-8 (BOM kept); null after reporting INVALID_UTF8 with the first bad byte's offset. */
export function decodeUtf8(bytes: Uint8Array, name: string, issue: IssueSink, line?: number, offset = 0): string | null {
  if (!isUtf8(bytes)) {
    const at = offset + firstInvalidUtf8(bytes)
    issue({ file: name, ...(line ? { line } : {}), severity: 'error', code: 'INVALID_UTF8', byteOffset: at, message: `${name}${line ? ` line ${line}` : ''} is not valid UTF-8 (first bad byte at offset ${at}); save the file as UTF-8 and import it again.` })
    return null
  }
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
}
