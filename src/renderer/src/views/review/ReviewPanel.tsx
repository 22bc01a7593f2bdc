import { describeValue } from '@shared/codebook/describe-value'
import { useActorNames } from './useActorNames'
import { useSessionState } from '../../state/useSessionState'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import type { MethodInput } from '@shared/contract'
import type { Annotation, Mutation } from '@shared/domain'
import type { Adjudication, ArticleReview, ReviewedUnit } from '@shared/review/adjudication'
import { DISAGREEMENT_TEXT } from '@shared/review/review-unit'
import { unpackReview } from '@shared/review/packed-review'
import { api } from '../../api/client'
import { useCodebook, labelColor } from '../../labels'
import { notifyError } from '../../state/notices'
import { useStore } from '../../state/createStore'
import { useArticle } from '../article/articleContext'
import { MergeForm } from './MergeForm'
import { VirtualList } from '../../components/VirtualList'
import { plural } from '@shared/plural'
import { quoted } from '@shared/text/quoted'

type Show = 'disagreements' | 'unsettled' | 'all'
type Draft = { reason: string; guideline: string }
type DecideChoice = Pick<MethodInput<'review.decide'>, 'decision' | 'chosenId' | 'result'>

const EMPTY_DRAFT: Draft = { reason: '', guideline: '' }

const UNIT_ROW = 24
const UNIT_LIST_HEIGHT = 360

interface Props {
  /** The unit in focus: its versions are outlined in the text. */
  onFocus: (ids: string[]) => void
  /** Text selected in the article, offered as the gold span when editing. */
  selection: { start: number; end: number } | null
  /** The comparison asked for with the article (null if refused): shown when it comes, instead of asking again. */
  comparing?: Promise<ArticleReview | null>
  /** That comparison, if it came before the panel was shown. */
  compared?: ArticleReview | null
}

/**
 * Reviewing an article: every unit the layers' tags align into, with what differs, and the decision buttons.
 * N / P jump to the next / previous disagreement not yet settled.
 */
