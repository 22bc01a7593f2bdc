// C0/C1 controls except tab and LF, stray BOMs, and bidi overrides that could hide text
const REMOVED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF\u202A-\u202E\u2066-\u2069]/g

/**
 * The canonical text every offset refers to, frozen at import: BOM stripped, CRLF/CR → LF, lone surrogates
 * replaced, control characters (but tab and LF) removed, Unicode NFC. Returns how many were removed.
 */
export function canonicalize(raw: string): { text: string; removed: number } {
  let removed = 0
  const cleaned = raw
    .replace(/\r\n?/g, '\n')
    .toWellFormed()
    .replace(REMOVED, () => {
      removed++
      return ''
    })
  // NFC last: a control character removed between a letter and its accent leaves a pair that composes
  return { text: cleaned.normalize('NFC'), removed }
}
