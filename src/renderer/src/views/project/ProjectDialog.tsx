import { useState } from 'react'
import { PROJECT_EXTENSION, type AppInfo } from '@shared/domain'
import type { DamagedProject } from '@shared/backups/backup-entry'
import { api, ApiError } from '../../api/client'
import { BrowseButton } from '../../components/BrowseButton'
import { useDialogFocus } from '../../components/useDialogFocus'

const PROJECT_FILES = [{ name: 'Spanwise project', extensions: [PROJECT_EXTENSION.slice(1)] }]

/** Open a recent project, create one, open one by path (or the file dialog in the desktop app), or the demo. */
export function ProjectDialog({
  info,
  onDone,
  onClose,
  onBackups,
  onDamaged
}: {
  info: AppInfo
  onDone: () => void
  onClose: () => void
  onBackups: () => void
  onDamaged: (damaged: DamagedProject) => void
}) {
  const [name, setName] = useState('')
  const [path, setPath] = useState('')
  const [error, setError] = useState<string | null>(null)
  const act = (work: () => Promise<unknown>) => () =>
    work().then(onDone, (e: Error) => (e instanceof ApiError && e.code === 'PROJECT_DAMAGED' ? onDamaged(e.details as DamagedProject) : setError(e.message)))
  const dialogRef = useDialogFocus<HTMLDivElement>()
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div ref={dialogRef} tabIndex={-1} className="modal wide" role="dialog" aria-modal="true" aria-label="Projects">
        <h2>Projects</h2>
        <p className="hint">A project is one file holding its articles and tags; copy it like any document.</p>
        <h3>Recent</h3>
        <ul className="recent">
          {info.recent.map((r) => (
            <li key={r.path}>
              <button type="button" disabled={!r.exists} onClick={act(() => api.call('project.open', { path: r.path }))}>
                <strong>{r.name}</strong> <span className="path">{r.path}</span> {!r.exists && <em>(missing)</em>}
              </button>
            </li>
          ))}
        </ul>
        <form className="row" onSubmit={(e) => (e.preventDefault(), act(() => api.call('project.create', { name }))())}>
          <input aria-label="New project name" placeholder="New project name" value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" disabled={!name.trim()}>
            Create
          </button>
          <BrowseButton
            request={{ kind: 'save-file', title: 'Create a project', filters: PROJECT_FILES, defaultPath: `${name.trim() || 'New project'}${PROJECT_EXTENSION}` }}
            onPick={([file]) => act(() => api.call('project.create', { path: file! }))()}
            onError={(e) => setError(e.message)}
          >
            Create in…
          </BrowseButton>
        </form>
        <form className="row" onSubmit={(e) => (e.preventDefault(), act(() => api.call('project.open', { path }))())}>
          <input aria-label="Project file path" placeholder="/path/to/project.spanwise" value={path} onChange={(e) => setPath(e.target.value)} />
          <button type="submit" disabled={!path.trim()}>
            Open
          </button>
          <BrowseButton
            request={{ kind: 'open-files', title: 'Open a project', filters: PROJECT_FILES, defaultPath: path.trim() || undefined }}
            onPick={([file]) => (setPath(file!), act(() => api.call('project.open', { path: file! }))())}
            onError={(e) => setError(e.message)}
          >
            Choose file…
          </BrowseButton>
        </form>
        <div className="row">
          <button type="button" onClick={act(() => api.call('project.openDemo', {}))}>
            Open the demo project
          </button>
          <button type="button" onClick={onBackups} disabled={!info.project}>
            Backups…
          </button>
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
        {error && <p className="error" role="alert">{error}</p>}
      </div>
    </div>
  )
}
