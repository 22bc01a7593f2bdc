import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import type { Editor } from '@tiptap/react'
import type { Annotation, Article, ArticleStatus, Mutation } from '@shared/domain'
import { ARTICLE_STATUSES } from '@shared/domain'
import { ArticleOffsets } from '@shared/offsets'
import { api } from '../../api/client'
import { ArticleViewer } from '../../editor/ArticleViewer'
import type { AnnotationItem } from '../../editor/extensions/annotation/types'
import { getLabels, labelClass } from '../../labels'
import { notify, notifyError } from '../../state/notices'
import { trackSave } from '../../state/saveStatus'
import { useStore } from '../../state/createStore'
import { applyMutation, createArticleState, type ArticleStateStore } from './articleState'
import { askForArticle, type ArticleRequests } from './askForArticle'
import { useRestOfTags } from './useRestOfTags'
import { ArticleMemo } from './ArticleMemo'
import { TagPanel } from './TagPanel'
import { TagPicker } from './TagPicker'
import { mayEditNow } from '../../me'
import { TagPopup } from './TagPopup'
import { useFragmentEdits } from './useFragmentEdits'
import { stepTag } from './stepTag'
import { useClearActed } from './useClearActed'
import { useViewerSelection } from './useViewerSelection'
import { STATUS_TEXT } from '../../statusText'
import { ID_CLASS_PREFIX, INCOMPLETE_CLASS } from '../../editor/extensions/annotation/constants'
import { useIdRule } from '../../editor/useIdRule'
import { ArticleContext, type ArticleActions } from './articleContext'
import { LINK_INPUT_ID } from './TagLinks'
import { ReviewPanel } from '../review/ReviewPanel'
import { LayerBar, useLayers } from '../review/LayerBar'

interface RunOptions {
  /** Show the action's description as a notice (undo/redo). */
  announce?: boolean
  /** Select the tag the action created. */
  selectNew?: boolean
  quietMs?: number
  beforeApply?: () => void
}

interface Loaded extends Omit<ArticleRequests, 'reading'> {
  article: Article
  offsets: ArticleOffsets
  state: ArticleStateStore
}

/** Reading and tagging one article. */
export function ArticleView({ articleId, requests, onBack, review = false }: { articleId: number; requests?: ArticleRequests; onBack: () => void; review?: boolean }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [failed, setFailed] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    setLoaded(null)
    setFailed(null)
    // the text is laid out before the review comparison or the tags further down arrive; a refused comparison shows in the panel
    const { reading, comparing, comparedSoFar, rest } = requests ?? askForArticle(articleId, review)
    reading
      .then(([article, opening, history]) => {
        if (live) setLoaded({ article, offsets: new ArticleOffsets(article.text), state: createArticleState(opening, history, false), comparing, comparedSoFar, rest })
      })
      .catch((e: Error) => live && setFailed(e.message))
    return () => {
      live = false
    }
  }, [articleId, requests])
  if (failed) return <div className="empty">Cannot open this article: {failed}</div>
  if (!loaded) return <div className="empty">Opening…</div>
  return <LoadedArticle key={articleId} {...loaded} onBack={onBack} review={review} />
}

