import { useEffect, useRef } from 'react'

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [href], [tabindex]:not([tabindex="-1"])'

/** The WAI-ARIA dialog pattern: focus moves into the dialog when it opens (so Escape and Tab work at once) and back when it closes. */
export function useDialogFocus<T extends HTMLElement>() {
  const ref = useRef<T>(null)
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const dialog = ref.current
    // an autoFocus field inside has already taken it
    if (dialog && !dialog.contains(document.activeElement)) (dialog.querySelector<HTMLElement>(FOCUSABLE) ?? dialog).focus()
    return () => {
      if (before?.isConnected) before.focus()
    }
  }, [])
  return ref
}
