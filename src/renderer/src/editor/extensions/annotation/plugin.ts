import { Plugin, PluginKey } from '@tiptap/pm/state'
import { DecorationSet } from '@tiptap/pm/view'
import type { AnnotationMeta, AnnotationPluginState } from './plugin-state'
import { createDecorations } from './utils/createDecorations'
import { pickLane } from './utils/pickLane'
import { TAG_CLASS } from './constants'
import { tagIdsOf } from './utils/tagIdsOf'
import type { AnnotationItem, AnnotationOptions } from './types'

export const annotationPluginKey = new PluginKey<AnnotationPluginState>('spanwiseAnnotations')

/** Decorations kept in plugin state and patched by id: adding one tag never rebuilds the others. */
export function annotationPlugin(options: AnnotationOptions): Plugin<AnnotationPluginState> {
  return new Plugin<AnnotationPluginState>({
    key: annotationPluginKey,
    state: {
      init: (_config, state) => applyMeta({ decorations: DecorationSet.empty, items: new Map(), selected: null }, { type: 'reset', items: options.initial }, state.doc),
      apply(tr, prev) {
        const meta = tr.getMeta(annotationPluginKey) as AnnotationMeta | undefined
        const mapped = tr.docChanged ? { ...prev, decorations: prev.decorations.map(tr.mapping, tr.doc) } : prev
        if (!meta) return mapped
        return applyMeta(mapped, meta, tr.doc)
      }
    },
    props: {
      decorations(state) {
        return annotationPluginKey.getState(state)?.decorations
      },
      handleDOMEvents: {
        mouseup(view, event) {
          const selection = view.dom.ownerDocument.getSelection()
          if (selection && !selection.isCollapsed) return false
          const piece = (event.target as Element | null)?.closest?.(`.${TAG_CLASS}`)
          if (!piece || !view.dom.contains(piece)) return false
          const items = annotationPluginKey.getState(view.state)!.items
          const span = (id: string) => {
            const r = items.get(id)?.ranges ?? []
            return r.length ? r[r.length - 1]!.to - r[0]!.from : Infinity
          }
          // innermost (shortest) first: the likeliest target of a click
          const ids = tagIdsOf(piece).sort((a, b) => span(a) - span(b))
          if (ids.length > 0) options.onTagsClicked?.(ids, event)
          return false
        }
      }
    }
  })
}

function applyMeta(state: AnnotationPluginState, meta: AnnotationMeta, doc: Parameters<typeof DecorationSet.create>[0]): AnnotationPluginState {
  const items = new Map(state.items)
  let set = state.decorations
  let selected = state.selected
  const removeIds = (ids: Iterable<string>) => {
    const wanted = new Set(ids)
    const old = set.find(undefined, undefined, (spec: { id?: string }) => spec.id !== undefined && wanted.has(spec.id))
    if (old.length) set = set.remove(old)
  }
  const add = (list: AnnotationItem[]) => {
    const decos = []
    for (const item of list) {
      const lane = pickLane(set, item.ranges, (id) => items.get(id)?.lane, item.id)
      items.set(item.id, { ...item, lane })
      const d = createDecorations(item, lane, item.id === selected)
      decos.push(...d)
      set = set.add(doc, d)
    }
    return decos
  }
  switch (meta.type) {
    case 'reset': {
      items.clear()
      set = DecorationSet.empty
      const sorted = [...meta.items].sort((a, b) => a.ranges[0]!.from - b.ranges[0]!.from || b.ranges[0]!.to - a.ranges[0]!.to)
      set = DecorationSet.create(doc, assignAll(sorted, items, selected))
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
        set = set.add(doc, createDecorations(item, item.lane, id === selected))
      }
      break
    }
  }
  return { decorations: set, items, selected }
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
