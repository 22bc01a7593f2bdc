import type { Dispatch, KeyboardEvent, SetStateAction } from 'react'

/**
 * Arrow keys move the highlighted option of a combobox's list, Enter picks it; true when the key was handled
 * (the caller then prevents its default).
 */
export function listboxKeys(e: KeyboardEvent, count: number, active: number, setActive: Dispatch<SetStateAction<number>>, pick: (index: number) => void): boolean {
  if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, count - 1))
  else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0))
  else if (e.key === 'Enter' && active >= 0 && active < count) pick(active)
  else return false
  return true
}