export function ReviewPanel({ onFocus, selection, comparing, compared }: Props) {
  const { article, state, run, select } = useArticle()
  const { annotations, complete, revision } = useStore(state)
  const [review, setReview] = useState<ArticleReview | null>(compared ?? null)
  const shownAtOnce = useRef(Boolean(compared))
  const [failed, setFailed] = useState<string | null>(null)
  const [show, setShow] = useState<Show>('disagreements')
  // the unit in hand and what the reviewer typed survive a reload of the tab
  const [focusId, setFocusId] = useSessionState<string | null>(`review-focus:${article.id}`, null)
  // what the reviewer typed, kept per unit: moving on before an answer comes never carries a reason to the next unit
  const [drafts, setDrafts] = useSessionState<Record<string, Draft>>(`review-drafts:${article.id}`, {})
  const [merging, setMerging] = useState(false)

  const load = useCallback(() => {
    api.call('review.article', { articleId: article.id }).then(
      (r) => {
        setReview(unpackReview(r))
        setFailed(null)
      },
      (e: Error) => setFailed(e.message)
    )
  }, [article.id])
  useEffect(() => {
    let live = true
    // the comparison asked for with the article is current until an action changes the tags; a refusal is asked again for its reason
    // rendered at once when it comes, so the browser does not paint a frame without it first
    if (revision === 0 && shownAtOnce.current) return
    if (revision === 0 && comparing) void comparing.then((r) => live && (r ? flushSync(() => setReview(r)) : load()))
    else load()
    return () => {
      live = false
    }
  }, [load, revision, comparing])

  const units = useMemo(() => {
    if (!review) return []
    if (show === 'all') return review.units
    return review.units.filter((u) => (show === 'unsettled' ? !u.settled : u.kinds.length > 0))
  }, [review, show])
  const focus = units.find((u) => u.id === focusId) ?? null
  const names = useMemo(() => Object.fromEntries((review?.layers ?? []).map((l) => [l.annotatorId, l.name])), [review])

  const focusUnit = useCallback(
    (u: ReviewedUnit | null) => {
      setFocusId(u?.id ?? null)
      setMerging(false)
      const ids = u ? Object.values(u.members).filter((id): id is string => id !== null) : []
      onFocus(ids)
      if (ids[0]) select(ids[0], true)
    },
    [onFocus, select]
  )

  // after a reload, the unit that was in hand is outlined and selected again once the comparison is in
  const restored = useRef(false)
  useEffect(() => {
    if (!review || restored.current) return
    restored.current = true
    const unit = review.units.find((u) => u.id === focusId)
    if (unit) focusUnit(unit)
  }, [review, focusId, focusUnit])

  const step = useCallback(
    (dir: 1 | -1) => {
      const open = (review?.units ?? []).filter((u) => u.kinds.length > 0 && !u.settled)
      if (open.length === 0) return
      const at = focus ? open.findIndex((u) => u.id === focus.id) : -1
      // from a unit just settled (no longer open), go by position in the text
      const next =
        at >= 0
          ? open[(at + dir + open.length) % open.length]
          : dir === 1
            ? (open.find((u) => !focus || u.start >= focus.start) ?? open[0])
            : (open.findLast((u) => !focus || u.start <= focus.start) ?? open[open.length - 1])
      focusUnit(next!)
    },
    [review, focus, focusUnit]
  )

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // keys typed in a field or in a dialog over the review are not review keys
      if ((e.target as HTMLElement).closest('input, textarea, select, [contenteditable="true"], .modal-backdrop') || e.ctrlKey || e.metaKey || e.altKey) return
      if (e.key === 'n' || e.key === 'p') {
        e.preventDefault()
        e.stopImmediatePropagation()
        step(e.key === 'n' ? 1 : -1)
      }
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [step])

  const draftOf = (unitId: string | null): Draft => (unitId && drafts[unitId]) || EMPTY_DRAFT
  const { reason, guideline } = draftOf(focusId)
  const edit = (patch: Partial<Draft>) => focusId && setDrafts((d) => ({ ...d, [focusId]: { ...EMPTY_DRAFT, ...d[focusId], ...patch } }))

  const focusRef = useRef(focusId)
  focusRef.current = focusId
  // a decision's answer may come after the reviewer moved on: it clears only the draft it sent, so a retyped reason or the next unit's merge form stays
  const decided = async (unitId: string | null, work: Promise<Mutation | null>, used: Draft = EMPTY_DRAFT) => {
    const m = await run(work)
    if (m) {
      if (unitId) setDrafts(({ [unitId]: now, ...rest }) => (now && (now.reason !== used.reason || now.guideline !== used.guideline) ? { ...rest, [unitId]: now } : rest))
      if (focusRef.current === unitId) setMerging(false)
    }
  }
  const candidates = (u: ReviewedUnit) => Object.values(u.members).filter((id): id is string => id !== null)
  const decideWith = (u: ReviewedUnit, input: DecideChoice) => {
    const used = draftOf(u.id)
    return decided(u.id, api.call('review.decide', { articleId: article.id, candidates: candidates(u), ...input, ...used }), used)
  }
  const decide = (u: ReviewedUnit, decision: 'accept' | 'reject', chosenId?: string) => decideWith(u, { decision, chosenId })

  if (failed) return <div className="review-panel"><p className="hint">{failed}</p></div>
  if (!review) return <div className="review-panel"><p className="hint">Comparing layers…</p></div>
  const open = review.units.filter((u) => u.kinds.length > 0 && !u.settled).length
  const agreed = review.units.filter((u) => u.kinds.length === 0 && !u.settled).length
  return (
    <aside className="review-panel" aria-label="Review">
      <h2>
        Review <span className="count">{review.compared.map((id) => names[id]).join(' · ')}</span>
      </h2>
      {review.compared.length < 2 ? (
        <p className="hint">Only one coder tagged this article; there is nothing to compare yet. Import a colleague’s pack to review their tags.</p>
      ) : (
        <>
          <p className="review-summary">
            {plural(review.units.length, 'unit')} · <strong>{open}</strong> open disagreement{open === 1 ? '' : 's'} · {review.units.filter((u) => u.settled).length} settled
          </p>
          {review.strandedGold.length > 0 && (
            <section className="stranded-gold" aria-label="Gold tags without versions">
              <p>
                {review.strandedGold.length === 1 ? 'This gold tag comes' : `These ${review.strandedGold.length} gold tags come`} from versions their coders have deleted since the decision. Keep{' '}
                {review.strandedGold.length === 1 ? 'it' : 'them'}, or remove {review.strandedGold.length === 1 ? 'it' : 'them'} from gold:
              </p>
              <ul>
                {review.strandedGold.map((id) => {
                  const tag = annotations.get(id)
                  return (
                    <li key={id}>
                      <button type="button" className="link-target" onClick={() => select(id, true)} title="Go to the gold tag">
                        {tag ? `${tag.label} ${quoted(tag.fragments.map((f) => f.quote).join(' … '))}` : 'gold tag'}
                      </button>{' '}
                      <button type="button" className="danger" onClick={() => void run(api.call('annotations.delete', { id }))}>
                        Remove from gold
                      </button>
                    </li>
                  )
                })}
              </ul>
            </section>
          )}
          <div className="review-tools">
            <button type="button" onClick={() => step(1)} disabled={open === 0} title="Next open disagreement (N)">
              Next <kbd>N</kbd>
            </button>
            <button type="button" onClick={() => step(-1)} disabled={open === 0} title="Previous open disagreement (P)">
              Prev <kbd>P</kbd>
            </button>
            <button type="button" onClick={() => void decided(focusId, api.call('review.acceptAgreed', { articleId: article.id }))} disabled={agreed === 0}>
              Accept {agreed} agreed into gold
            </button>
            <select aria-label="Show" value={show} onChange={(e) => setShow(e.target.value as Show)}>
              <option value="disagreements">Disagreements</option>
              <option value="unsettled">Not settled</option>
              <option value="all">All units</option>
            </select>
          </div>
          {focus && (
            <section className="unit-card" aria-label={`Unit ${focus.number}`}>
              <h3>
                #{focus.number} {focus.kinds.length ? focus.kinds.map((k) => DISAGREEMENT_TEXT[k]).join(' · ') : 'all agree'}
              </h3>
              <table className="versions">
                <tbody>
                  {review.compared.map((layer) => {
                    const id = focus.members[layer]
                    const tag = id ? annotations.get(id) : undefined
                    return (
                      <tr key={layer}>
                        <th scope="row">{names[layer]}</th>
                        {tag ? <Version tag={tag} /> : <td className="absent">no tag</td>}
                        <td>
                          {tag && (
                            <button type="button" onClick={() => void decide(focus, 'accept', tag.id)}>
                              Accept
                            </button>
                          )}
                        </td>
                      </tr>
                    )
                  })}
                </tbody>
              </table>
              <ul className="unit-details">
                {focus.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
              {focus.decision && (
                <p className={`decision${focus.settled ? '' : ' undone'}`}>
                  {decisionWords(focus.decision)}, {new Date(focus.decision.decidedAt).toLocaleString()}
                  {focus.decision.reason && ` — ${quoted(focus.decision.reason)}`}
                  {focus.decision.guideline && ` (${focus.decision.guideline})`}
                  {!focus.settled && ' (no longer stands: it was undone, or the versions changed since; decide again)'}
                </p>
              )}
              <label className="field">
                Reason
                <input value={reason} onChange={(e) => edit({ reason: e.target.value })} placeholder="Why this decision (kept with it)" maxLength={5000} />
              </label>
              <label className="field">
                Guideline reference
                <input value={guideline} onChange={(e) => edit({ guideline: e.target.value })} placeholder="e.g. codebook §4.2" maxLength={500} />
              </label>
              <div className="review-tools">
                <button type="button" onClick={() => setMerging((m) => !m)} aria-expanded={merging}>
                  Merge / edit…
                </button>
                <button type="button" className="danger" onClick={() => void decide(focus, 'reject')}>
                  Reject all
                </button>
              </div>
              {merging && (
                <MergeForm
                  versions={candidates(focus).map((id) => annotations.get(id)).filter((t): t is Annotation => !!t)}
                  names={names}
                  selection={selection}
                  onSubmit={(decision, result, chosenId) => void decideWith(focus, { decision, chosenId, result })}
                />
              )}
            </section>
          )}
          {units.length === 0 ? (
            <p className="hint">Nothing to show here.</p>
          ) : (
            <VirtualList
              className="unit-list"
              items={units}
              rowHeight={UNIT_ROW}
              height={Math.min(UNIT_LIST_HEIGHT, units.length * UNIT_ROW + 2)}
              itemKey={(u) => u.id}
              focusIndex={focus ? units.indexOf(focus) : undefined}
              render={(u) => {
                const kinds = u.kinds.map((k) => DISAGREEMENT_TEXT[k]).join(', ')
                return (
                  <button type="button" className={`unit-row${u.id === focusId ? ' selected' : ''}${u.settled ? ' settled' : ''}`} onClick={() => focusUnit(u)} data-unit={u.number}>
                    <span className="unit-number">#{u.number}</span>
                    <span className="unit-quote">{quoteOf(u, annotations, complete)}</span>
                    <span className="unit-kinds" title={kinds || undefined}>
                      {u.settled ? '✓ settled' : kinds || 'agree'}
                    </span>
                  </button>
                )
              }}
            />
          )}
        </>
      )}
    </aside>
  )
}

