import { useState } from 'react'
import type { JobProgress } from '@shared/contract'
import { ANNOTATION_STATUSES, ARTICLE_STATUSES } from '@shared/domain'
import { EXPORT_FORMAT_INFO, EXPORT_FORMATS, type ExportFormat } from '@shared/exchange/exchange-formats'
import type { ExportResult } from '@shared/exchange/export-result'
import { api } from '../../api/client'
import { useLabels } from '../../labels'
import { defaultDestination } from './defaultDestination'
import { runJob } from './runJob'

const UNIT: Record<string, string> = { codepoint: 'Unicode code points', utf16: 'UTF-16 code units', token: 'tokens' }

/** Choose a format and what to include, then export to a new folder with a progress bar; the folder appears only when complete. */
export function ExportDialog({ projectPath, projectName, onClose }: { projectPath: string; projectName: string; onClose: () => void }) {
  const labels = useLabels()
  const [format, setFormat] = useState<ExportFormat>('native')
  const [destination, setDestination] = useState(() => defaultDestination(projectPath, projectName, 'native'))
  const [edited, setEdited] = useState(false)
  const [chosenLabels, setChosenLabels] = useState<string[]>([])
  const [statuses, setStatuses] = useState<string[]>([])
  const [articleStatuses, setArticleStatuses] = useState<string[]>([])
  const [annotators, setAnnotators] = useState('')
  const [quotes, setQuotes] = useState(true)
  const [bom, setBom] = useState(false)
  const [overwrite, setOverwrite] = useState(false)
  const [progress, setProgress] = useState<JobProgress | null>(null)
  const [jobId, setJobId] = useState<string | null>(null)
  const [result, setResult] = useState<ExportResult | null>(null)
  const [error, setError] = useState<string | null>(null)
  const info = EXPORT_FORMAT_INFO[format]
  const toggle = (list: string[], set: (l: string[]) => void, value: string) => set(list.includes(value) ? list.filter((v) => v !== value) : [...list, value])

  const start = async () => {
    setError(null)
    setResult(null)
    setProgress({ jobId: '', kind: 'export', done: 0, total: 0, articles: 0, message: 'starting' })
    try {
      const finished = await runJob(
        () =>
          api.call('export.start', {
            format,
            destination,
            quotes,
            bom,
            overwrite,
            filter: {
              labels: chosenLabels.length ? chosenLabels : undefined,
              statuses: statuses.length ? (statuses as never) : undefined,
              articleStatuses: articleStatuses.length ? (articleStatuses as never) : undefined,
              annotators: annotators.trim() ? annotators.split(',').map((a) => a.trim()).filter(Boolean) : undefined
            }
          }),
        setProgress,
        setJobId
      )
      if (finished.kind === 'export' && finished.outcome === 'done' && finished.report) setResult(finished.report)
      else setError(finished.outcome === 'cancelled' ? 'Export cancelled: nothing was written.' : (finished.error?.message ?? 'The export failed: nothing was written.'))
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setProgress(null)
      setJobId(null)
    }
  }

  return (
    <div className="modal-backdrop">
      <form
        className="modal wide exchange-dialog"
        aria-label="Export"
        onSubmit={(e) => {
          e.preventDefault()
          void start()
        }}
      >
        <h2>Export</h2>
        <label>
          Format
          <select
            aria-label="Format"
            value={format}
            onChange={(e) => {
              const f = e.target.value as ExportFormat
              setFormat(f)
              if (!edited) setDestination(defaultDestination(projectPath, projectName, f))
            }}
          >
            {/* a pack is one file with your tags only: it has its own dialog, "Export my pack…" */}
            {EXPORT_FORMATS.filter((f) => f !== 'pack').map((f) => (
              <option key={f} value={f}>
                {EXPORT_FORMAT_INFO[f].title}
              </option>
            ))}
          </select>
        </label>
        <p className="hint">
          {info.summary} Offsets: {UNIT[info.unit]}, end exclusive.
        </p>
        {info.drops.length > 0 && (
          <div className="hint" aria-label="What this format cannot carry">
            Cannot carry: {info.drops.join('; ')}.
          </div>
        )}
        <fieldset>
          <legend>Labels (none ticked: all)</legend>
          {labels.map((l) => (
            <label key={l.name} className="check">
              <input type="checkbox" checked={chosenLabels.includes(l.name)} onChange={() => toggle(chosenLabels, setChosenLabels, l.name)} /> {l.name}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Tag status (none ticked: all)</legend>
          {ANNOTATION_STATUSES.map((s) => (
            <label key={s} className="check">
              <input type="checkbox" checked={statuses.includes(s)} onChange={() => toggle(statuses, setStatuses, s)} /> {s.replace('_', ' ')}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Article status (none ticked: all)</legend>
          {ARTICLE_STATUSES.map((s) => (
            <label key={s} className="check">
              <input type="checkbox" checked={articleStatuses.includes(s)} onChange={() => toggle(articleStatuses, setArticleStatuses, s)} /> {s.replace('_', ' ')}
            </label>
          ))}
        </fieldset>
        <label>
          Coders (names, comma-separated; empty: all)
          <input aria-label="Coders" value={annotators} onChange={(e) => setAnnotators(e.target.value)} placeholder="e.g. Ana, Ben" />
        </label>
        <div className="row">
          <label className="check">
            <input type="checkbox" checked={quotes} onChange={(e) => setQuotes(e.target.checked)} /> Include each span’s text
          </label>
          {format === 'csv' && (
            <label className="check">
              <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} /> Byte-order mark for Excel
            </label>
          )}
          <label className="check">
            <input type="checkbox" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} /> Replace the folder if it exists
          </label>
        </div>
        <label>
          New folder
          <input
            aria-label="Export folder"
            value={destination}
            onChange={(e) => {
              setEdited(true)
              setDestination(e.target.value)
            }}
          />
        </label>
        {progress && (
          <div role="status">
            Exporting… {progress.done}/{progress.total} articles, {progress.articles} tags
            <progress max={progress.total || 1} value={progress.done} aria-label="Export progress" />
          </div>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {result && (
          <div className="export-result" role="status">
            <p>
              Exported {result.articles} article{result.articles === 1 ? '' : 's'} and {result.annotations} tag{result.annotations === 1 ? '' : 's'} to <code>{result.destination}</code>:{' '}
              {result.files.length > 6 ? `${result.files.length} files` : result.files.join(', ')}.
            </p>
            {result.warnings.length > 0 && (
              <ul aria-label="Export warnings">
                {result.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className="row">
          {jobId ? (
            <button type="button" onClick={() => void api.call('jobs.cancel', { jobId })}>
              Cancel export
            </button>
          ) : (
            <button type="submit" className="primary" disabled={!destination.trim() || progress !== null}>
              Export
            </button>
          )}
          <button type="button" onClick={onClose} disabled={progress !== null}>
            Close
          </button>
        </div>
      </form>
    </div>
  )
}
