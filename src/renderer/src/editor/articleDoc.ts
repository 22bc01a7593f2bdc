import type { JSONContent } from '@tiptap/core'
import type { TextLayout } from '@shared/offsets'

/** The viewer's document: one paragraph per line of the canonical text, so positions map exactly (see TextLayout). */
export function articleDoc(layout: TextLayout): JSONContent {
  return {
    type: 'doc',
    content: layout.lines.map((line) => (line === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text: line }] }))
  }
}
