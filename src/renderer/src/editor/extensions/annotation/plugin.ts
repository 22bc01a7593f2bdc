import { Plugin, PluginKey } from '@tiptap/pm/state'
import { type Decoration, DecorationSet } from '@tiptap/pm/view'
import type { AnnotationMeta, AnnotationPluginState } from './plugin-state'
import { createDecorations } from './utils/createDecorations'
import { pickLane } from './utils/pickLane'
import { FIRST_WINDOW, REVEAL_CHUNK, TAG_CLASS } from './constants'
import { innermostFirst } from './utils/innermostFirst'
import { tagIdsOf } from './utils/tagIdsOf'
import type { AnnotationItem, AnnotationOptions } from './types'

export const annotationPluginKey = new PluginKey<AnnotationPluginState>('spanwiseAnnotations')

/**
 * Decorations kept in plugin state and patched by id: adding one tag never rebuilds the others.
 * Long articles are drawn progressively: the first frame decorates the opening text only, later chunks
 * follow in separate tasks, so opening never blocks the UI for the whole article's DOM.
 */
export function annotationPlugin(options: AnnotationOptions): Plugin<AnnotationPluginState> {
  return new Plugin<AnnotationPluginState>({
    key: annotationPluginKey,
    state: {
      init: (_config, state) =>
        applyMeta(
          { decorations: DecorationSet.empty, shown: DecorationSet.empty, shownTo: 0, pending: false, items: new Map(), selected: null },
          { type: 'reset', items: options.initial, pending: options.pending },
          state.doc
        ),
      apply(tr, prev) {
        const meta = tr.getMeta(annotationPluginKey) as AnnotationMeta | undefined
        // the viewer is read-only; mapping only keeps the state sound if a document change ever happens
        const mapped = tr.docChanged ? { ...prev, decorations: prev.decorations.map(tr.mapping, tr.doc), shown: prev.decorations.map(tr.mapping, tr.doc), shownTo: tr.doc.content.size } : prev
        if (!meta) return mapped
        return applyMeta(mapped, meta, tr.doc)
      }
    },
    view(view) {
      let timer: ReturnType<typeof setTimeout> | undefined
      const schedule = () => {
        const s = annotationPluginKey.getState(view.state)
        if (timer !== undefined || !s || s.shownTo >= view.state.doc.content.size) return
        // a macrotask per chunk, so the browser paints between chunks
        timer = setTimeout(() => {
          timer = undefined
          if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(annotationPluginKey, { type: 'reveal' } satisfies AnnotationMeta).setMeta('addToHistory', false))
        }, 0)
      }
      schedule()
      return { update: schedule, destroy: () => clearTimeout(timer) }
    },
    props: {
      decorations(state) {
        return annotationPluginKey.getState(state)?.shown
      },
      // tests and benchmarks wait on this rather than on timing
      attributes(state) {
        const s = annotationPluginKey.getState(state)
        return { 'data-tags-drawn': s && !s.pending && s.shownTo >= state.doc.content.size ? 'all' : 'partial' }
      },
      handleDOMEvents: {
        mouseup(view, event) {
          const selection = view.dom.ownerDocument.getSelection()
          if (selection && !selection.isCollapsed) return false
          const piece = (event.target as Element | null)?.closest?.(`.${TAG_CLASS}`)
          if (!piece || !view.dom.contains(piece)) return false
          const ids = innermostFirst(tagIdsOf(piece), annotationPluginKey.getState(view.state)!.items, view.posAtDOM(piece, 0))
          if (ids.length > 0) options.onTagsClicked?.(ids, event)
          return false
        }
      }
    }
  })
}

function applyMeta(state: AnnotationPluginState, meta: AnnotationMeta, doc: Parameters<typeof DecorationSet.create>[0]): AnnotationPluginState {
  if (meta.type === 'batch') return meta.metas.reduce((s, m) => applyMeta(s, m, doc), state)
  const items = new Map(state.items)
  let { decorations: set, shown, shownTo, pending, selected } = state
  const complete = () => shownTo >= doc.content.size
  // add() and remove() consume the arrays they are given, so each set gets its own
  const addDecos = (d: Decoration[]) => {
    const visible = complete() ? [] : d.filter((x) => x.from < shownTo)
    set = set.add(doc, d)
    shown = complete() ? set : shown.add(doc, visible)
  }
  const removeIds = (ids: Iterable<string>) => {
    const wanted = new Set(ids)
    const old = set.find(undefined, undefined, (spec: { id?: string }) => spec.id !== undefined && wanted.has(spec.id))
    if (!old.length) return
    set = set.remove([...old])
    shown = complete() ? set : shown.remove([...old])
  }
  const add = (list: AnnotationItem[]) => {
    for (const item of list) {
      const lane = pickLane(set, item.ranges, (id) => items.get(id)?.lane, item.id)
      items.set(item.id, { ...item, lane })
      addDecos(createDecorations(item, lane, item.id === selected))
    }
  }
  switch (meta.type) {
    case 'reset': {
      pending = meta.pending ?? false
      items.clear()
      const sorted = [...meta.items].sort((a, b) => a.ranges[0]!.from - b.ranges[0]!.from || b.ranges[0]!.to - a.ranges[0]!.to)
      const all = assignAll(sorted, items, selected)
      shownTo = Math.min(FIRST_WINDOW, doc.content.size)
      // create() consumes the array it is given, so the first window is taken before
      const firstWindow = complete() ? [] : all.filter((d) => d.from < shownTo)
      set = DecorationSet.create(doc, all)
      shown = complete() ? set : DecorationSet.create(doc, firstWindow)
      break
    }
    case 'reveal': {
      if (complete()) break
      const from = shownTo
      shownTo = Math.min(shownTo + REVEAL_CHUNK, doc.content.size)
      shown = complete() ? set : shown.add(doc, set.find(from, shownTo).filter((d) => d.from >= from && d.from < shownTo))
      break
    }
    case 'upsert':
      removeIds(meta.items.map((i) => i.id))
      for (const i of meta.items) items.delete(i.id)
      add(meta.items)
      break
    case 'remove':
      removeIds(meta.ids)
      for (const id of meta.ids) items.delete(id)
      if (selected && meta.ids.includes(selected)) selected = null
      break
    case 'select': {
      const changed = [selected, meta.id].filter((id): id is string => !!id && items.has(id))
      selected = meta.id
      removeIds(changed)
      for (const id of changed) {
        const item = items.get(id)!
        addDecos(createDecorations(item, item.lane, id === selected))
      }
      break
    }
  }
  return { decorations: set, shown, shownTo, pending, items, selected }
}

/** Lanes for a whole article at once: a sweep over tags sorted by start, reusing lanes freed by ended tags. */
function assignAll(sorted: AnnotationItem[], items: AnnotationPluginState['items'], selected: string | null) {
  const laneEnds: number[] = []
  const decos = []
  for (const item of sorted) {
    const from = item.ranges[0]!.from
    const to = item.ranges[item.ranges.length - 1]!.to
    let lane = laneEnds.findIndex((end) => end <= from)
    if (lane === -1) lane = laneEnds.length
    laneEnds[lane] = to
    items.set(item.id, { ...item, lane })
    decos.push(...createDecorations(item, lane, item.id === selected))
  }
  return decos
}
