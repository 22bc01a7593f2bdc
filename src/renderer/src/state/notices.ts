import { createStore } from './createStore'

export interface Notice {
  id: number
  kind: 'error' | 'info'
  text: string
}

export const notices = createStore<Notice[]>([])
let next = 1

/** Shows a message at the bottom of the window; errors stay until dismissed. */
export function notify(kind: Notice['kind'], text: string): void {
  const id = next++
  // the same message again (a refused key pressed twice) replaces the one shown, rather than stacking a copy
  notices.set((list) => [...list.filter((n) => n.text !== text || n.kind !== kind).slice(-4), { id, kind, text }])
  if (kind === 'info') setTimeout(() => dismiss(id), 4000)
}

export function dismiss(id: number): void {
  notices.set((list) => list.filter((n) => n.id !== id))
}

export function notifyError(error: unknown): void {
  notify('error', error instanceof Error ? error.message : String(error))
}
