import { useCallback } from 'react'
import type { Annotation, Mutation } from '@shared/domain'
import { api } from '../../api/client'
import type { ViewerSelection } from '../../editor/ArticleViewer'
import { notify } from '../../state/notices'
import type { ArticleStateStore } from './articleState'

type Run = (work: Promise<Mutation | null>, options?: { beforeApply?: () => void }) => Promise<Mutation | null>

const rangesOf = (tag: Annotation) => tag.fragments.map(({ start, end }) => ({ start, end }))

/**
 * Adding a selection to the selected tag as one more fragment, and removing one fragment of a tag.
 * `setSelection` hands a selection that could not be added back to the usual tagging popup; `clearActed` (useClearActed)
 * drops the added selection once saved.
 */
export function useFragmentEdits(
  state: ArticleStateStore,
  run: Run,
  setSelection: (selection: ViewerSelection | null) => void,
  clearActed: (acted: ViewerSelection) => () => void
) {
  const addFragment = useCallback(
    async (selection: ViewerSelection) => {
      const { selectedId, annotations } = state.get()
      const tag = selectedId ? annotations.get(selectedId) : undefined
      if (!tag) return setSelection(selection)
      const m = await run(api.call('annotations.update', { id: tag.id, fragments: [...rangesOf(tag), selection.range] }), { beforeApply: clearActed(selection) })
      // a modifier-drag is easily made by accident: say what it did and how to take it back
      if (m) notify('info', `Done: ${m.description}. Ctrl+Z undoes it.`)
      else setSelection(selection)
    },
    [state, run, setSelection, clearActed]
  )

  const removeFragment = useCallback(
    (id: string, index: number) => {
      const tag = state.get().annotations.get(id)
      if (tag) void run(api.call('annotations.update', { id, fragments: rangesOf(tag).filter((_, i) => i !== index) }))
    },
    [state, run]
  )

  return { addFragment, removeFragment }
}
