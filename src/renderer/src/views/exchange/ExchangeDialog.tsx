import type { ReactNode } from 'react'
import { useDialogFocus } from '../../components/useDialogFocus'

interface Props {
  /** The dialog's heading and accessible name. */
  title: string
  /** A job is running: Escape and Close wait for it to end or be cancelled. */
  busy: boolean
  onClose: () => void
  /** Enter in a field (or a submit button) runs this. */
  onSubmit?: () => void
  /** The dialog's own buttons, shown before Close. */
  actions: ReactNode
  children: ReactNode
}

/** The modal frame every export and import dialog shares: focus kept inside, Escape and Close, the button row. */
export function ExchangeDialog({ title, busy, onClose, onSubmit, actions, children }: Props) {
  const dialogRef = useDialogFocus<HTMLFormElement>()
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && !busy && onClose()}>
      <form
        ref={dialogRef} tabIndex={-1} className="modal wide exchange-dialog"
        role="dialog" aria-modal="true" aria-label={title}
        onSubmit={(e) => {
          e.preventDefault()
          onSubmit?.()
        }}
      >
        <h2>{title}</h2>
        {children}
        <div className="row">
          {actions}
          <button type="button" onClick={onClose} disabled={busy}>
            Close
          </button>
        </div>
      </form>
    </div>
  )
}
