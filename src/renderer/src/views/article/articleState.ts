import type { Annotation, HistoryState, Mutation } from '@shared/domain'
import { createStore } from '../../state/createStore'

export interface ArticleState {
  annotations: Map<string, Annotation>
  /** False while only the opening text's tags are here: the rest arrive just after the first frame. */
  complete: boolean
  /** Actions applied since the article opened: views the main process derives from the tags reload when it moves. */
  revision: number
  selectedId: string | null
  /** The selected tag whose details must show now, not a frame later (L pressed: its link box takes the next keys). */
  detailsNow?: string
  history: HistoryState
}

const EMPTY_HISTORY: HistoryState = { canUndo: false, canRedo: false, undoDescription: null, redoDescription: null }

/** Tags of the open article, the selected one and the undo state, shared by the viewer and the side panel. */
export function createArticleState(annotations: Annotation[], history: HistoryState = EMPTY_HISTORY, complete = true) {
  return createStore<ArticleState>({ annotations: new Map(annotations.map((a) => [a.id, a])), complete, revision: 0, selectedId: null, history })
}

export type ArticleStateStore = ReturnType<typeof createArticleState>

export function applyMutation(state: ArticleState, m: Mutation): ArticleState {
  const annotations = new Map(state.annotations)
  for (const id of m.removed) annotations.delete(id)
  for (const a of m.upserted) annotations.set(a.id, a)
  const selectedId = state.selectedId && annotations.has(state.selectedId) ? state.selectedId : null
  return { ...state, annotations, selectedId, revision: state.revision + 1, history: m.history }
}

/** Adds the tags after the opening text to its own, completing the list (text order kept: they start later). */
export function withRest(state: ArticleState, rest: Annotation[]): ArticleState {
  const annotations = new Map(state.annotations)
  for (const a of rest) annotations.set(a.id, a)
  return { ...state, annotations, complete: true }
}

/** Text order: by start, longer first, then by creation, then by id so that no two tags tie. */
export const textOrder = (a: Annotation, b: Annotation) =>
  a.fragments[0]!.start - b.fragments[0]!.start ||
  b.fragments[0]!.end - a.fragments[0]!.end ||
  a.createdAt.localeCompare(b.createdAt) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** Tags in text order (see textOrder). */
export function inTextOrder(annotations: Iterable<Annotation>): Annotation[] {
  return [...annotations].sort(textOrder)
}
