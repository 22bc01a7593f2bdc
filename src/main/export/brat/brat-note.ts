import { LINE_BREAK } from '../../../shared/offsets'

/** An AnnotatorNotes text starting with this holds, as JSON, the attributes brat has no form for. */
export const ATTRIBUTES_NOTE_PREFIX = 'spanwise-attributes '

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' }
const UNESCAPES: Record<string, string> = { '\\': '\\', n: '\n', r: '\r', t: '\t' }
const OTHER_BREAKS = new RegExp(LINE_BREAK.source.replace('\\n', '').replace('\\r', ''), 'g')

/** A note as one .ann line: backslash, newline, CR and tab escaped as \\ \n \r \t; rarer line breaks as \uXXXX. */
export function encodeNote(note: string): string {
  return note.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c]!).replace(OTHER_BREAKS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** Undoes encodeNote; a backslash before any other character is kept as written. */
export function decodeNote(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|[\\nrt])/g, (whole, c: string) =>
    c.length === 5 ? String.fromCharCode(parseInt(c.slice(1), 16)) : (UNESCAPES[c] ?? whole)
  )
}

/** Attributes as a one-line JSON note; line separators JSON leaves raw are escaped too. */
export function encodeAttributesNote(attributes: Record<string, unknown>): string {
  return ATTRIBUTES_NOTE_PREFIX + JSON.stringify(attributes).replace(OTHER_BREAKS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** Text written on one line with no tab (an actor's name in a Reference line). */
export function oneLine(text: string): string {
  return text.replace(new RegExp(`${LINE_BREAK.source}|\\t`, 'g'), ' ')
}
