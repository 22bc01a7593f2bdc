import { useStore } from '../../state/createStore'
import { cancelImport, importState, startImport } from './importState'
import { plural } from '@shared/plural'

/** Progress of the running import (cancellable), then its report: what came in and what was refused and why. */
export function ImportStatus({ onOpen }: { onOpen: (articleId: number) => void }) {
  const { jobId, progress, finished, sources } = useStore(importState)
  if (jobId && progress) {
    const pct = progress.total ? Math.round((progress.done / progress.total) * 100) : 0
    return (
      <div className="import-status" role="status">
        <span>
          Importing… {progress.done}/{plural(progress.total, 'file')}, {plural(progress.articles, 'article')}
        </span>
        <progress max={progress.total || 1} value={progress.done} aria-label="Import progress">
          {pct}%
        </progress>
        <button type="button" onClick={() => void cancelImport()}>
          Cancel
        </button>
      </div>
    )
  }
  if (!finished) return null
  const dismiss = () => importState.set((s) => ({ ...s, finished: null }))
  if (finished.outcome !== 'done' || !finished.report || finished.kind !== 'import')
    return (
      <div className="import-status error" role="status">
        {finished.outcome === 'cancelled' ? 'Import cancelled: nothing was imported.' : (finished.error?.message ?? 'The import failed: nothing was imported.')}
        <button type="button" onClick={dismiss}>
          Close
        </button>
      </div>
    )
  const r = finished.report
  const errors = r.issues.filter((i) => i.severity === 'error')
  const warnings = r.issues.filter((i) => i.severity === 'warning')
  const badUtf8 = new Set(errors.filter((i) => i.code === 'INVALID_UTF8').map((i) => i.file))
  // browser uploads are resent as they were; files read from disk (maybe inside a folder) by their own path
  const retry = [...badUtf8].map((file) => sources.find((s) => s.kind === 'bytes' && s.name === file) ?? { kind: 'path' as const, path: file })
  return (
    <div className={`import-status ${errors.length ? 'warn' : 'ok'}`} role="status">
      <div>
        Imported {plural(r.imported, 'article')} from {plural(r.files, 'file')}
        {r.duplicates ? `; ${r.duplicates} already in the project (skipped)` : ''}
        {errors.length ? `; ${plural(errors.length, 'problem')}` : ''}.
        {r.firstArticleId !== null && (
          <button type="button" onClick={() => onOpen(r.firstArticleId!)}>
            Open first
          </button>
        )}
        <button type="button" onClick={dismiss}>
          Close
        </button>
      </div>
      {r.issues.length > 0 && (
        <ul className="issues">
          {[...errors, ...warnings].slice(0, 200).map((i, n) => (
            <li key={n} className={i.severity}>
              {i.message}
            </li>
          ))}
        </ul>
      )}
      {retry.length > 0 && (
        <button type="button" onClick={() => void startImport(retry, 'windows-1252')}>
          Import {plural(retry.length, 'file')} again as Windows-1252
        </button>
      )}
    </div>
  )
}
