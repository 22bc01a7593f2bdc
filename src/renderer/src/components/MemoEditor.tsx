import { memo, useEffect, useRef, useState } from 'react'
import { Extension } from '@tiptap/core'
import Document from '@tiptap/extension-document'
import Paragraph from '@tiptap/extension-paragraph'
import Text from '@tiptap/extension-text'
import { Placeholder, UndoRedo } from '@tiptap/extensions'
import { EditorContent, useEditor } from '@tiptap/react'
import { memoDoc, memoSlice, memoText } from '../editor/memoText'
import { createDebouncedSaver } from '../state/createDebouncedSaver'

// the memo holds paragraphs only (one per stored line), so Shift+Enter starts a new one too
const ShiftEnter = Extension.create({ name: 'memoShiftEnter', addKeyboardShortcuts: () => ({ 'Shift-Enter': ({ editor }) => editor.commands.splitBlock() }) })

interface Props {
  /** The stored text; shown again when it changes elsewhere (undo, another window) while nothing typed here is unsaved. */
  value: string
  /** Saves the text and reports it (save status, notices); resolves false when the save failed. */
  onSave: (text: string) => Promise<boolean>
  /** The accessible name of the text box. */
  label: string
  placeholder?: string
  /** The id of the element Escape moves the focus to (the article text, for a tag's note), so a keyboard user need not Tab out. */
  escapeTo?: string
  /** @default 300 */
  delayMs?: number
}

/**
 * A plain-text memo in an editable TipTap editor, saved as you type: after a pause, on leaving the box, and
 * before it unmounts or the page goes away. Paragraphs are stored as "\n"-separated lines; pasted and dropped
 * text arrives as plain text, never as HTML.
 */
export const MemoEditor = memo(function MemoEditor({ value, onSave, label, placeholder = '', delayMs = 300, escapeTo }: Props) {
  const [failed, setFailed] = useState(false)
  const saveRef = useRef(onSave)
  saveRef.current = onSave
  const [saver] = useState(() => createDebouncedSaver({ save: (text) => saveRef.current(text), delayMs, saved: value, onFailedChange: setFailed }))

  const editor = useEditor(
    {
      extensions: [Document, Paragraph, Text, UndoRedo, ShiftEnter, Placeholder.configure({ placeholder })],
      content: memoDoc(value),
      injectCSS: false,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: { class: 'memo-text', role: 'textbox', 'aria-label': label, 'aria-multiline': 'true' },
        // the clipboard's plain text rather than its HTML; HTML alone is parsed into this schema, which holds text only
        handlePaste: (view, event, slice) => {
          const text = event.clipboardData?.getData('text/plain')
          view.dispatch(view.state.tr.replaceSelection(text ? memoSlice(view.state.schema, text) : slice).scrollIntoView())
          return true
        },
        handleDrop: (view, event, _slice, moved) => {
          const text = event.dataTransfer?.getData('text/plain')
          const at = view.posAtCoords({ left: event.clientX, top: event.clientY })
          if (moved || !text || !at) return false
          event.preventDefault()
          view.dispatch(view.state.tr.replace(at.pos, at.pos, memoSlice(view.state.schema, text)))
          return true
        },
        clipboardTextSerializer: (slice) => memoText(slice.content),
        handleKeyDown: (_view, event) => {
          const to = escapeTo && event.key === 'Escape' ? document.getElementById(escapeTo) : null
          to?.focus({ preventScroll: true })
          return !!to
        }
      },
      onUpdate: ({ editor }) => saver.change(memoText(editor.state.doc)),
      onBlur: () => saver.flush()
    },
    []
  )

  // a save pending when the page is hidden (reload, closing the window) or the box unmounts (another tag or article) is sent then
  useEffect(() => {
    const leave = () => saver.flush(true)
    window.addEventListener('pagehide', leave)
    return () => {
      window.removeEventListener('pagehide', leave)
      saver.flush()
    }
  }, [saver])

  useEffect(() => {
    if (!editor || !saver.reset(value) || memoText(editor.state.doc) === value) return
    const { state } = editor
    const doc = state.schema.nodeFromJSON(memoDoc(value))
    // a change made elsewhere is not a step of this box's own undo
    editor.view.dispatch(state.tr.replaceWith(0, state.doc.content.size, doc.content).setMeta('addToHistory', false).setMeta('preventUpdate', true))
  }, [editor, saver, value])

  return (
    <div className="memo">
      <EditorContent editor={editor} className="memo-editor" />
      {failed && (
        <p className="memo-failed" role="alert">
          Not saved yet: your text is kept here and saved again when you type or leave the box.
        </p>
      )}
    </div>
  )
},
// onSave is read through a ref, so a new callback alone need not re-render the editor
(a, b) => a.value === b.value && a.label === b.label && a.placeholder === b.placeholder && a.delayMs === b.delayMs && a.escapeTo === b.escapeTo)
