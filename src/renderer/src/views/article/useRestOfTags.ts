import { useEffect, useRef, type RefObject } from 'react'
import type { Editor } from '@tiptap/react'
import type { Annotation } from '@shared/domain'
import type { AnnotationItem } from '../../editor/extensions/annotation/types'
import { notifyError } from '../../state/notices'
import { withRest, type ArticleStateStore } from './articleState'

/**
 * Merges the tags after the opening text into the store and the viewer (one step each) when they come. The promise
 * it keeps resolves once they are: actions wait for it, so none is applied to a partial list of tags.
 */
export function useRestOfTags(rest: Promise<Annotation[]>, state: ArticleStateStore, editor: RefObject<Editor | null>, toItem: (a: Annotation) => AnnotationItem) {
  const merged = useRef<Promise<void>>(Promise.resolve())
  useEffect(() => {
    let live = true
    merged.current = rest.then((tags) => {
      if (!live) return
      state.set((s) => withRest(s, tags))
      editor.current?.commands.setAnnotations([...state.get().annotations.values()].map(toItem))
    }, notifyError)
    return () => {
      live = false
    }
  }, [rest, state, editor, toItem])
  return merged
}
