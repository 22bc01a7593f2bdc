import { useState } from 'react'

/** Asked once, at first start: the name recorded on every tag. */
export function NameDialog({ onSubmit, initial = '' }: { onSubmit: (name: string) => Promise<void>; initial?: string }) {
  const [name, setName] = useState(initial)
  const [error, setError] = useState<string | null>(null)
  return (
    <div className="modal-backdrop">
      <form
        className="modal"
        role="dialog" aria-modal="true" aria-label="Welcome"
        onSubmit={(e) => {
          e.preventDefault()
          onSubmit(name).catch((err: Error) => setError(err.message))
        }}
      >
        <h2>Welcome to Spanwise</h2>
        <p>What is your name? It is recorded on every tag you make, so colleagues can tell your coding from theirs.</p>
        <input autoFocus aria-label="Your name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Ana Restrepo" maxLength={100} />
        {error && <p className="error">{error}</p>}
        <button type="submit" className="primary" disabled={name.trim() === ''}>
          Start coding
        </button>
      </form>
    </div>
  )
}
