import { Extension } from '@tiptap/core'
import { hoverPlugin } from './hover-plugin'
import { annotationPlugin, annotationPluginKey } from './plugin'
import type { AnnotationMeta } from './plugin-state'
import type { AnnotationItem, AnnotationOptions } from './types'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    spanwiseAnnotation: {
      /** Replaces every tag shown (all the article's tags, so drawing them completes the view). */
      setAnnotations: (items: AnnotationItem[]) => ReturnType
      /** Adds tags, or redraws them if already shown (same id). */
      upsertAnnotations: (items: AnnotationItem[]) => ReturnType
      removeAnnotations: (ids: string[]) => ReturnType
      /** Outlines one tag as selected (null clears). */
      selectAnnotation: (id: string | null) => ReturnType
      /** Removes, adds or redraws, then selects, in one transaction. */
      changeAnnotations: (change: { remove?: string[]; upsert?: AnnotationItem[]; select?: string | null }) => ReturnType
    }
  }
}

const send =
  (meta: AnnotationMeta) =>
  ({ tr, dispatch }: { tr: import('@tiptap/pm/state').Transaction; dispatch?: (tr: import('@tiptap/pm/state').Transaction) => void }) => {
    if (dispatch) tr.setMeta(annotationPluginKey, meta).setMeta('addToHistory', false)
    return true
  }

/** Tags drawn as ProseMirror decorations (never marks): overlaps are natural and the text never changes. */
export const Annotation = Extension.create<AnnotationOptions>({
  name: 'spanwiseAnnotation',

  addOptions() {
    return { initial: [], pending: false, onTagsClicked: undefined }
  },

  addCommands() {
    return {
      setAnnotations: (items) => send({ type: 'reset', items }),
      upsertAnnotations: (items) => send({ type: 'upsert', items }),
      removeAnnotations: (ids) => send({ type: 'remove', ids }),
      selectAnnotation: (id) => send({ type: 'select', id }),
      changeAnnotations: ({ remove = [], upsert = [], select }) =>
        send({
          type: 'batch',
          metas: [
            ...(remove.length ? [{ type: 'remove', ids: remove } as const] : []),
            ...(upsert.length ? [{ type: 'upsert', items: upsert } as const] : []),
            ...(select !== undefined ? [{ type: 'select', id: select } as const] : [])
          ]
        })
    }
  },

  addProseMirrorPlugins() {
    return [annotationPlugin(this.options), hoverPlugin()]
  }
})

export { annotationPluginKey }
export type { AnnotationItem }
