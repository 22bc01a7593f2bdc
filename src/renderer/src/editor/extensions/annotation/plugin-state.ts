import type { DecorationSet } from '@tiptap/pm/view'
import type { AnnotationItem } from './types'

export interface AnnotationPluginState {
  decorations: DecorationSet
  items: Map<string, AnnotationItem & { lane: number }>
  selected: string | null
}

/** Changes arrive only as transaction meta under the plugin key. */
export type AnnotationMeta =
  | { type: 'reset'; items: AnnotationItem[] }
  | { type: 'upsert'; items: AnnotationItem[] }
  | { type: 'remove'; ids: string[] }
  | { type: 'select'; id: string | null }
