import { Editor } from '@tiptap/core'
import Document from '@tiptap/extension-document'
import Paragraph from '@tiptap/extension-paragraph'
import Text from '@tiptap/extension-text'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { memoDoc, memoSlice, memoText } from '@renderer/editor/memoText'

let editor: Editor | null = null
afterEach(() => {
  editor?.destroy()
  editor = null
})

// the memo editor's schema, holding `text` as MemoEditor loads it
function load(text: string): Editor {
  editor?.destroy()
  editor = new Editor({ element: document.createElement('div'), extensions: [Document, Paragraph, Text], content: memoDoc(text), injectCSS: false })
  return editor
}

const EXACT = [
  '',
  '\n',
  '\n\n\n',
  'one line',
  'first\nsecond',
  'a\n\nb',
  '\n\nafter two empty lines',
  'before two empty lines\n\n',
  '  leading and trailing spaces  ',
  '   \n \n  ',
  'tab\tinside\t',
  'astral 😊 𝔸 and a family 👨‍👩‍👧',
  'combining e\u0301 vs é, NBSP\u00a0here, zero width\u200bjoiner',
  'RTL: مرحبا بالعالم, CJK: 和平協議',
  'looks like HTML: <b>bold</b> &amp; <script>alert(1)</script>',
  'carriage\r\nreturn kept as typed'
]

describe('memo text ↔ editor document', () => {
  it.each(EXACT.map((t) => [JSON.stringify(t), t]))('round-trips %s exactly', (_name, text) => {
    expect(memoText(load(text).state.doc)).toBe(text)
  })

  it('makes one paragraph per line, empty lines included', () => {
    const doc = load('a\n\nb').state.doc
    expect(doc.childCount).toBe(3)
    expect(doc.child(1).content.size).toBe(0)
    expect(doc.textContent).toBe('ab')
  })

  it('round-trips any text: every code point, spaces and newlines in any order', () => {
    const { schema } = load('')
    const piece = fc.oneof(fc.constant('\n'), fc.constant(' '), fc.constant('\n\n'), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }))
    fc.assert(
      // through the schema the editor loads JSON content with, not a new editor per run
      fc.property(fc.array(piece, { maxLength: 12 }).map((p) => p.join('')), (text) => memoText(schema.nodeFromJSON(memoDoc(text))) === text),
      { numRuns: 200 }
    )
  })

  it('copies a piece of a memo as "\\n"-separated text, within a line or across lines', () => {
    const { doc } = load('ab\n\ncd').state
    // positions: <p>ab</p> is 0–4, the empty <p> 4–6, <p>cd</p> 6–10
    expect(memoText(doc.slice(2, 8).content)).toBe('b\n\nc')
    expect(memoText(doc.slice(1, 2).content)).toBe('a')
  })
})

describe('memoSlice (pasted and dropped text)', () => {
  const paste = (start: string, at: number, text: string) => {
    const e = load(start)
    e.commands.setTextSelection(at)
    e.view.dispatch(e.state.tr.replaceSelection(memoSlice(e.state.schema, text)))
    return memoText(e.state.doc)
  }

  it('inserts one line inline and several lines as paragraphs joined to the text around them', () => {
    expect(paste('AB', 2, 'xyz')).toBe('AxyzB')
    expect(paste('AB', 2, 'one\ntwo\n\nfour')).toBe('Aone\ntwo\n\nfourB')
    expect(paste('', 1, '\n')).toBe('\n')
  })

  it('reads CRLF and CR line ends as "\\n", and keeps spaces and tags as literal text', () => {
    expect(paste('', 1, 'one\r\ntwo\rthree')).toBe('one\ntwo\nthree')
    expect(paste('', 1, '  <i>not italic</i>  ')).toBe('  <i>not italic</i>  ')
    expect(paste('AB', 2, '')).toBe('AB')
  })
})
