import { Editor } from '@tiptap/core'
import Document from '@tiptap/extension-document'
import Paragraph from '@tiptap/extension-paragraph'
import Text from '@tiptap/extension-text'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ArticleOffsets } from '@shared/offsets'
import { Annotation, annotationPluginKey } from '@renderer/editor/extensions/annotation/annotation'
import { articleDoc } from '@renderer/editor/articleDoc'
import type { AnnotationItem } from '@renderer/editor/extensions/annotation/types'

const TEXT = 'The ELN 😊 said on Sunday that its Eastern War Front would observe the truce.\n\nThe army said the ELN broke it.'
let editor: Editor | null = null
let element: HTMLElement | null = null

function setup(onTagsClicked?: (ids: string[]) => void) {
  const offsets = new ArticleOffsets(TEXT)
  element = document.createElement('div')
  // attached, so computed styles (the hover rule) apply
  document.body.append(element)
  editor = new Editor({ element, extensions: [Document, Paragraph, Text, Annotation.configure({ onTagsClicked })], content: articleDoc(offsets.layout), editable: false, injectCSS: false })
  const range = (quote: string, occurrence = 1) => {
    let at = -1
    for (let i = 0; i < occurrence; i++) at = TEXT.indexOf(quote, at + 1)
    return { from: offsets.cpToPos(offsets.utf16ToCp(at)), to: offsets.cpToPos(offsets.utf16ToCp(at + quote.length)) }
  }
  const item = (id: string, ...ranges: { from: number; to: number }[]): AnnotationItem => ({ id, ranges, labelClass: 'sw-label-0' })
  return { editor, range, item }
}

const piecesOf = (id: string) => [...editor!.view.dom.querySelectorAll(`.sw-id-${id}`)]
// whether a hover rule matches: happy-dom does not recompute a cached style when a stylesheet changes
const outlined = (el: Element) =>
  document.adoptedStyleSheets.some((sheet) => [...sheet.cssRules].some((r) => r instanceof CSSStyleRule && r.style.outline !== '' && el.matches(r.selectorText)))
const hover = (el: Element) => el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }))

afterEach(() => {
  editor?.destroy()
  element?.remove()
  editor = null
})

describe('a tag with several fragments', () => {
  it('is drawn in every fragment, and selecting it marks every fragment with the selected class', () => {
    const { editor, range, item } = setup()
    editor.commands.setAnnotations([item('eln', range('The ELN'), range('its Eastern War Front')), item('army', range('The army'))])
    expect(piecesOf('eln').map((el) => el.textContent)).toEqual(['The ELN', 'its Eastern War Front'])
    editor.commands.selectAnnotation('eln')
    expect(piecesOf('eln').map((el) => el.classList.contains('sw-tag-selected'))).toEqual([true, true])
    expect(piecesOf('army')[0]!.classList.contains('sw-tag-selected')).toBe(false)
  })

  it('gains a fragment by id: the new one is drawn selected too, and other tags are not rebuilt', () => {
    const { editor, range, item } = setup()
    editor.commands.setAnnotations([item('eln', range('The ELN')), item('army', range('The army'))])
    const typeOf = (id: string) => (annotationPluginKey.getState(editor.state)!.decorations.find(undefined, undefined, (s: { id: string }) => s.id === id)[0] as unknown as { type: unknown }).type
    const army = typeOf('army')
    editor.commands.changeAnnotations({ upsert: [item('eln', range('The ELN'), range('the ELN', 1))], select: 'eln' })
    expect(piecesOf('eln').map((el) => [el.textContent, el.classList.contains('sw-tag-selected')])).toEqual([
      ['The ELN', true],
      ['the ELN', true]
    ])
    expect(typeOf('army')).toBe(army)
  })

  it('outlines all its fragments while one is hovered, without touching the editor DOM', () => {
    const { editor, range, item } = setup()
    editor.commands.setAnnotations([item('eln', range('The ELN'), range('its Eastern War Front'), range('the ELN')), item('army', range('The army'))])
    const html = editor.view.dom.innerHTML
    hover(piecesOf('eln')[1]!)
    expect(piecesOf('eln').map(outlined)).toEqual([true, true, true])
    expect(outlined(piecesOf('army')[0]!)).toBe(false)
    expect(editor.view.dom.innerHTML).toBe(html)

    hover(piecesOf('army')[0]!)
    expect(piecesOf('eln').map(outlined)).toEqual([false, false, false])
    expect(outlined(piecesOf('army')[0]!)).toBe(true)
    editor.view.dom.dispatchEvent(new MouseEvent('mouseleave'))
    expect(outlined(piecesOf('army')[0]!)).toBe(false)
  })

  it('hovered where tags nest, outlines the innermost one; a selected tag keeps its own outline', () => {
    const { editor, range, item } = setup()
    editor.commands.setAnnotations([item('claim', range('The army said the ELN broke it')), item('eln', range('The ELN'), range('the ELN'))])
    hover(piecesOf('eln')[1]!)
    expect(piecesOf('eln').map(outlined)).toEqual([true, true])
    expect(piecesOf('claim').filter((el) => !el.classList.contains('sw-id-eln')).some(outlined)).toBe(false)
    editor.commands.selectAnnotation('eln')
    expect(piecesOf('eln').some(outlined)).toBe(false)
  })

  it('clicked where a fragment nests in another tag, reports the fragment’s tag first however far apart its fragments are', () => {
    const clicked = vi.fn()
    const { editor, range, item } = setup(clicked)
    editor.commands.setAnnotations([item('claim', range('The army said the ELN broke it')), item('eln', range('The ELN'), range('the ELN'))])
    piecesOf('eln')[1]!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
    expect(clicked).toHaveBeenCalledWith(['eln', 'claim'], expect.anything())
  })
})
