import { useState } from 'react'
import { EDITABLE_ACTOR_RELATIONS, type Actor } from '@shared/domain'
import { api } from '../../api/client'

type EditableRelation = (typeof EDITABLE_ACTOR_RELATIONS)[number]
const text = (type: string) => type.replace(/_/g, ' ')

/**
 * An actor's relations to other actors (splinter of, successor of, faction of, allied with, renamed to), both the
 * ones it records and the ones others record about it, with a form to add one and × to remove one.
 */
export function ActorRelations({ actor, others, save }: { actor: Actor; others: Actor[]; save: (work: Promise<Actor>) => Promise<boolean> }) {
  const [draft, setDraft] = useState<{ type: EditableRelation; to: string; date: string }>({ type: 'faction_of', to: '', date: '' })
  const nameOf = (id: string) => others.find((a) => a.id === id)?.name ?? id
  const incoming = others.flatMap((a) => a.relations.filter((r) => r.to === actor.id && r.type !== 'merged_into').map((r) => ({ ...r, from: a })))
  return (
    <section className="actor-relations" aria-label="Relations to other actors">
      <h2>Relations</h2>
      {actor.relations.length + incoming.length === 0 && <p className="hint">No relation recorded yet.</p>}
      <ul className="relation-list">
        {actor.relations.map((r) => (
          <li key={`${r.type}:${r.to}`}>
            {text(r.type)} <a href={`#/actors/${r.to}`}>{nameOf(r.to)}</a>
            {r.date && <span className="meta"> since {r.date}</span>}
            {r.type !== 'merged_into' && (
              <button type="button" className="icon" aria-label={`Remove ${text(r.type)} ${nameOf(r.to)}`} onClick={() => void save(api.call('actors.removeRelation', { actorId: actor.id, type: r.type as EditableRelation, to: r.to }))}>
                ×
              </button>
            )}
          </li>
        ))}
        {incoming.map((r) => (
          <li key={`in:${r.type}:${r.from.id}`} className="incoming">
            <a href={`#/actors/${r.from.id}`}>{r.from.name}</a> is {text(r.type)} this actor{r.date && <span className="meta"> since {r.date}</span>}
          </li>
        ))}
      </ul>
      <form
        className="relation-add"
        onSubmit={(e) => {
          e.preventDefault()
          void save(api.call('actors.addRelation', { actorId: actor.id, relation: draft })).then((ok) => ok && setDraft({ ...draft, to: '', date: '' }))
        }}
      >
        <select aria-label="Relation" value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value as EditableRelation })}>
          {EDITABLE_ACTOR_RELATIONS.map((t) => (
            <option key={t} value={t}>
              {text(t)}
            </option>
          ))}
        </select>
        <select aria-label="Related actor" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })}>
          <option value="">— choose an actor —</option>
          {others.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <input aria-label="Since" placeholder="since YYYY[-MM[-DD]]" size={20} value={draft.date} onChange={(e) => setDraft({ ...draft, date: e.target.value })} />
        <button type="submit" disabled={draft.to === ''}>
          Add relation
        </button>
      </form>
    </section>
  )
}
