import { useEffect, useState } from 'react'
import type { CorpusReviewRow } from '@shared/review/adjudication'
import { DISAGREEMENT_KINDS, DISAGREEMENT_TEXT } from '@shared/review/review-unit'
import { api } from '../../api/client'
import { notifyError } from '../../state/notices'

/** Every article two or more coders tagged, most disagreements first; a row opens the article in review. */
export function CorpusReview({ refreshKey }: { refreshKey: number }) {
  const [data, setData] = useState<{ rows: CorpusReviewRow[]; blind: boolean } | null>(null)
  const [reload, setReload] = useState(0)
  useEffect(() => {
    let live = true
    api.call('review.corpus', {}).then((d) => live && setData(d), notifyError)
    return () => {
      live = false
    }
  }, [refreshKey, reload])
  const setBlind = async (on: boolean) => {
    try {
      await api.call('review.setBlind', { on })
      setReload((n) => n + 1)
    } catch (error) {
      notifyError(error)
    }
  }
  if (!data) return <div className="empty">Comparing layers…</div>
  return (
    <div className="review-view">
      <header className="review-header">
        <h1>Review</h1>
        <label className="check" title="Coders see only their own tags in an article until they mark it done">
          <input type="checkbox" checked={data.blind} onChange={(e) => void setBlind(e.target.checked)} /> Blind coding
        </label>
        <a className="button-link" href="#/agreement">
          Agreement report
        </a>
      </header>
      {data.rows.length === 0 ? (
        <p className="empty">
          {data.blind
            ? 'Nothing to review yet: blind coding is on, so an article coded by two or more people appears here once you mark it done (Mark done, above its text).'
            : 'No article has been coded by two or more people yet. Import a colleague’s pack (Import colleague’s pack…) to compare your tags with theirs.'}
        </p>
      ) : (
        <table className="review-table">
          <thead>
            <tr>
              <th>Article</th>
              <th>Coders</th>
              <th>Units</th>
              <th>Disagreements</th>
              {DISAGREEMENT_KINDS.map((k) => (
                <th key={k}>{DISAGREEMENT_TEXT[k]}</th>
              ))}
              <th>Not settled</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              // the whole row opens the review, as a corpus row opens its article; the link stays for the keyboard
              <tr key={r.articleId} onClick={(e) => !(e.target as Element).closest('a') && (location.hash = `#/article/${r.articleId}/review`)}>
                <td>
                  <a href={`#/article/${r.articleId}/review`}>{r.title}</a>
                </td>
                <td>{r.layers}</td>
                <td>{r.units}</td>
                <td>
                  <strong>{r.disagreements}</strong>
                </td>
                {DISAGREEMENT_KINDS.map((k) => (
                  <td key={k}>{r.byKind[k] || ''}</td>
                ))}
                <td>{r.unsettled}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
