import { useState } from 'react'
import type { JobProgress } from '@shared/contract'
import type { AnnotatedImportReport } from '@shared/exchange/annotated-import'
import { IMPORT_FORMATS, type ImportFormat } from '@shared/exchange/exchange-formats'
import { api } from '../../api/client'
import { BrowseButton } from '../../components/BrowseButton'
import { useLabels } from '../../labels'
import { appendPaths } from './appendPaths'
import { ExchangeDialog } from './ExchangeDialog'
import { IMPORT_FILE_TYPES } from './importFileTypes'
import { PackSummary } from './PackSummary'
import { runJob } from './runJob'
import { plural } from '@shared/plural'
import { issueText } from '@shared/issue-text'
import { quoted } from '@shared/text/quoted'

const TITLES: Record<ImportFormat, string> = {
  native: 'Spanwise JSONL',
  brat: 'brat standoff (.ann + .txt)',
  doccano: 'doccano JSONL',
  'label-studio': 'Label Studio JSON',
  w3c: 'W3C Web Annotation (JSON-LD)',
  'refi-qda': 'REFI-QDA project (.qdpx)',
  pack: 'Colleague’s annotation pack (.spanpack)'
}
const CREATE = '\u0000create'
const LEAVE_OUT = '\u0000skip'

/**
 * Import articles with their tags: check first (nothing is written), decide what to do with labels the
 * codebook lacks, then import everything in one step, or nothing if a span cannot be placed. A colleague's
 * pack goes into their own layer.
 */
