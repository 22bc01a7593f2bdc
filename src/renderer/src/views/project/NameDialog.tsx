import { useState } from 'react'

interface Props {
  onSubmit: (name: string) => Promise<void>
  /** The current name, when the user is changing it (the dialog then offers Cancel). */
  initial?: string
  onCancel?: () => void
}

/** Asked at first start, and from the name in the top bar: the name recorded on every tag. */
export function NameDialog({ onSubmit, initial = '', onCancel }: Props) {
  const [name, setName] = useState(initial)
  const [error, setError] = useState<string | null>(null)
  const renaming = onCancel !== undefined
  return (
    <div className="modal-backdrop">
      <form
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-label={renaming ? 'Your name' : 'Welcome'}
        onKeyDown={(e) => e.key === 'Escape' && onCancel?.()}
        onSubmit={(e) => {
          e.preventDefault()
          onSubmit(name).catch((err: Error) => setError(err.message))
        }}
      >
        <h2>{renaming ? 'Your name' : 'Welcome to Spanwise'}</h2>
        <p>
          {renaming
            ? 'Recorded on every tag you make. Your tags in this project show the new name at once; colleagues see it in your next pack.'
            : 'What is your name? It is recorded on every tag you make, so colleagues can tell your coding from theirs.'}
        </p>
        <input autoFocus aria-label="Your name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Ana Restrepo" maxLength={100} />
        {error && <p className="error">{error}</p>}
        <div className="modal-actions">
          {renaming && (
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          )}
          <button type="submit" className="primary" disabled={name.trim() === '' || (renaming && name.trim() === initial)}>
            {renaming ? 'Save' : 'Start coding'}
          </button>
        </div>
      </form>
    </div>
  )
}
