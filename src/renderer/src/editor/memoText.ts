import type { JSONContent } from '@tiptap/core'
import { Fragment, Slice, type Node, type Schema } from '@tiptap/pm/model'

// Memos are stored as plain text, one paragraph per line: the form tag notes already have in exports.

/** The editor document for a stored memo: one paragraph per "\n"-separated line, empty lines included. */
export function memoDoc(text: string): JSONContent {
  return { type: 'doc', content: text.split('\n').map(paragraph) }
}

/** The stored form of a memo document or of a copied piece of one: paragraphs joined by "\n", text untouched. */
export function memoText(content: Node | Fragment): string {
  const fragment = content instanceof Fragment ? content : content.content
  return fragment.textBetween(0, fragment.size, '\n')
}

/** Pasted or dropped plain text as a slice that opens into the paragraph it lands in; CRLF and CR count as "\n". */
export function memoSlice(schema: Schema, text: string): Slice {
  if (text === '') return Slice.empty
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  return new Slice(Fragment.fromArray(lines.map((line) => schema.nodeFromJSON(paragraph(line)))), 1, 1)
}

function paragraph(line: string): JSONContent {
  return line === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text: line }] }
}
