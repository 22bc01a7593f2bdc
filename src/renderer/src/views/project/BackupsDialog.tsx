import { useCallback, useEffect, useState } from 'react'
import type { BackupEntry, BackupList } from '@shared/backups/backup-entry'
import { api } from '../../api/client'
import { notify } from '../../state/notices'
import { describeBackup } from './formatBackup'
import { useDialogFocus } from '../../components/useDialogFocus'

/** The open project's verified backups: back up now, or restore one (after the current state is backed up). */
export function BackupsDialog({ onClose, onRestored }: { onClose: () => void; onRestored: () => void }) {
  const [list, setList] = useState<BackupList | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [confirm, setConfirm] = useState<BackupEntry | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(() => api.call('backup.list', {}).then(setList, (e: Error) => setError(e.message)), [])
  useEffect(() => void load(), [load])

  const backUp = () => {
    setBusy('Backing up…')
    setError(null)
    api.call('backup.create', {}).then(
      (entry) => (notify('info', `Backed up and verified (${describeBackup(entry)}).`), setBusy(null), void load()),
      (e: Error) => (setError(e.message), setBusy(null))
    )
  }
  const restore = (entry: BackupEntry) => {
    setBusy('Restoring…')
    setError(null)
    api.call('backup.restore', { backup: entry.file }).then(
      () => (notify('info', `Restored the backup from ${new Date(entry.createdAt).toLocaleString()}. The state before it was kept as a backup too.`), onRestored()),
      (e: Error) => (setError(e.message), setBusy(null), setConfirm(null))
    )
  }

  const dialogRef = useDialogFocus<HTMLDivElement>()
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && !busy && onClose()}>
      <div ref={dialogRef} tabIndex={-1} className="modal wide" role="dialog" aria-modal="true" aria-label="Backups">
        <h2>Backups</h2>
        <p className="hint">
          Spanwise backs the project up when you open it and every {list?.intervalMinutes ?? 10} minutes while you work, checks every copy, and keeps the recent ones plus one a day
          and one a week. They are in <code>{list?.folder ?? '…'}</code>.
        </p>
        <div className="row">
          <button type="button" onClick={backUp} disabled={!!busy}>
            Back up now
          </button>
          {busy && <span role="status">{busy}</span>}
        </div>
        {list && list.entries.length === 0 && <p className="empty">No backups yet.</p>}
        <ul className="backups" aria-label="Backup list">
          {list?.entries.map((e) => (
            <li key={e.file}>
              <span>{describeBackup(e)}</span>
              {confirm === e ? (
                <span className="row">
                  <span>Replace the project with this backup? Its current state is backed up first.</span>
                  <button type="button" onClick={() => restore(e)} disabled={!!busy}>
                    Restore
                  </button>
                  <button type="button" onClick={() => setConfirm(null)} disabled={!!busy}>
                    Cancel
                  </button>
                </span>
              ) : (
                <button type="button" onClick={() => setConfirm(e)} disabled={!!busy} aria-label={`Restore backup from ${describeBackup(e)}`}>
                  Restore…
                </button>
              )}
            </li>
          ))}
        </ul>
        <div className="row">
          <span className="spacer" />
          <button type="button" onClick={onClose} disabled={!!busy}>
            Close
          </button>
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  )
}
