import type { DecorationSet } from '@tiptap/pm/view'
import type { AnnotationItem } from './types'

export interface AnnotationPluginState {
  /** Every tag's decorations: lanes, lookups and hit-tests use this. */
  decorations: DecorationSet
  /** What the view draws: decorations starting before `shownTo` (all of them once revealed). */
  shown: DecorationSet
  shownTo: number
  items: Map<string, AnnotationItem & { lane: number }>
  selected: string | null
}

/** Changes arrive only as transaction meta under the plugin key. */
export type AnnotationMeta =
  | { type: 'reset'; items: AnnotationItem[] }
  | { type: 'upsert'; items: AnnotationItem[] }
  | { type: 'remove'; ids: string[] }
  | { type: 'select'; id: string | null }
  | { type: 'reveal' }
  /** Several changes in one transaction: one view update, one layout. */
  | { type: 'batch'; metas: AnnotationMeta[] }