export function ImportTaggedDialog({
  userName,
  initialFormat = 'brat',
  onClose,
  onImported
}: {
  userName: string
  initialFormat?: ImportFormat
  onClose: () => void
  onImported: (firstArticleId: number | null) => void
}) {
  const labels = useLabels()
  const [format, setFormat] = useState<ImportFormat>(initialFormat)
  const [addMissing, setAddMissing] = useState(false)
  const [force, setForce] = useState(false)
  const [paths, setPaths] = useState('')
  const [annotator, setAnnotator] = useState(`${userName} (imported)`)
  const [decisions, setDecisions] = useState<Record<string, string>>({})
  const [skipInvalid, setSkipInvalid] = useState(false)
  const [checked, setChecked] = useState<AnnotatedImportReport | null>(null)
  const [done, setDone] = useState<AnnotatedImportReport | null>(null)
  const [progress, setProgress] = useState<JobProgress | null>(null)
  const [jobId, setJobId] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const pack = format === 'pack'

  const run = async (dryRun: boolean) => {
    setError(null)
    setProgress({ jobId: '', kind: 'annotated-import', done: 0, total: 0, articles: 0, message: 'reading' })
    const labelMap: Record<string, string | null> = {}
    const createLabels: string[] = []
    for (const [name, d] of Object.entries(decisions)) {
      if (d === CREATE) createLabels.push(name)
      else if (d === LEAVE_OUT) labelMap[name] = null
      else if (d) labelMap[name] = d
    }
    try {
      const finished = await runJob(
        () =>
          api.call('exchange.import', {
            format,
            paths: paths.split('\n').map((p) => p.trim()).filter(Boolean),
            annotator,
            labelMap,
            createLabels,
            skipInvalid,
            dryRun,
            ...(pack ? { addMissingArticles: addMissing, force } : {})
          }),
        setProgress,
        setJobId
      )
      if (finished.kind !== 'annotated-import' || finished.outcome !== 'done' || !finished.report) {
        setError(finished.outcome === 'cancelled' ? 'Cancelled: nothing was imported.' : (finished.error?.message ?? 'The import failed: nothing was imported.'))
        return
      }
      const report = finished.report
      if (dryRun || !report.committed) setChecked(report)
      else {
        setDone(report)
        onImported(report.firstArticleId)
      }
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setProgress(null)
      setJobId(null)
    }
  }

  const choose = (chosen: string[]) => (setPaths((typed) => appendPaths(typed, chosen)), setChecked(null), setDone(null))
  const report = done ?? checked
  const uncheck = () => (setChecked(null), setDone(null))
  const unknown = checked?.labels.filter((l) => !l.known) ?? []
  const undecided = unknown.filter((l) => !decisions[l.name])
  const blocked = undecided.length > 0 || (!!checked && checked.errors > 0 && !skipInvalid)

  return (
    <ExchangeDialog
      title="Import tagged articles"
      busy={progress !== null}
      onClose={onClose}
      actions={
        jobId ? (
          <button type="button" onClick={() => void api.call('jobs.cancel', { jobId })}>
            Cancel
          </button>
        ) : done ? null : checked ? (
          <button type="button" className="primary" disabled={blocked || progress !== null} onClick={() => void run(false)}>
            Import
          </button>
        ) : (
          <button type="button" className="primary" disabled={!paths.trim() || (!pack && !annotator.trim()) || progress !== null} onClick={() => void run(true)}>
            {pack ? 'Check pack' : 'Check files'}
          </button>
        )
      }
    >
      <label>
        Format
        <select aria-label="Format" value={format} onChange={(e) => (setFormat(e.target.value as ImportFormat), setChecked(null), setDone(null))}>
          {IMPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {TITLES[f]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Files or folders (one path per line)
        <span className="path-field">
          <textarea aria-label="Files or folders" rows={3} value={paths} onChange={(e) => (setPaths(e.target.value), setChecked(null), setDone(null))} placeholder={pack ? '/home/ana/from-ben.spanpack' : '/home/ana/brat/news'} />
          {/* two buttons: on Linux and Windows one dialog cannot pick both files and folders */}
          <span className="browse-buttons">
            <BrowseButton
              request={{ kind: 'open-files', title: `Import ${TITLES[format]}`, multiple: true, filters: [IMPORT_FILE_TYPES[format], { name: 'All files', extensions: ['*'] }] }}
              onPick={choose}
            >
              Choose files…
            </BrowseButton>
            <BrowseButton request={{ kind: 'open-folder', title: `Import ${TITLES[format]}: choose folders`, multiple: true }} onPick={choose}>
              Choose folder…
            </BrowseButton>
          </span>
        </span>
      </label>
      {pack ? (
        <>
          <p className="hint">A pack’s tags go into the layer of the colleague who exported it; your own tags are never touched, and a newer pack from them replaces their layer.</p>
          <div className="row">
            <label className="check">
              <input type="checkbox" checked={addMissing} onChange={(e) => (setAddMissing(e.target.checked), uncheck())} /> Add the articles this project lacks (when the pack has their text)
            </label>
            <label className="check">
              <input type="checkbox" checked={force} onChange={(e) => (setForce(e.target.checked), uncheck())} /> Import even over a newer pack from the same colleague
            </label>
          </div>
        </>
      ) : (
        <label>
          Coder for tags the file does not attribute
          <input aria-label="Coder" value={annotator} onChange={(e) => setAnnotator(e.target.value)} />
        </label>
      )}
      {progress && (
        <div role="status">
          Reading… {plural(progress.done, 'article')}, {plural(progress.articles, 'tag')}
          <progress aria-label="Import progress" />
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {report && (
        <div className="import-check" role="status" aria-label={done ? 'Import result' : 'Import check'}>
          <p>
            {done ? 'Imported' : 'Found'} {plural(report.documents, 'article')} ({report.articlesAdded} new, {report.articlesMatched} already in the project) with{' '}
            {plural(done ? report.annotations : report.annotations + report.skipped, 'tag')} and {plural(report.links, 'link')}
            {report.reanchored ? `; ${plural(report.reanchored, 'span')} re-anchored by their text` : ''}
            {report.replaced ? `; ${plural(report.replaced, 'tag')} from an earlier import of the same file ${done ? 'replaced' : 'will be replaced'}` : ''}
            {report.review && report.review.adjudications + report.review.comments + report.review.doneMarks > 0
              ? `; review records: ${report.review.adjudications} decisions, ${report.review.comments} comments, ${report.review.doneMarks} done marks`
              : ''}
            {done && report.skipped ? `; ${report.skipped} left out` : ''}.
          </p>
          {report.pack && <PackSummary pack={report.pack} done={!!done} />}
          {!done && unknown.length > 0 && (
            <table className="label-map">
              <caption>Labels not in the codebook</caption>
              <tbody>
                {unknown.map((l) => (
                  <tr key={l.name}>
                    <td>
                      {l.name} <span className="hint">({l.tags})</span>
                    </td>
                    <td>
                      <select aria-label={`What to do with ${l.name}`} value={decisions[l.name] ?? ''} onChange={(e) => setDecisions({ ...decisions, [l.name]: e.target.value })}>
                        <option value="">Choose…</option>
                        <option value={CREATE}>Add {quoted(l.name)} to the codebook</option>
                        <option value={LEAVE_OUT}>Leave these tags out</option>
                        {labels.map((c) => (
                          <option key={c.name} value={c.name}>
                            Import as {c.name}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {report.issues.length > 0 && (
            <details open={report.errors > 0}>
              <summary>
                {plural(report.errors, 'problem')}, {plural(report.issues.length + report.moreIssues - report.errors, 'note')}
              </summary>
              <ul className="issues" aria-label="Import problems">
                {report.issues.slice(0, 200).map((i, k) => (
                  <li key={k} className={i.severity}>
                    {issueText(i)}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {!done && checked && checked.errors > 0 && (
            <label className="check">
              <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} /> Import the rest and leave out the {plural(checked.errors, 'tag')} with problems
            </label>
          )}
        </div>
      )}
    </ExchangeDialog>
  )
}
