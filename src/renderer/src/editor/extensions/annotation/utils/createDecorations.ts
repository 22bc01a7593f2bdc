import { Decoration } from '@tiptap/pm/view'
import { MAX_LANE, SELECTED_CLASS, TAG_CLASS, TAG_ID_ATTR } from '../constants'
import type { AnnotationItem } from '../types'

/**
 * The inline decorations of one tag: one per fragment, carrying the tag id in the spec for lookups.
 * nodeName gives every tag its own element: without it ProseMirror merges overlapping tags' attributes into one.
 */
export function createDecorations(item: AnnotationItem, lane: number, selected: boolean): Decoration[] {
  const cls = `${TAG_CLASS} ${item.labelClass} sw-lane-${Math.min(lane, MAX_LANE)}${selected ? ` ${SELECTED_CLASS}` : ''}`
  return item.ranges.map((r) =>
    Decoration.inline(r.from, r.to, { nodeName: 'span', class: cls, [TAG_ID_ATTR]: item.id }, { id: item.id, inclusiveStart: false, inclusiveEnd: false })
  )
}
