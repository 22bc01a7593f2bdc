import { readFileSync } from 'node:fs'
import { isUtf8 } from 'node:buffer'
import { firstInvalidUtf8 } from '../../first-invalid-utf8'
import type { IssueSink } from '../imported-document'

/**
 * A file's text as strict UTF-8, byte-order mark kept (brat's Python counts it as a character, so offsets include
 * it); null after reporting when the file cannot be read or is not UTF-8.
 */
export function readUtf8File(path: string, name: string, issue: IssueSink): string | null {
  let bytes: Buffer
  try {
    bytes = readFileSync(path)
  } catch (error) {
    issue({ file: name, severity: 'error', code: 'UNREADABLE', message: `${name} cannot be read: ${(error as Error).message}` })
    return null
  }
  if (!isUtf8(bytes)) {
    const at = firstInvalidUtf8(bytes)
    issue({ file: name, severity: 'error', code: 'INVALID_UTF8', byteOffset: at, message: `${name} is not valid UTF-8 (first bad byte at offset ${at}); brat files are UTF-8: re-save it as UTF-8` })
    return null
  }
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
}
