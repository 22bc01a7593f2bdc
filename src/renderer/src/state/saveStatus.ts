import { createStore } from './createStore'

export interface SaveStatus {
  pending: number
  error: string | null
  savedAt: Date | null
}

/** Error codes that mean the main process refused the change, with everything saved before it still saved. */
const REFUSALS = new Set(['VALIDATION', 'NOT_FOUND', 'CONFLICT'])

/** "Saved" is shown only after the store has committed; failures stay visible until the next success. */
export const saveStatus = createStore<SaveStatus>({ pending: 0, error: null, savedAt: null })

/**
 * Tracks one save. `quietMs`: for changes the UI shows only once acknowledged (tags appear when saved),
 * "Saving…" appears only if the save takes longer than this, sparing a repaint on every fast save.
 */
export async function trackSave<T>(work: Promise<T>, quietMs = 0): Promise<T> {
  let counted = false
  const count = () => {
    counted = true
    saveStatus.set((s) => ({ ...s, pending: s.pending + 1 }))
  }
  const timer = quietMs > 0 ? setTimeout(count, quietMs) : (count(), undefined)
  const uncount = () => {
    clearTimeout(timer)
    return counted ? 1 : 0
  }
  try {
    const value = await work
    const n = uncount()
    saveStatus.set((s) => ({ pending: s.pending - n, error: null, savedAt: new Date() }))
    return value
  } catch (error) {
    const n = uncount()
    // a refused edit (a value the codebook forbids, a tag gone) lost nothing: its message is shown where it was made, not as "Not saved"
    const refused = REFUSALS.has((error as { code?: string }).code ?? '')
    saveStatus.set((s) => ({ ...s, pending: s.pending - n, error: refused ? s.error : (error as Error).message }))
    throw error
  }
}
