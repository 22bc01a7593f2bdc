import { useEffect, useState } from 'react'
import type { Actor } from '@shared/domain'
import { api } from '../../api/client'
import { notifyError } from '../../state/notices'
import { ActorDetails } from './ActorDetails'
import { quoted } from '@shared/text/quoted'

/** The actor registry: search canonical actors by any name, open one to edit it, approve it, merge it or see its mentions. */
export function ActorsView({ actorId, refreshKey }: { actorId: string | null; refreshKey: number }) {
  const [query, setQuery] = useState('')
  const [actors, setActors] = useState<Actor[] | null>(null)
  const [creating, setCreating] = useState(false)

  useEffect(() => {
    let live = true
    const timer = setTimeout(() => api.call('actors.list', { query, limit: 500 }).then((list) => live && setActors(list), notifyError), 100)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [query, refreshKey])

  const createActor = async () => {
    try {
      const actor = await api.call('actors.create', { fields: { name: query.trim() } })
      location.hash = `#/actors/${actor.id}`
      setCreating(false)
    } catch (error) {
      notifyError(error)
    }
  }

  return (
    <div className="actors-view">
      <aside className="actor-list-pane" aria-label="Actors">
        <div className="actor-search">
          <a href="#/" className="button">
            ← Corpus
          </a>
          <input type="search" aria-label="Find actors" placeholder="Find by any name" title="Accents, case and punctuation are ignored" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        <ul className="actor-list">
          {actors?.map((a) => (
            <li key={a.id}>
              <a href={`#/actors/${a.id}`} className={a.id === actorId ? 'selected' : ''} aria-current={a.id === actorId ? 'page' : undefined}>
                <span className="actor-name">{a.name}</span>
                <span className={`actor-status ${a.status}`}>{a.status}</span>
                <span className="count" title="Tags that refer to this actor">
                  {a.mentionCount}
                </span>
              </a>
            </li>
          ))}
          {actors?.length === 0 && <li className="hint">No actor goes by {quoted(query)}.</li>}
        </ul>
        {query.trim() !== '' && !creating && (
          <button type="button" onClick={() => setCreating(true)}>
            New actor {quoted(query.trim())}…
          </button>
        )}
        {creating && (
          <div className="confirm">
            Create a provisional actor named {quoted(query.trim())}?{' '}
            <button type="button" className="primary" onClick={() => void createActor()}>
              Create
            </button>{' '}
            <button type="button" onClick={() => setCreating(false)}>
              Cancel
            </button>
          </div>
        )}
      </aside>
      <section className="actor-detail-pane">
        {actorId ? <ActorDetails key={`${actorId}:${refreshKey}`} actorId={actorId} /> : <p className="hint">Choose an actor to see its names, its mentions across the corpus, and to approve or merge it.</p>}
      </section>
    </div>
  )
}
