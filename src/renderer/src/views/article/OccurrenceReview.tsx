import { useEffect, useState } from 'react'
import { createPortal } from 'react-dom'
import type { Annotation, Occurrence } from '@shared/domain'
import { api } from '../../api/client'
import { VirtualList } from '../../components/VirtualList'
import { notify, notifyError } from '../../state/notices'
import { trackSave } from '../../state/saveStatus'
import { useArticle } from './articleContext'
import { plural } from '@shared/plural'
import { quoted } from '@shared/text/quoted'

const ROW = 58
const keyOf = (o: Occurrence) => `${o.articleId}:${o.start}`

/**
 * "Tag all occurrences": every untagged place where the tag's words (or its actor's unambiguous names) occur,
 * in this article or the whole corpus, to accept one by one or all at once. Nothing is tagged until accepted.
 */
export function OccurrenceReview({ tag, onClose }: { tag: Annotation; onClose: () => void }) {
  const { apply } = useArticle()
  const [scope, setScope] = useState<'article' | 'corpus'>('corpus')
  const [withAliases, setWithAliases] = useState(true)
  const [result, setResult] = useState<{ phrases: string[]; occurrences: Occurrence[]; truncated: boolean; articlesScanned: number } | null>(null)
  const [done, setDone] = useState<Set<string>>(new Set())
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let live = true
    setResult(null)
    api.call('occurrences.find', { annotationId: tag.id, scope, withAliases }).then((r) => {
      if (!live) return
      setResult(r)
      setDone(new Set())
    }, notifyError)
    return () => {
      live = false
    }
  }, [tag.id, scope, withAliases])

  const open = result?.occurrences.filter((o) => !done.has(keyOf(o))) ?? []
  const accept = async (items: Occurrence[]) => {
    if (items.length === 0) return
    setBusy(true)
    try {
      const r = await trackSave(api.call('occurrences.accept', { annotationId: tag.id, items: items.map(({ articleId, start, end }) => ({ articleId, start, end })) }))
      if (r.mutation) apply(r.mutation)
      setDone((d) => new Set([...d, ...items.map(keyOf)]))
      if (items.length > 1) notify('info', `Tagged ${plural(r.created, 'occurrence')} in ${plural(r.articles, 'article')}.`)
    } catch (error) {
      notifyError(error)
    } finally {
      setBusy(false)
    }
  }

  // on the body: the tag panel is `contain: strict`, which would confine a fixed backdrop (and its snippets) to the panel's width
  return createPortal(
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="modal occurrences" role="dialog" aria-modal="true" aria-labelledby="occ-title">
        <h2 id="occ-title">Tag all occurrences as {tag.label}</h2>
        <div className="occ-controls">
          <div role="radiogroup" aria-label="Where to look">
            <label>
              <input type="radio" name="occ-scope" checked={scope === 'article'} onChange={() => setScope('article')} /> This article
            </label>
            <label>
              <input type="radio" name="occ-scope" checked={scope === 'corpus'} onChange={() => setScope('corpus')} /> Whole corpus
            </label>
          </div>
          <label>
            <input type="checkbox" checked={withAliases} onChange={(e) => setWithAliases(e.target.checked)} /> Include the linked actor’s other names
          </label>
        </div>
        {result === null ? (
          <p className="hint">Looking…</p>
        ) : (
          <>
            <p className="occ-summary" role="status">
              {open.length} untagged occurrence{open.length === 1 ? '' : 's'} of {result.phrases.map((p) => quoted(p)).join(', ')}
              {scope === 'corpus' ? ` in ${result.articlesScanned.toLocaleString()} candidate article${result.articlesScanned === 1 ? '' : 's'}` : ''}
              {result.truncated ? ' (only the first 5,000 are listed)' : ''}
            </p>
            <VirtualList
              className="occ-list"
              items={open}
              rowHeight={ROW}
              height={Math.min(420, Math.max(ROW, open.length * ROW))}
              itemKey={keyOf}
              render={(o) => (
                <div className="occ-row" aria-label={`${o.title}: ${o.quote}`}>
                  <div className="occ-text">
                    <span className="occ-title">{o.title}</span>
                    <span className="snippet">
                      <span className="occ-before">{o.before}</span>
                      <mark>{o.quote}</mark>
                      <span className="occ-after">{o.after}</span>
                    </span>
                  </div>
                  <button type="button" disabled={busy} onClick={() => void accept([o])}>
                    Accept
                  </button>
                </div>
              )}
            />
          </>
        )}
        <div className="modal-actions">
          <button type="button" className="primary" disabled={busy || open.length === 0} onClick={() => void accept(open)}>
            Accept all {open.length > 0 ? open.length : ''}
          </button>
          <button type="button" onClick={onClose} autoFocus>
            Close
          </button>
        </div>
      </div>
    </div>,
    document.body
  )
}
