import { memo, useEffect, useRef } from 'react'
import Document from '@tiptap/extension-document'
import Paragraph from '@tiptap/extension-paragraph'
import Text from '@tiptap/extension-text'
import { TextSelection } from '@tiptap/pm/state'
import { EditorContent, useEditor, type Editor } from '@tiptap/react'
import type { ArticleOffsets, CpRange } from '@shared/offsets'
import { Annotation, annotationPluginKey } from './extensions/annotation/annotation'
import type { AnnotationItem } from './extensions/annotation/types'
import { articleDoc } from './articleDoc'

export interface ViewerSelection {
  range: CpRange
  rect: DOMRect
}

interface Props {
  offsets: ArticleOffsets
  /** Tags drawn in the first render. */
  initialItems: AnnotationItem[]
  /** The initial tags are the opening text's only; setAnnotations brings them all. */
  pending?: boolean
  onEditor: (editor: Editor | null) => void
  onSelection: (selection: ViewerSelection | null) => void
  /** A selection made with Alt or Ctrl/Cmd held while a tag is selected: a fragment to add to that tag. */
  onAddFragment: (selection: ViewerSelection) => void
  onTagsClicked: (ids: string[], event: MouseEvent) => void
}

/** The focusable box around the text: keyboard selection works while it has focus. */
export const VIEWER_ID = 'article-viewer'

/** The article text in a read-only TipTap view; reports snapped selections and clicks on tags. */
// memo: tag edits reach the text as editor transactions, so a re-render of the article view need not touch it
export const ArticleViewer = memo(function ArticleViewer({ offsets, initialItems, pending = false, onEditor, onSelection, onAddFragment, onTagsClicked }: Props) {
  const callbacks = useRef({ onSelection, onAddFragment, onTagsClicked })
  callbacks.current = { onSelection, onAddFragment, onTagsClicked }
  const editor = useEditor(
    {
      extensions: [Document, Paragraph, Text, Annotation.configure({ initial: initialItems, pending, onTagsClicked: (ids, e) => callbacks.current.onTagsClicked(ids, e) })],
      content: articleDoc(offsets.layout),
      editable: false,
      injectCSS: false,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: { attributes: { class: 'article-text', 'aria-label': 'Article text', role: 'document' } }
    },
    [offsets]
  )

  useEffect(() => {
    onEditor(editor)
    return () => onEditor(null)
  }, [editor, onEditor])

  // reads the DOM selection (a read-only view has no editor selection), snaps it, and shows the snapped extent
  const readSelection = (exact: boolean, showSnapped: boolean, asFragment = false) => {
    const sel = document.getSelection()
    if (!editor || !sel || sel.isCollapsed || sel.rangeCount === 0 || !sel.anchorNode || !sel.focusNode) return callbacks.current.onSelection(null)
    const root = editor.view.dom
    if (!root.contains(sel.anchorNode) || !root.contains(sel.focusNode)) return callbacks.current.onSelection(null)
    const a = editor.view.posAtDOM(sel.anchorNode, sel.anchorOffset)
    const b = editor.view.posAtDOM(sel.focusNode, sel.focusOffset)
    const range = offsets.selectionToRange(a, b, exact)
    if (!range) return callbacks.current.onSelection(null)
    if (showSnapped) {
      // through ProseMirror's own selection, or its delayed post-drag sync would restore the raw drag
      const { state } = editor.view
      editor.view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, offsets.cpToPos(range.start), offsets.cpToPos(range.end))))
    }
    const selection = { range, rect: sel.getRangeAt(0).getBoundingClientRect() }
    if (asFragment) {
      callbacks.current.onSelection(null)
      callbacks.current.onAddFragment(selection)
    } else callbacks.current.onSelection(selection)
  }

  // a key pressed before the read above ran (a busy page handles input before timers) must act on the new selection
  const pendingRead = useRef<{ timer: ReturnType<typeof setTimeout>; read: () => void } | null>(null)
  useEffect(() => {
    const flush = () => {
      const pending = pendingRead.current
      if (!pending) return
      clearTimeout(pending.timer)
      pending.read()
    }
    // capture phase: before the article view's own key handling
    window.addEventListener('keydown', flush, true)
    return () => {
      window.removeEventListener('keydown', flush, true)
      clearTimeout(pendingRead.current?.timer)
    }
  }, [])

  const onKeyDown = (e: React.KeyboardEvent) => {
    const sel = document.getSelection()
    if (!sel || !editor) return
    if ((e.ctrlKey || e.metaKey) && (e.key === 'Home' || e.key === 'End')) {
      // Ctrl+Home / Ctrl+End put the caret at the text's start or end (with Shift, select to there), as in a word processor
      e.preventDefault()
      const paragraphs = editor.view.dom.querySelectorAll('p')
      const p = (e.key === 'Home' ? paragraphs[0] : paragraphs[paragraphs.length - 1]) ?? editor.view.dom
      const offset = e.key === 'Home' ? 0 : p.childNodes.length
      if (e.shiftKey && sel.rangeCount && editor.view.dom.contains(sel.anchorNode)) sel.extend(p, offset)
      else sel.collapse(p, offset)
      p.scrollIntoView({ block: 'nearest' })
      if (e.shiftKey) readSelection(true, false)
      return
    }
    if (!e.shiftKey) return
    // keyboard-only users start selecting at the top of the text
    if (!sel.rangeCount || !editor.view.dom.contains(sel.anchorNode)) sel.collapse(editor.view.dom.querySelector('p') ?? editor.view.dom, 0)
    const dir = { ArrowRight: 'forward', ArrowLeft: 'backward', ArrowDown: 'forward', ArrowUp: 'backward' }[e.key]
    if (!dir) return
    e.preventDefault()
    const unit = e.key === 'ArrowDown' || e.key === 'ArrowUp' ? 'line' : e.ctrlKey || e.altKey ? 'word' : 'character'
    sel.modify('extend', dir, unit)
    readSelection(true, false)
  }

  return (
    <div
      id={VIEWER_ID}
      className="article-viewer"
      tabIndex={0}
      onMouseUp={(e) => {
        const mod = e.ctrlKey || e.metaKey
        // with a tag selected, Alt- or Ctrl/Cmd-drag adds a fragment to it (word-snapped; exact with both held)
        const asFragment = (e.altKey || mod) && !!editor && !!annotationPluginKey.getState(editor.state)?.selected
        const exact = e.altKey && (!asFragment || mod)
        // read once the browser has settled the selection (a click inside one collapses it after mouseup)
        clearTimeout(pendingRead.current?.timer)
        const read = () => {
          pendingRead.current = null
          readSelection(exact, true, asFragment)
        }
        pendingRead.current = { timer: setTimeout(read, 0), read }
      }}
      onKeyDown={onKeyDown}
    >
      <EditorContent editor={editor} />
    </div>
  )
})