function LoadedArticle({ article: initial, offsets, state, onBack, review, comparing, comparedSoFar, rest }: Loaded & { onBack: () => void; review: boolean }) {
  const [focusIds, setFocusIds] = useState<string[]>([])
  const layers = useLayers(initial.id)
  const [article, setArticle] = useState(initial)
  const editorRef = useRef<Editor | null>(null)
  // the key handler reads the ref: a selection made a moment ago is there before React has rendered it
  const [selection, setSelection, selectionRef] = useViewerSelection()
  const [picker, setPicker] = useState<{ ids: string[]; x: number; y: number } | null>(null)
  const { history, annotations, selectedId } = useStore(state)

  const toItem = useCallback(
    (a: Annotation): AnnotationItem => ({
      id: a.id,
      ranges: a.fragments.map((f) => ({ from: offsets.cpToPos(f.start), to: offsets.cpToPos(f.end) })),
      labelClass: labelClass(a.label),
      flag: a.missing.length > 0 ? INCOMPLETE_CLASS : undefined
    }),
    [offsets]
  )

  const initialItems = useMemo(() => [...state.get().annotations.values()].map(toItem), [state, toItem])
  const onEditor = useCallback((editor: Editor | null) => {
    editorRef.current = editor
  }, [])

  const restMerged = useRestOfTags(rest, state, editorRef, toItem)

  const select = useCallback(
    (id: string | null, scroll = false) => {
      state.set((s) => ({ ...s, selectedId: id }))
      editorRef.current?.commands.selectAnnotation(id)
      const a = id ? state.get().annotations.get(id) : undefined
      if (scroll && a && editorRef.current) {
        const view = editorRef.current.view
        // the tag's own highlight, not its paragraph: a one-line article is one paragraph taller than the window
        let el = view.dom.querySelector(`.${ID_CLASS_PREFIX}${CSS.escape(a.id)}`)
        if (!el) {
          const { node } = view.domAtPos(offsets.cpToPos(a.fragments[0]!.start))
          el = node instanceof Element ? node : node.parentElement
        }
        el?.scrollIntoView({ block: 'center' })
      }
    },
    [state, offsets]
  )

  // one store update and one editor transaction per action, so the change costs a single layout
  const apply = useCallback(
    (m: Mutation | null, options: RunOptions) => {
      if (!m) return
      const selectId = options.selectNew && m.upserted[0] ? m.upserted[0].id : undefined
      state.set((s) => {
        const next = applyMutation(s, m)
        return selectId ? { ...next, selectedId: selectId } : next
      })
      editorRef.current?.commands.changeAnnotations({ remove: m.removed, upsert: m.upserted.map(toItem), select: state.get().selectedId })
      if (options.announce) notify('info', m.description)
    },
    [state, toItem]
  )

  const run = useCallback(
    async (work: Promise<Mutation | null>, options: RunOptions = {}) => {
      try {
        // tag changes are drawn only once saved, so a fast save needs no "Saving…" flash
        const m = await trackSave(work, options.quietMs ?? 200)
        await restMerged.current
        options.beforeApply?.()
        apply(m, options)
        return m
      } catch (error) {
        notifyError(error)
        return null
      }
    },
    [apply]
  )

  const clearActed = useClearActed(setSelection)
  const tagSelection = useCallback(
    async (label: string) => {
      const selection = selectionRef.current
      if (!selection) return
      await run(api.call('annotations.create', { articleId: article.id, label, fragments: [selection.range] }), { selectNew: true, beforeApply: clearActed(selection) })
    },
    [selectionRef, run, article.id, clearActed]
  )

  const pick = useCallback((id: string) => select(id, true), [select])
  const relabel = useCallback((id: string, label: string) => void run(api.call('annotations.update', { id, label })), [run])
  const remove = useCallback((id: string) => void run(api.call('annotations.delete', { id })), [run])
  // typed note text is on screen before it is saved, so "Saving…" shows at once
  const setNote = useCallback(async (id: string, note: string) => (await run(api.call('annotations.update', { id, note }), { quietMs: 0 })) !== null, [run])
  const setMemo = useCallback(
    async (note: string) => {
      try {
        const saved = await trackSave(api.call('articles.setNote', { id: article.id, note }))
        setArticle((a) => ({ ...a, note: saved.note }))
        return true
      } catch (error) {
        notifyError(error)
        return false
      }
    },
    [article.id]
  )
  const setAttributes = useCallback(
    async (id: string, attributes: Record<string, unknown>) =>
      (await run(api.call('annotations.update', { id, attributes: attributes as Record<string, string | number | boolean | string[] | null> }), { quietMs: 0 })) !== null,
    [run]
  )
  const { addFragment, removeFragment } = useFragmentEdits(state, run, setSelection, clearActed)
  const undo = useCallback(() => void run(api.call('history.undo', { articleId: article.id }), { announce: true }), [run, article.id])
  const redo = useCallback(() => void run(api.call('history.redo', { articleId: article.id }), { announce: true }), [run, article.id])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement
      // keys typed in a field, or in a dialog over the article (Escape closing it included), are not tagging keys
      if (target.closest('input, textarea, select, [contenteditable="true"], .modal-backdrop')) return
      const mod = e.ctrlKey || e.metaKey
      if (mod && e.key.toLowerCase() === 'z') {
        e.preventDefault()
        return e.shiftKey ? redo() : undo()
      }
      if (mod && e.key.toLowerCase() === 'y') {
        e.preventDefault()
        return redo()
      }
      if (mod || e.altKey) return
      const selection = selectionRef.current
      const label = getLabels().find((l) => l.key !== '' && l.key === e.key)
      const selectedId = state.get().selectedId
      if (e.key === '+' && selection && selectedId) {
        e.preventDefault()
        return void addFragment(selection)
      }
      if (label) {
        e.preventDefault()
        // a held key repeats: one tag per press, not one per repeat while the first is being saved
        if (e.repeat) return
        if (selection) void tagSelection(label.name)
        else if (selectedId) relabel(selectedId, label.name)
        return
      }
      if (e.key === ']' || e.key === '[') {
        // next / previous tag in text order, from the selected tag or else from the text selection
        const id = stepTag(state.get().annotations, selectedId, e.key === ']' ? 1 : -1, selection?.range.start ?? 0)
        if (id) {
          e.preventDefault()
          setSelection(null)
          select(id, true)
          // the caret goes to the next word after the tag, so Shift+arrows select on from there rather than from the top
          const view = editorRef.current?.view
          const end = state.get().annotations.get(id)!.fragments[0]!.end
          if (view) {
            const { node, offset } = view.domAtPos(offsets.cpToPos(offsets.nextWordStart(end)))
            document.getSelection()?.collapse(node, offset)
          }
        }
        return
      }
      if (e.key === 'l' && selectedId && !selection) {
        // the selected tag's details may still be a frame away (they render deferred): drawn now, so its link box takes the keys typed next
        if (document.getElementById(LINK_INPUT_ID)?.dataset.tag !== selectedId) flushSync(() => state.set((s) => ({ ...s, detailsNow: selectedId })))
        const input = document.getElementById(LINK_INPUT_ID)
        if (input?.dataset.tag === selectedId) {
          e.preventDefault()
          input.focus()
        }
        return
      }
      if ((e.key === 'Delete' || e.key === 'Backspace') && selectedId && !selection) {
        e.preventDefault()
        remove(selectedId)
      } else if (e.key === 'Escape') {
        setPicker(null)
        setSelection(null)
        // the caret stays where the user was: Shift+arrows select on from there, not from the top of the text
        const dom = document.getSelection()
        if (dom?.focusNode) dom.collapse(dom.focusNode, dom.focusOffset)
        select(null)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [selectionRef, tagSelection, relabel, remove, undo, redo, select, state, addFragment, offsets])

  const onTagsClicked = useCallback(
    (ids: string[], event: MouseEvent) => {
      setSelection(null)
      if (ids.length === 1) {
        setPicker(null)
        select(ids[0]!)
      } else setPicker({ ids, x: event.clientX, y: event.clientY + 12 })
    },
    [select]
  )

  const setStatus = async (status: ArticleStatus) => {
    try {
      const summary = await trackSave(api.call('articles.setStatus', { id: article.id, status }))
      setArticle((a) => ({ ...a, ...summary }))
    } catch (error) {
      notifyError(error)
    }
  }


  const actions = useMemo<ArticleActions>(
    () => ({ article, state, run: (work, options) => run(work, options), select, apply: (m) => void restMerged.current.then(() => apply(m, {})) }),
    [article, state, run, select, apply]
  )
  // the selected tag's linked tags are outlined by a rule on their id classes: no decoration is rebuilt
  const linkedIds = useMemo(() => {
    if (!selectedId) return []
    const own = annotations.get(selectedId)?.links.map((l) => l.to) ?? []
    const incoming = [...annotations.values()].filter((a) => a.links.some((l) => l.to === selectedId)).map((a) => a.id)
    return [...new Set([...own, ...incoming])]
  }, [selectedId, annotations])

  useIdRule(linkedIds, 'outline: 2px dashed var(--link-outline); outline-offset: 1px;')
  useIdRule(focusIds, 'outline: 2px solid var(--focus-outline); outline-offset: 2px;')

  const selectedTag = selectedId ? annotations.get(selectedId) : undefined
  const pickerTags = useMemo(() => (picker ? picker.ids.map((id) => annotations.get(id)).filter((a): a is Annotation => !!a) : []), [picker, annotations])

  return (
    <ArticleContext.Provider value={actions}>
    <div className="article-view">
      <header className="article-header">
        <button type="button" onClick={onBack}>
          ← Corpus
        </button>
        <div className="article-title">
          <h1>{article.title}</h1>
          <div className="meta">
            {[article.source, article.published, article.fileName, `${article.charCount.toLocaleString()} characters`].filter(Boolean).join(' · ')}
          </div>
        </div>
        <label className="status-select">
          Status
          <select value={article.status} onChange={(e) => void setStatus(e.target.value as ArticleStatus)}>
            {ARTICLE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_TEXT[s]}
              </option>
            ))}
          </select>
        </label>
        <LayerBar layers={layers} articleId={article.id} review={review} />
        <button type="button" onClick={undo} disabled={!history.canUndo} title={history.undoDescription ? `Undo ${history.undoDescription} (Ctrl+Z)` : 'Nothing to undo'}>
          ↶ Undo
        </button>
        <button type="button" onClick={redo} disabled={!history.canRedo} title={history.redoDescription ? `Redo ${history.redoDescription} (Ctrl+Shift+Z)` : 'Nothing to redo'}>
          ↷ Redo
        </button>
      </header>
      {layers.state && layers.state.hiddenLayers > 0 && (
        <p className="blind-notice" role="status">
          Blind coding: {layers.state.hiddenLayers} colleague{layers.state.hiddenLayers === 1 ? '’s layer is' : 's’ layers are'} hidden until you mark this article done.
        </p>
      )}
      <div className="article-body">
        <div className="article-scroll" onScroll={() => setPicker(null)}>
          <ArticleViewer offsets={offsets} initialItems={initialItems} pending={!state.get().complete} onEditor={onEditor} onSelection={setSelection} onAddFragment={addFragment} onTagsClicked={onTagsClicked} />
        </div>
        <div className="tag-panel-wrap">
          {review ? (
            <ReviewPanel onFocus={setFocusIds} selection={selection?.range ?? null} comparing={comparing} compared={comparedSoFar()} />
          ) : (
            <>
              <ArticleMemo note={article.note} onSave={setMemo} />
              <div className="tag-panel-fill">
                <TagPanel state={state} onPick={pick} onLabel={relabel} onDelete={remove} onRemoveFragment={removeFragment} onNote={setNote} onAttributes={setAttributes} />
              </div>
            </>
          )}
        </div>
      </div>
      {selection && (
        <TagPopup rect={selection.rect} onLabel={(l) => void tagSelection(l)} addTo={selectedTag && mayEditNow(selectedTag) ? selectedTag.label : undefined} onAddFragment={() => void addFragment(selection)} />
      )}
      {picker && pickerTags.length > 0 && (
        <TagPicker
          x={picker.x}
          y={picker.y}
          tags={pickerTags}
          onPick={(id) => {
            setPicker(null)
            select(id)
          }}
          onClose={() => setPicker(null)}
        />
      )}
    </div>
    </ArticleContext.Provider>
  )
}
