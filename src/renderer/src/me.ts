import type { Annotation, User } from '@shared/domain'
import { mayEdit } from '@shared/review/layer-owner'
import { createStore, useStore } from './state/createStore'

/** The signed-in coder, whose layer the article view edits. */
const meStore = createStore<User | null>(null)

export function setMe(user: User | null): void {
  if (meStore.get()?.id !== user?.id) meStore.set(user)
}

/** My annotator id (null before I have signed in). */
export function useMeId(): string | null {
  return useStore(meStore)?.id ?? null
}

/** Whether I may change this tag (my layer or gold); re-renders when the signed-in coder changes. */
export function useMayEdit(tag: Pick<Annotation, 'annotatorId'>): boolean {
  return mayEdit(useStore(meStore)?.id, tag.annotatorId)
}

/** The same check outside React, for key handlers. */
export function mayEditNow(tag: Pick<Annotation, 'annotatorId'>): boolean {
  return mayEdit(meStore.get()?.id, tag.annotatorId)
}
