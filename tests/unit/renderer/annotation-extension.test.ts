import { Editor } from '@tiptap/core'
import Document from '@tiptap/extension-document'
import Paragraph from '@tiptap/extension-paragraph'
import Text from '@tiptap/extension-text'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ArticleOffsets } from '@shared/offsets'
import { Annotation, annotationPluginKey } from '@renderer/editor/extensions/annotation/annotation'
import { articleDoc } from '@renderer/editor/articleDoc'
import type { AnnotationItem } from '@renderer/editor/extensions/annotation/types'
import { tagIdsOf } from '@renderer/editor/extensions/annotation/utils/tagIdsOf'

const TEXT = 'The Clan del Golfo 😊 announced a ceasefire.\n\nPetro called it an opportunity.'
let editor: Editor | null = null

function setup(onTagsClicked?: (ids: string[]) => void) {
  const offsets = new ArticleOffsets(TEXT)
  editor = new Editor({
    element: document.createElement('div'),
    extensions: [Document, Paragraph, Text, Annotation.configure({ onTagsClicked })],
    content: articleDoc(offsets.layout),
    editable: false,
    injectCSS: false
  })
  const item = (id: string, quote: string, label = 'sw-label-0'): AnnotationItem => {
    const at = Array.from(TEXT).join('').indexOf(quote)
    const start = offsets.utf16ToCp(at)
    const end = offsets.utf16ToCp(at + quote.length)
    return { id, ranges: [{ from: offsets.cpToPos(start), to: offsets.cpToPos(end) }], labelClass: label }
  }
  return { editor, offsets, item }
}

const state = () => annotationPluginKey.getState(editor!.state)!
// each tag's text, gathered from the merged pieces that carry its id class, in document order
const tagsInDom = () => {
  const texts = new Map<string, string>()
  for (const el of editor!.view.dom.querySelectorAll('.sw-tag')) for (const id of tagIdsOf(el)) texts.set(id, (texts.get(id) ?? '') + el.textContent)
  return [...texts]
}
const piecesOf = (id: string) => [...editor!.view.dom.querySelectorAll(`.sw-id-${id}`)]

afterEach(() => {
  editor?.destroy()
  editor = null
})

describe('Annotation extension', () => {
  it('draws each tag as an inline decoration over exactly its text, without changing the document', () => {
    const { editor, item } = setup()
    const before = editor.state.doc.toJSON()
    editor.commands.setAnnotations([item('a', 'Clan del Golfo'), item('b', 'ceasefire', 'sw-label-1')])
    expect(tagsInDom()).toEqual([
      ['a', 'Clan del Golfo'],
      ['b', 'ceasefire']
    ])
    expect(editor.state.doc.toJSON()).toEqual(before)
  })

  it('keeps overlapping and nested tags all visible, each in its own underline lane', () => {
    const { editor, item } = setup()
    editor.commands.setAnnotations([item('event', 'Clan del Golfo 😊 announced a ceasefire'), item('actor', 'Clan del Golfo'), item('x', 'Golfo 😊 announced')])
    const lanes = [...state().items.values()].map((i) => [i.id, i.lane])
    expect(new Set(lanes.map(([, l]) => l)).size).toBe(3)
    const golfo = [...editor.view.dom.querySelectorAll('.sw-tag')].filter((el) => el.textContent?.includes('Golfo'))
    expect(new Set(golfo.flatMap(tagIdsOf))).toEqual(new Set(['event', 'actor', 'x']))
    // one element per piece of text, however many tags overlap there
    expect(editor.view.dom.querySelectorAll('.sw-tag .sw-tag').length).toBe(0)
  })

  it('adds, relabels and removes one tag by id without touching the others', () => {
    const { editor, item } = setup()
    editor.commands.setAnnotations([item('a', 'Clan del Golfo')])
    // find() copies decorations but keeps their type object: the same type means the decoration was not rebuilt
    const typeOf = () => (state().decorations.find(undefined, undefined, (s: { id: string }) => s.id === 'a')[0] as unknown as { type: unknown }).type
    const kept = typeOf()
    editor.commands.upsertAnnotations([item('b', 'Petro')])
    expect(typeOf()).toBe(kept)
    editor.commands.upsertAnnotations([item('b', 'Petro', 'sw-label-2')])
    expect(piecesOf('b')[0]!.className).toContain('sw-label-2-l')
    editor.commands.removeAnnotations(['b'])
    expect(tagsInDom()).toEqual([['a', 'Clan del Golfo']])
  })

  it('marks the selected tag and clears the mark when another is selected', () => {
    const { editor, item } = setup()
    editor.commands.setAnnotations([item('a', 'Clan del Golfo'), item('b', 'Petro')])
    editor.commands.selectAnnotation('a')
    expect(piecesOf('a')[0]!.classList.contains('sw-tag-selected')).toBe(true)
    editor.commands.selectAnnotation('b')
    expect(piecesOf('a')[0]!.classList.contains('sw-tag-selected')).toBe(false)
    expect(piecesOf('b')[0]!.classList.contains('sw-tag-selected')).toBe(true)
  })

  it('reports every tag under a click, innermost first', () => {
    const clicked = vi.fn()
    const { editor, item } = setup(clicked)
    editor.commands.setAnnotations([item('outer', 'Clan del Golfo 😊 announced'), item('inner', 'Golfo')])
    const inner = piecesOf('inner')[0]!
    inner.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
    expect(clicked).toHaveBeenCalledWith(['inner', 'outer'], expect.anything())
  })

  it('draws a tag across a paragraph break in both paragraphs', () => {
    const { editor, offsets } = setup()
    const start = offsets.utf16ToCp(TEXT.indexOf('ceasefire'))
    const end = offsets.utf16ToCp(TEXT.indexOf(' called'))
    editor.commands.setAnnotations([{ id: 'span', ranges: [{ from: offsets.cpToPos(start), to: offsets.cpToPos(end) }], labelClass: 'x' }])
    expect(piecesOf('span').map((el) => el.textContent)).toEqual(['ceasefire.', 'Petro'])
    expect(piecesOf('span').map((el) => el.closest('p'))).toSatisfy(([a, b]: Element[]) => a !== b)
  })
})
