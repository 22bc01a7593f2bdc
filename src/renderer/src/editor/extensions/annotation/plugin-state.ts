import type { DecorationSet } from '@tiptap/pm/view'
import type { AnnotationItem } from './types'

export interface AnnotationPluginState {
  /** Every tag's decorations: lanes, lookups and hit-tests use this. */
  decorations: DecorationSet
  /** What the view draws: decorations starting before `shownTo` (all of them once revealed). */
  shown: DecorationSet
  shownTo: number
  /** More tags are on their way: only the opening text's were given so far. */
  pending: boolean
  items: Map<string, AnnotationItem & { lane: number }>
  selected: string | null
}

/** Changes arrive only as transaction meta under the plugin key. */
export type AnnotationMeta =
  /** Replaces every tag; `pending` when these are the opening text's and a reset with all of them follows. */
  | { type: 'reset'; items: AnnotationItem[]; pending?: boolean }
  | { type: 'upsert'; items: AnnotationItem[] }
  | { type: 'remove'; ids: string[] }
  | { type: 'select'; id: string | null }
  | { type: 'reveal' }
  /** Several changes in one transaction: one view update, one layout. */
  | { type: 'batch'; metas: AnnotationMeta[] }
