import { Editor } from '@tiptap/core'
import Document from '@tiptap/extension-document'
import Paragraph from '@tiptap/extension-paragraph'
import Text from '@tiptap/extension-text'
import { afterEach, expect, it } from 'vitest'
import { ArticleOffsets } from '@shared/offsets'
import { Annotation, annotationPluginKey } from '@renderer/editor/extensions/annotation/annotation'
import { articleDoc } from '@renderer/editor/articleDoc'
import { FIRST_WINDOW } from '@renderer/editor/extensions/annotation/constants'
import type { AnnotationItem } from '@renderer/editor/extensions/annotation/types'
import { tagIdsOf } from '@renderer/editor/extensions/annotation/utils/tagIdsOf'

const LINE = 'Paragraph mentions the Clan del Golfo and the ELN in passing, again.'
const TEXT = Array.from({ length: 400 }, () => LINE).join('\n')
const offsets = new ArticleOffsets(TEXT)
// a tag on "Clan del Golfo" in line i
const tag = (i: number, id = `t${i}`): AnnotationItem => {
  const start = i * (LINE.length + 1) + LINE.indexOf('Clan')
  return { id, ranges: [{ from: offsets.cpToPos(start), to: offsets.cpToPos(start + 'Clan del Golfo'.length) }], labelClass: 'sw-label-0' }
}
let editor: Editor | null = null
afterEach(() => editor?.destroy())

const drawnIds = () => new Set([...editor!.view.dom.querySelectorAll('.sw-tag')].flatMap((el) => tagIdsOf(el)))
const untilAllDrawn = async () => {
  for (let i = 0; i < 100 && editor!.view.dom.getAttribute('data-tags-drawn') !== 'all'; i++) await new Promise((r) => setTimeout(r, 1))
  expect(editor!.view.dom.getAttribute('data-tags-drawn')).toBe('all')
}

it('draws a long article progressively: the opening text first, every tag once done, edits made meanwhile kept', async () => {
  const initial = Array.from({ length: 400 }, (_, i) => tag(i))
  editor = new Editor({ element: document.createElement('div'), extensions: [Document, Paragraph, Text, Annotation.configure({ initial })], content: articleDoc(offsets.layout), editable: false, injectCSS: false })
  expect(editor.state.doc.content.size).toBeGreaterThan(3 * FIRST_WINDOW)
  const first = drawnIds()
  expect(editor.view.dom.getAttribute('data-tags-drawn')).toBe('partial')
  expect(first.has('t0')).toBe(true)
  expect(first.has('t399')).toBe(false)
  expect(first.size).toBeLessThan(initial.length)

  // edits while the rest is still being drawn: a late tag removed, a late tag added, a late tag selected
  editor.commands.removeAnnotations(['t398'])
  editor.commands.upsertAnnotations([tag(397, 'late')])
  editor.commands.selectAnnotation('t396')
  await untilAllDrawn()
  const all = drawnIds()
  expect(all.has('t398')).toBe(false)
  expect(all.has('late') && all.has('t399') && all.has('t0')).toBe(true)
  expect(all.size).toBe(initial.length)
  const texts = [...editor.view.dom.querySelectorAll('.sw-id-t396')].map((el) => el.textContent).join('')
  expect(texts).toBe('Clan del Golfo')
  expect(editor.view.dom.querySelector('.sw-id-t396')!.classList.contains('sw-tag-selected')).toBe(true)
  // the drawn set is the full set: nothing drawn twice
  const state = annotationPluginKey.getState(editor.state)!
  expect(state.shown).toBe(state.decorations)
})

it('opens with the opening text’s tags only, says so until all arrive, and keeps the first window as it was', async () => {
  const all = Array.from({ length: 400 }, (_, i) => tag(i))
  // the tags starting in the first FIRST_WINDOW code points, as the article view asks for them first
  const opening = all.filter((_, i) => i * (LINE.length + 1) + LINE.indexOf('Clan') < FIRST_WINDOW)
  expect(opening.length).toBeLessThan(all.length)
  editor = new Editor({ element: document.createElement('div'), extensions: [Document, Paragraph, Text, Annotation.configure({ initial: opening, pending: true })], content: articleDoc(offsets.layout), editable: false, injectCSS: false })
  const opened = () => [...editor!.view.dom.querySelectorAll('p')].slice(0, 20).map((p) => p.innerHTML)
  const firstWindow = opened()
  // drawing what it has does not complete the view while tags are on their way
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 1))
  expect(annotationPluginKey.getState(editor.state)!.shownTo).toBe(editor.state.doc.content.size)
  expect(editor.view.dom.getAttribute('data-tags-drawn')).toBe('partial')

  // the rest arrive: the first window is drawn exactly as before (same lanes), the rest follow progressively
  editor.commands.setAnnotations(all)
  expect(opened()).toEqual(firstWindow)
  expect(firstWindow.join('')).toContain('sw-id-t19')
  expect(drawnIds().has('t399')).toBe(false)
  await untilAllDrawn()
  expect(drawnIds().size).toBe(all.length)
})
