import { saveStatus } from '../state/saveStatus'
import { useStore } from '../state/createStore'

/** "Saved" appears only once the project file has committed the change. */
export function SaveIndicator() {
  const s = useStore(saveStatus)
  if (s.pending > 0) return <span className="save-indicator saving">Saving…</span>
  if (s.error) return <span className="save-indicator failed" title={s.error}>Not saved</span>
  return <span className="save-indicator saved" data-testid="saved">{s.savedAt ? `Saved ${s.savedAt.toLocaleTimeString()}` : 'All changes saved'}</span>
}
