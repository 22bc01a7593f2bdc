import { useEffect, useState } from 'react'
import { ACTOR_KINDS, ALIAS_TYPES, type Actor, type ActorMention, type AliasType } from '@shared/domain'
import { api } from '../../api/client'
import { notify, notifyError } from '../../state/notices'
import { trackSave } from '../../state/saveStatus'
import { ActorRelations } from './ActorRelations'
import { plural } from '@shared/plural'
import { quoted } from '@shared/text/quoted'

const KIND_TEXT: Record<string, string> = { organisation: 'Organisation', sub_unit: 'Sub-unit', individual: 'Individual', generic_category: 'Generic category' }

/** One canonical actor: its fields (saved on change), its aliases, where it is mentioned, and merging it into another. */
export function ActorDetails({ actorId }: { actorId: string }) {
  const [actor, setActor] = useState<Actor | null>(null)
  const [mentions, setMentions] = useState<ActorMention[] | null>(null)
  const [all, setAll] = useState<Actor[]>([])
  const [alias, setAlias] = useState({ alias: '', language: '', aliasType: 'media_name' as AliasType, designatedBy: '', validFrom: '', validTo: '', ambiguous: false })
  const [mergeInto, setMergeInto] = useState('')
  const [confirmMerge, setConfirmMerge] = useState(false)
  const [mergedName, setMergedName] = useState<string | null>(null)
  const [aliasError, setAliasError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    Promise.all([api.call('actors.get', { id: actorId }), api.call('actors.mentions', { id: actorId, limit: 500 }), api.call('actors.list', { query: '', limit: 1000 })]).then(([a, m, list]) => {
      if (!live) return
      setActor(a)
      setMentions(m)
      setAll(list.filter((x) => x.id !== actorId))
      // a tombstone names the actor it was merged into, which may be past the list's first thousand
      if (a.mergedInto) api.call('actors.get', { id: a.mergedInto }).then((target) => live && setMergedName(target.name), notifyError)
    }, notifyError)
    return () => {
      live = false
    }
  }, [actorId])

  if (!actor) return <p className="hint">Opening…</p>
  const mergeTarget = all.find((a) => a.id === mergeInto)
  const save = async (work: Promise<Actor>) => {
    try {
      setActor(await trackSave(work))
      return true
    } catch (error) {
      notifyError(error)
      return false
    }
  }
  const update = (fields: Partial<Pick<Actor, 'name' | 'kind' | 'type' | 'country' | 'parentId' | 'notes' | 'externalIds'>>) => void save(api.call('actors.update', { id: actor.id, fields }))
  const parent = all.find((a) => a.id === actor.parentId)

  if (actor.mergedInto) {
    return (
      <div className="actor-details">
        <h1>{actor.name}</h1>
        <p>
          Merged into <a href={`#/actors/${actor.mergedInto}`}>{mergedName ?? 'another actor'}</a>; its mentions and names now belong there (the merge is in the change log).
        </p>
      </div>
    )
  }
  return (
    <div className="actor-details">
      <header className="actor-head">
        <h1>{actor.name}</h1>
        <span className={`actor-status ${actor.status}`}>{actor.status}</span>
        <span className="spacer" />
        {actor.status === 'provisional' ? (
          <button type="button" className="primary" onClick={() => void save(api.call('actors.update', { id: actor.id, fields: {}, status: 'approved' }))}>
            Approve
          </button>
        ) : (
          <button type="button" onClick={() => void save(api.call('actors.update', { id: actor.id, fields: {}, status: 'provisional' }))}>
            Back to provisional
          </button>
        )}
      </header>
      <div className="actor-fields">
        <label>
          Name
          <input key={actor.name} defaultValue={actor.name} onBlur={(e) => e.target.value.trim() !== actor.name && update({ name: e.target.value })} />
        </label>
        <label>
          Kind
          <select value={actor.kind} onChange={(e) => update({ kind: e.target.value as Actor['kind'] })}>
            {ACTOR_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_TEXT[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Type
          <input key={actor.type} defaultValue={actor.type} placeholder="e.g. rebel_group, state_forces" onBlur={(e) => e.target.value !== actor.type && update({ type: e.target.value })} />
        </label>
        <label>
          Country
          <input key={actor.country} defaultValue={actor.country} placeholder="ISO alpha-3, e.g. COL" maxLength={3} onBlur={(e) => e.target.value !== actor.country && update({ country: e.target.value.toUpperCase() })} />
        </label>
        <label>
          Parent
          <select value={actor.parentId ?? ''} onChange={(e) => update({ parentId: e.target.value || null })}>
            <option value="">—</option>
            {all.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label className="wide">
          External ids (one per line, like wikidata=Q123 or ucdp=456)
          <textarea
            key={JSON.stringify(actor.externalIds)}
            defaultValue={Object.entries(actor.externalIds).map(([k, v]) => `${k}=${v}`).join('\n')}
            onBlur={(e) => {
              const ids = Object.fromEntries(
                e.target.value
                  .split('\n')
                  .map((line) => line.split('='))
                  .filter((parts) => parts.length >= 2 && parts[0]!.trim() !== '')
                  .map(([k, ...v]) => [k!.trim(), v.join('=').trim()])
              )
              if (JSON.stringify(ids) !== JSON.stringify(actor.externalIds)) update({ externalIds: ids })
            }}
          />
        </label>
        <label className="wide">
          Notes
          <textarea key={actor.notes} defaultValue={actor.notes} onBlur={(e) => e.target.value !== actor.notes && update({ notes: e.target.value })} />
        </label>
      </div>
      {parent && <p className="meta">Part of {parent.name}.</p>}
      <ActorRelations actor={actor} others={all} save={save} />

      <h2>Names</h2>
      <table className="alias-table">
        <thead>
          <tr>
            <th>Alias</th>
            <th>Language</th>
            <th>Type</th>
            <th>Used by</th>
            <th>Valid</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {actor.aliases.map((a) => (
            <tr key={a.id}>
              <td>
                {a.alias} {a.ambiguous && <span className="ambiguous">ambiguous</span>}
              </td>
              <td>{a.language}</td>
              <td>{a.aliasType.replace(/_/g, ' ')}</td>
              <td>{a.designatedBy}</td>
              <td>{a.validFrom || a.validTo ? `${a.validFrom || '…'} – ${a.validTo || '…'}` : ''}</td>
              <td>
                <button type="button" className="icon" aria-label={`Remove alias ${a.alias}`} onClick={() => void save(api.call('actors.removeAlias', { aliasId: a.id }))}>
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="alias-add"
        onSubmit={(e) => {
          e.preventDefault()
          // a refusal shows beside the form, not in a notice over it: it often asks to tick "ambiguous" here
          trackSave(api.call('actors.addAlias', { actorId: actor.id, alias })).then(
            (updated) => {
              setActor(updated)
              setAliasError(null)
              setAlias({ ...alias, alias: '', designatedBy: '', validFrom: '', validTo: '', ambiguous: false })
            },
            (error: Error) => setAliasError(error.message)
          )
        }}
      >
        <input aria-label="New alias" placeholder="Another name" value={alias.alias} onChange={(e) => setAlias({ ...alias, alias: e.target.value })} />
        <input aria-label="Language" placeholder="es" size={4} value={alias.language} onChange={(e) => setAlias({ ...alias, language: e.target.value })} />
        <select aria-label="Alias type" value={alias.aliasType} onChange={(e) => setAlias({ ...alias, aliasType: e.target.value as AliasType })}>
          {ALIAS_TYPES.map((t) => (
            <option key={t} value={t}>
              {t.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
        <input aria-label="Used by" placeholder="used by (e.g. the group itself)" value={alias.designatedBy} onChange={(e) => setAlias({ ...alias, designatedBy: e.target.value })} />
        <input aria-label="Valid from" placeholder="from YYYY-MM-DD" size={11} value={alias.validFrom} onChange={(e) => setAlias({ ...alias, validFrom: e.target.value })} />
        <input aria-label="Valid to" placeholder="to YYYY-MM-DD" size={11} value={alias.validTo} onChange={(e) => setAlias({ ...alias, validTo: e.target.value })} />
        <label>
          <input type="checkbox" checked={alias.ambiguous} onChange={(e) => setAlias({ ...alias, ambiguous: e.target.checked })} /> ambiguous
        </label>
        <button type="submit" disabled={alias.alias.trim() === ''}>
          Add name
        </button>
      </form>
      {aliasError && (
        <p className="error" role="alert">
          {aliasError}
        </p>
      )}

      <h2>
        Mentions across the corpus <span className="count">{actor.mentionCount}</span>
      </h2>
      <ul className="mention-list">
        {mentions?.map((m) => (
          <li key={m.annotationId}>
            <a href={`#/article/${m.articleId}`}>{m.title}</a>
            <span className="snippet">
              {m.before}
              <mark>{m.quote}</mark>
              {m.after}
            </span>
          </li>
        ))}
        {mentions?.length === 0 && <li className="hint">No tag refers to this actor yet.</li>}
      </ul>

      <h2>Merge</h2>
      <div className="merge-row">
        <label>
          Merge {quoted(actor.name)} into
          <select value={mergeInto} onChange={(e) => (setMergeInto(e.target.value), setConfirmMerge(false))}>
            <option value="">choose an actor…</option>
            {all.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="danger" disabled={!mergeInto || confirmMerge} onClick={() => setConfirmMerge(true)}>
          Merge…
        </button>
      </div>
      {confirmMerge && mergeTarget && (
        // asked here, beside the choice it confirms, in the app's own words (not the browser's confirm box)
        <div className="merge-confirm" role="alertdialog" aria-label="Confirm the merge" onKeyDown={(e) => e.key === 'Escape' && setConfirmMerge(false)}>
          <p>
            Merge {quoted(actor.name)} into {quoted(mergeTarget.name)}? Its {plural(actor.mentionCount, 'mention')} and its names move over; a tombstone stays.
          </p>
          <button
            type="button"
            className="danger"
            autoFocus
            onClick={async () => {
              try {
                await trackSave(api.call('actors.merge', { from: actor.id, into: mergeTarget.id }))
                notify('info', `Merged ${quoted(actor.name)} into ${quoted(mergeTarget.name)}.`)
                setConfirmMerge(false)
                location.hash = `#/actors/${mergeTarget.id}`
              } catch (error) {
                notifyError(error)
              }
            }}
          >
            Merge into {quoted(mergeTarget.name)}
          </button>{' '}
          <button type="button" onClick={() => setConfirmMerge(false)}>
            Cancel
          </button>
        </div>
      )}
    </div>
  )
}
