import { useEffect, useState } from 'react'

/** React state kept in the tab's sessionStorage under `key`, so a reload gives it back (a reviewer's half-typed reason, the unit in hand). */
export function useSessionState<T>(key: string, initial: T): [T, React.Dispatch<React.SetStateAction<T>>] {
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = sessionStorage.getItem(key)
      return stored === null ? initial : (JSON.parse(stored) as T)
    } catch {
      return initial
    }
  })
  useEffect(() => {
    try {
      sessionStorage.setItem(key, JSON.stringify(value))
    } catch {
      // storage full or blocked: the state still works, it just does not survive a reload
    }
  }, [key, value])
  return [value, setValue]
}
