import { useEffect, useRef } from 'react'

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [href], [tabindex]:not([tabindex="-1"])'

/**
 * The WAI-ARIA dialog pattern: focus moves into the dialog when it opens (so Escape and Tab work at once), Tab
 * and Shift+Tab cycle inside it rather than reaching the page behind, and focus goes back when it closes.
 */
export function useDialogFocus<T extends HTMLElement>() {
  const ref = useRef<T>(null)
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const dialog = ref.current
    if (!dialog) return
    const focusable = () => [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0)
    // an autoFocus field inside has already taken it
    if (!dialog.contains(document.activeElement)) (focusable()[0] ?? dialog).focus()
    const trap = (e: KeyboardEvent) => {
      if (e.key !== 'Tab') return
      const all = focusable()
      if (all.length === 0) return e.preventDefault()
      const first = all[0]!
      const last = all[all.length - 1]!
      if (e.shiftKey && (document.activeElement === first || document.activeElement === dialog)) {
        e.preventDefault()
        last.focus()
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault()
        first.focus()
      }
    }
    dialog.addEventListener('keydown', trap)
    return () => {
      dialog.removeEventListener('keydown', trap)
      // not onto a control that has gone or been disabled meanwhile (the project closed, another dialog took over)
      if (before?.isConnected && !before.matches(':disabled') && !document.querySelector('.modal-backdrop [role="dialog"]')) before.focus()
    }
  }, [])
  return ref
}
