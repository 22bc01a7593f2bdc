import { Decoration } from '@tiptap/pm/view'
import { ID_CLASS_PREFIX, MAX_LANE, SELECTED_CLASS, TAG_CLASS } from '../constants'
import type { AnnotationItem } from '../types'

/**
 * The inline decorations of one tag: one per fragment, with the tag id in the spec for lookups.
 * No nodeName on purpose: ProseMirror then merges overlapping tags' classes onto one element per piece
 * of text, so the DOM grows with the number of pieces, not with tags × overlap depth.
 */
export function createDecorations(item: AnnotationItem, lane: number, selected: boolean): Decoration[] {
  const cls = `${TAG_CLASS} ${item.labelClass}-l${Math.min(lane, MAX_LANE)} ${ID_CLASS_PREFIX}${item.id}${selected ? ` ${SELECTED_CLASS}` : ''}${item.flag ? ` ${item.flag}` : ''}`
  return item.ranges.map((r) => Decoration.inline(r.from, r.to, { class: cls }, { id: item.id, inclusiveStart: false, inclusiveEnd: false }))
}
