import { expect, it } from 'vitest'
import type { Annotation, HistoryState } from '@shared/domain'
import { applyMutation, createArticleState, inTextOrder, withRest } from '@renderer/views/article/articleState'

const HISTORY: HistoryState = { canUndo: true, canRedo: false, undoDescription: 'tag', redoDescription: null }
const tag = (id: string, start: number): Annotation => ({
  id,
  articleId: 1,
  annotatorId: 'a',
  annotatorName: 'Ana',
  label: 'Actor',
  fragments: [{ start, end: start + 3, quote: 'abc', prefix: '', suffix: '' }],
  attributes: {},
  note: '',
  status: 'draft',
  links: [],
  missing: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z'
})

it('completes the opening text’s tags with the rest, in text order, without counting it as an action', () => {
  const state = createArticleState([tag('a', 5), tag('b', 10)], HISTORY, false)
  expect(state.get()).toMatchObject({ complete: false, revision: 0 })
  state.set((s) => withRest(s, [tag('c', 4000), tag('d', 5000)]))
  expect([...state.get().annotations.keys()]).toEqual(['a', 'b', 'c', 'd'])
  expect(inTextOrder(state.get().annotations.values()).map((a) => a.id)).toEqual(['a', 'b', 'c', 'd'])
  expect(state.get()).toMatchObject({ complete: true, revision: 0, history: HISTORY })
})

it('counts each applied action, keeping completeness and dropping a selection whose tag went', () => {
  const state = createArticleState([tag('a', 5), tag('b', 10)])
  state.set((s) => ({ ...s, selectedId: 'b' }))
  state.set((s) => applyMutation(s, { articleId: 1, description: 'delete', upserted: [tag('e', 20)], removed: ['b'], history: HISTORY }))
  expect(state.get()).toMatchObject({ complete: true, revision: 1, selectedId: null, history: HISTORY })
  expect([...state.get().annotations.keys()]).toEqual(['a', 'e'])
})
