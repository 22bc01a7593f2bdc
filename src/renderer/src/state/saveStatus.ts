import { createStore } from './createStore'

export interface SaveStatus {
  pending: number
  error: string | null
  savedAt: Date | null
}

/** "Saved" is shown only after the store has committed; failures stay visible until the next success. */
export const saveStatus = createStore<SaveStatus>({ pending: 0, error: null, savedAt: null })

export async function trackSave<T>(work: Promise<T>): Promise<T> {
  saveStatus.set((s) => ({ ...s, pending: s.pending + 1 }))
  try {
    const value = await work
    saveStatus.set((s) => ({ pending: s.pending - 1, error: null, savedAt: new Date() }))
    return value
  } catch (error) {
    saveStatus.set((s) => ({ ...s, pending: s.pending - 1, error: (error as Error).message }))
    throw error
  }
}
