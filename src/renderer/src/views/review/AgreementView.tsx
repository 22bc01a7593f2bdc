import { useEffect, useMemo, useState } from 'react'
import type { AgreementReport } from '@shared/agreement/agreement-report'
import { reportToCsv } from '@shared/agreement/report-csv'
import { reportToHtml } from '@shared/agreement/report-html'
import { formatReference, STATISTIC_DOCS } from '@shared/agreement/statistic-docs'
import { api } from '../../api/client'
import { getLabels } from '../../labels'
import { notifyError } from '../../state/notices'
import { AgreementFigures } from './AgreementFigures'
import { plural } from '@shared/plural'

/** The agreement report: pick coders and labels, see the figures and plots, download them as CSV or HTML. */
export function AgreementView({ refreshKey }: { refreshKey: number }) {
  const [coders, setCoders] = useState<{ id: string; name: string }[]>([])
  const [chosen, setChosen] = useState<string[] | null>(null)
  const [labels, setLabels] = useState<string[]>([])
  const [report, setReport] = useState<AgreementReport | null>(null)
  const [busy, setBusy] = useState(false)
  // the ticks the report shown was computed for: changed ticks make it out of date until Compute
  const everyone = coders.filter((c) => c.id !== 'gold').map((c) => c.id)
  const allTicked = chosen === null || (chosen.length === everyone.length && everyone.every((id) => chosen.includes(id)))
  const selection = JSON.stringify([allTicked ? 'all' : [...chosen].sort(), [...labels].sort()])
  const [computedFor, setComputedFor] = useState(selection)
  const stale = report !== null && computedFor !== selection

  const compute = async () => {
    setBusy(true)
    try {
      const r = await api.call('agreement.report', { annotators: chosen ?? undefined, labels: labels.length ? labels : undefined })
      setReport(r)
      setComputedFor(selection)
    } catch (error) {
      notifyError(error)
    } finally {
      setBusy(false)
    }
  }
  useEffect(() => {
    void compute()
    // recomputed when the project changes; filter changes wait for the button
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [refreshKey])
  useEffect(() => {
    api.call('agreement.coders', {}).then(setCoders, notifyError)
  }, [refreshKey])

  const download = (name: string, type: string, body: string) => {
    const url = URL.createObjectURL(new Blob([body], { type }))
    const a = document.createElement('a')
    a.href = url
    a.download = name
    a.click()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
  }
  const names = useMemo(() => Object.fromEntries((report?.annotators ?? coders).map((a) => [a.id, a.name])), [report, coders])

  return (
    <div className="review-view agreement-view">
      <header className="review-header">
        <h1>Agreement</h1>
        <a className="button-link" href="#/review">
          Review list
        </a>
      </header>
      <form
        className="agreement-filters"
        aria-label="Agreement selection"
        onSubmit={(e) => {
          e.preventDefault()
          void compute()
        }}
      >
        <fieldset>
          <legend>Coders</legend>
          {coders.map((c) => (
            <label key={c.id} className="check">
              <input
                type="checkbox"
                checked={chosen === null ? c.id !== 'gold' : chosen.includes(c.id)}
                onChange={(e) => {
                  const base = chosen ?? coders.filter((x) => x.id !== 'gold').map((x) => x.id)
                  setChosen(e.target.checked ? [...base, c.id] : base.filter((id) => id !== c.id))
                }}
              />{' '}
              {c.name}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Labels (none ticked: all)</legend>
          {getLabels().map((l) => (
            <label key={l.name} className="check">
              <input type="checkbox" checked={labels.includes(l.name)} onChange={(e) => setLabels((ls) => (e.target.checked ? [...ls, l.name] : ls.filter((x) => x !== l.name)))} /> {l.name}
            </label>
          ))}
        </fieldset>
        <div className="review-tools">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Computing…' : 'Compute'}
          </button>
          <button type="button" disabled={!report || stale} onClick={() => report && download('agreement.csv', 'text/csv;charset=utf-8', reportToCsv(report))}>
            Download CSV
          </button>
          <button type="button" disabled={!report || stale} onClick={() => report && download('agreement.html', 'text/html;charset=utf-8', reportToHtml(report))}>
            Download HTML
          </button>
        </div>
        {stale && (
          <p className="hint" role="status">
            The ticks changed since this report was computed: press <em>Compute</em> to update it (and to download it).
          </p>
        )}
      </form>
      {report && (
        <section aria-label="Agreement report" className={`agreement-report${stale ? ' stale' : ''}`}>
          <p>
            {report.articles.included} of {plural(report.articles.total, 'article')} compared · {plural(report.overall.units, 'unit')} · coders: {report.annotators.map((a) => a.name).join(', ')}
          </p>
          {report.notes.map((n) => (
            <p key={n} className="hint">
              {n}
            </p>
          ))}
          {report.articles.included === 0 ? (
            // figures of nothing would be a wall of n/a: say what is missing instead
            report.articles.excluded.length > 0 && report.articles.excluded.every((e) => e.reason === 'blind_coding') ? (
              <p className="empty">Nothing to compare yet: blind coding hides your colleagues’ tags on every coded article until you mark it done. Mark the articles you finished done, or switch blind coding off on the Review page.</p>
            ) : (
              <p className="empty">
                Nothing to compare yet: agreement needs articles that two or more of the ticked coders coded. Tick more coders, or use <em>Import colleague’s pack…</em> to bring in a colleague’s tags.
              </p>
            )
          ) : (
            <AgreementFigures report={report} names={names} />
          )}
          {report.articles.excluded.length > 0 && (
            <details>
              <summary>{plural(report.articles.excluded.length, 'article')} left out</summary>
              <ul>
                {report.articles.excluded.slice(0, 200).map((e) => (
                  <li key={e.id}>{e.title}: {e.message}</li>
                ))}
              </ul>
            </details>
          )}
        </section>
      )}
      <details className="statistic-docs">
        <summary>How these figures are computed</summary>
        {Object.entries(STATISTIC_DOCS).map(([key, d]) => (
          <section key={key}>
            <h3>{d.name}</h3>
            <p>{d.definition}</p>
            <p><strong>Units.</strong> {d.units}</p>
            <p><strong>Left out.</strong> {d.excluded}</p>
            <p className="hint">{d.references.map(formatReference).join(' · ')}</p>
          </section>
        ))}
      </details>
    </div>
  )
}
