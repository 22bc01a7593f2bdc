import { createHash } from 'node:crypto'

/**
 * A stable GUID for an exported object (name-based, RFC 4122 version 5 layout), so exporting the same
 * project twice gives the same GUIDs and a QDA tool can recognise what it imported before.
 */
export function refiGuid(kind: string, ...ids: string[]): string {
  const hex = createHash('sha1').update(['spanwise', kind, ...ids].join('\u0000')).digest('hex')
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
