import { parseBoundedJson } from '../text/parse-bounded-json'

/** Heading of the attribute block in a tag's REFI-QDA note: one "key: <JSON value>" line per attribute follows. */
export const REFI_ATTRIBUTES_HEADING = '[Spanwise attributes]'

/** Description of a note Spanwise wrote for a tag; every selection of a discontinuous tag refers to the same note. */
export const REFI_TAG_NOTE_PREFIX = 'spanwise-tag:'

const KEY = /^[a-z][a-z0-9_]*$/

/** A tag's note text and attributes as one readable note a QDA tool shows and Spanwise can read back. */
export function formatTagNote(note: string, attributes: Record<string, unknown>): string {
  const lines = Object.entries(attributes)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
  // a note that itself contains the heading gets a block (maybe empty) after it, so the last heading is always ours
  if (lines.length === 0 && !note.includes(REFI_ATTRIBUTES_HEADING)) return note
  return `${note}${note ? '\n\n' : ''}${REFI_ATTRIBUTES_HEADING}\n${lines.join('\n')}`
}

export interface ParsedTagNote {
  note: string
  attributes: Record<string, unknown>
  /** Lines of the attribute block that are not "key: <JSON value>". */
  bad: string[]
}

/** Splits a note written by formatTagNote; a note without the heading is all free text. */
export function parseTagNote(content: string): ParsedTagNote {
  const last = content.lastIndexOf(`\n\n${REFI_ATTRIBUTES_HEADING}\n`)
  const at = last !== -1 ? last : content.startsWith(`${REFI_ATTRIBUTES_HEADING}\n`) ? 0 : -1
  if (at === -1) return { note: content, attributes: {}, bad: [] }
  const note = content.slice(0, at)
  const block = content.slice(content.indexOf(REFI_ATTRIBUTES_HEADING, at) + REFI_ATTRIBUTES_HEADING.length)
  const attributes: Record<string, unknown> = {}
  const bad: string[] = []
  for (const line of block.split('\n')) {
    if (line.trim() === '') continue
    const colon = line.indexOf(': ')
    const key = colon === -1 ? '' : line.slice(0, colon)
    try {
      if (!KEY.test(key)) throw new Error('no key')
      attributes[key] = parseBoundedJson(line.slice(colon + 2))
    } catch {
      bad.push(line)
    }
  }
  return { note, attributes, bad }
}