function Version({ tag }: { tag: Annotation }) {
  const attrs = Object.entries(tag.attributes)
  const defs = useCodebook()?.labels.find((l) => l.name === tag.label)?.attributes ?? []
  const def = (key: string) => defs.find((d) => d.key === key)
  const actorName = useActorNames(attrs.flatMap(([k, v]) => (def(k)?.type === 'actor' ? [v].flat().map(String) : [])))
  return (
    <td className="version">
      <span className="swatch" style={{ background: labelColor(tag.label) }} /> <strong>{tag.label}</strong> {quoted(tag.fragments.map((f) => f.quote).join(' … '))}
      {attrs.length > 0 && <div className="version-attrs">{attrs.map(([k, v]) => `${def(k)?.name ?? k}: ${describeValue(def(k), v, actorName)}`).join(' · ')}</div>}
      {tag.links.length > 0 && <div className="version-attrs">links: {tag.links.map((l) => l.type).join(', ')}</div>}
      <div className="version-attrs">status: {tag.status.replace('_', ' ')}</div>
    </td>
  )
}

function quoteOf(u: ReviewedUnit, annotations: Map<string, Annotation>, complete: boolean): string {
  const first = Object.values(u.members).find((id) => id && annotations.has(id))
  const tag = first ? annotations.get(first) : undefined
  // a unit beyond the opening text may show before its tags arrive
  return tag ? `${tag.label} ${quoted(tag.fragments[0]!.quote)}` : complete ? '(tag not loaded)' : '…'
}

/** Who decided what, in words: "Rita accepted Ana’s version", "Ana accepted their own version", "Rita rejected it". */
function decisionWords(d: Adjudication): string {
  const who = d.decidedByName
  if (d.decision === 'accept') {
    const owner = d.candidates.find((c) => c.annotationId === d.chosenId)?.annotatorName
    return `${who} accepted ${owner === who ? 'their own' : owner ? `${owner}’s` : 'one'} version`
  }
  return `${who} ${d.decision === 'reject' ? 'rejected it' : d.decision === 'merge' ? 'merged the versions' : 'edited it'}`
}
