import { useState } from 'react'
import type { DamagedProject, SalvageReport } from '@shared/backups/backup-entry'
import type { MethodInput } from '@shared/contract'
import { api } from '../../api/client'
import { useDialogFocus } from '../../components/useDialogFocus'
import { describeBackup } from './formatBackup'
import { plural } from '@shared/plural'

/** A project found damaged on open: it was moved aside untouched; put back a verified backup or salvage what can be read. */
export function RecoveryDialog({ damaged, onDone, onClose }: { damaged: DamagedProject; onDone: () => void; onClose: () => void }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [salvaged, setSalvaged] = useState<SalvageReport | null>(null)
  const dialogRef = useDialogFocus<HTMLDivElement>()
  const name = damaged.path.split(/[\\/]/).pop()
  const run = (input: MethodInput<'project.recover'>) => {
    setBusy(true)
    setError(null)
    api.call('project.recover', input).then(
      (result) => (result.salvage ? setSalvaged(result.salvage) : onDone()),
      (e: Error) => (setError(e.message), setBusy(false))
    )
  }
  if (salvaged) {
    const lost = salvaged.tables.filter((t) => t.unreadable).map((t) => t.name)
    return (
      <div className="modal-backdrop">
        <div ref={dialogRef} tabIndex={-1} className="modal wide" role="dialog" aria-modal="true" aria-label="Salvage finished">
          <h2>Salvage finished</h2>
          <p>
            Recovered {plural(salvaged.articles, 'article')} and {plural(salvaged.tags, 'tag')} into {name}.
          </p>
          {lost.length > 0 && <p className="hint">Parts that could not be read, fully or partly: {lost.join(', ')}. Compare with the newest backup before you go on.</p>}
          <div className="row">
            <span className="spacer" />
            <button type="button" onClick={onDone}>
              Open the salvaged project
            </button>
          </div>
        </div>
      </div>
    )
  }
  return (
    <div className="modal-backdrop">
      <div ref={dialogRef} tabIndex={-1} className="modal wide" role="dialog" aria-modal="true" aria-label="Project damaged">
        <h2>{name} is damaged</h2>
        <p>
          SQLite reported: <q>{damaged.problem}</q>. Spanwise wrote nothing into it and moved it aside to <code>{damaged.movedTo}</code>, so you can still hand it to someone who can repair it.
        </p>
        <h3>Restore a backup</h3>
        {damaged.backups.length === 0 ? (
          <p className="empty">This project has no backups.</p>
        ) : (
          <>
            <p className="hint">Work done after the backup is lost; the newest is first.</p>
            <ul className="backups" aria-label="Backups to restore">
              {damaged.backups.slice(0, 8).map((b) => (
                <li key={b.file}>
                  <span>{describeBackup(b)}</span>
                  <button type="button" disabled={busy} onClick={() => run({ action: 'restore', path: damaged.path, backup: b.file })}>
                    Restore this backup
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        <h3>Or salvage</h3>
        <p className="hint">Reads every row still readable from the damaged file into a new project at the same place.</p>
        <div className="row">
          <button type="button" disabled={busy} onClick={() => run({ action: 'salvage', path: damaged.path, movedTo: damaged.movedTo })}>
            Salvage what can be read
          </button>
          <span className="spacer" />
          <button type="button" disabled={busy} onClick={onClose}>
            Not now
          </button>
        </div>
        {busy && <p role="status">Working…</p>}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  )
}
