import { useEffect, useRef, useState } from 'react'
import type { AttributeDef } from '@shared/codebook/codebook-schema'
import type { Actor, ActorSuggestion, Annotation } from '@shared/domain'
import { api } from '../../api/client'
import { listboxKeys } from '../../components/listboxKeys'
import { notifyError } from '../../state/notices'
import { useArticle } from './articleContext'
import { quoted } from '@shared/text/quoted'
import { useMayEdit } from '../../me'

interface Props {
  def: AttributeDef
  tag: Annotation
  missing: boolean
  onChange: (patch: Record<string, unknown>) => Promise<boolean>
}

/**
 * A reference to a canonical actor: the linked actor, or registry suggestions for the mention's words
 * (accents and case ignored) that the coder confirms one by one; a new name can become a provisional actor.
 */
export function ActorField({ def, tag, missing, onChange }: Props) {
  const { article } = useArticle()
  const id = `attr-${def.key}`
  const linked = [tag.attributes[def.key]].flat().filter((v): v is string => typeof v === 'string')
  const surface = tag.fragments.map((f) => f.quote).join(' ')
  const [actors, setActors] = useState<Actor[]>([])
  const [query, setQuery] = useState(surface)
  const [suggestions, setSuggestions] = useState<ActorSuggestion[] | null>(null)
  const [active, setActive] = useState(0)
  // a colleague's tag is read-only: its linked actors show, but nothing is offered to pick
  const picking = useMayEdit(tag) && (def.many || linked.length === 0)
  // confirming or unlinking removes the element that had focus: focus goes on to what replaces it, so the keyboard flow goes on
  const focusNext = useRef<'linked' | 'input' | null>(null)
  const linkedRef = useRef<HTMLUListElement | null>(null)
  useEffect(() => {
    if (focusNext.current === 'linked' && !picking && linkedRef.current) linkedRef.current.focus()
    else if (focusNext.current === 'input' && picking) document.getElementById(id)?.focus()
    else return
    focusNext.current = null
  }, [actors, picking, id])

  useEffect(() => {
    let live = true
    Promise.all(linked.map((a) => api.call('actors.get', { id: a }))).then((list) => live && setActors(list), notifyError)
    return () => {
      live = false
    }
  }, [linked.join(',')])
  useEffect(() => {
    if (!picking) return
    let live = true
    // a short pause so typing a name does not query the registry on every keystroke
    const timer = setTimeout(() => {
      api.call('actors.suggest', { text: query, date: /^\d{4}-\d{2}-\d{2}/.test(article.published) ? article.published.slice(0, 10) : '' }).then((s) => {
        if (!live) return
        setSuggestions(s.filter((x) => !linked.includes(x.actor.id)))
        setActive(0)
      }, notifyError)
    }, 120)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [query, picking, linked.join(',')])

  const confirm = (actorId: string) => {
    if (!def.many) focusNext.current = 'linked'
    void onChange({ [def.key]: def.many ? [...linked, actorId] : actorId })
  }
  const unlink = (actorId: string) => {
    focusNext.current = def.many && linked.length > 1 ? null : 'input'
    void onChange({ [def.key]: def.many ? linked.filter((x) => x !== actorId) : null })
  }
  const createActor = async () => {
    try {
      const actor = await api.call('actors.create', { fields: { name: query.trim() }, aliases: [{ alias: query.trim(), language: article.language }] })
      confirm(actor.id)
    } catch (error) {
      notifyError(error)
    }
  }
  const options = suggestions ?? []
  const exact = options.some((s) => s.match === 'exact')
  // the new actor is the list's last option, so arrows and Enter reach it like any suggestion
  const canCreate = query.trim() !== '' && !exact
  const count = options.length + (canCreate ? 1 : 0)

  return (
    <div className="field actor-field">
      <label htmlFor={id} title={def.description || undefined}>
        {def.name}
        {def.required && <span className={missing ? 'required missing' : 'required'}>{missing ? ' required' : ' *'}</span>}
      </label>
      {actors.length > 0 && (
        <ul className="linked-actors" aria-label={`${def.name}: linked`} ref={linkedRef} tabIndex={-1}>
          {actors.map((a) => (
            <li key={a.id}>
              <a href={`#/actors/${a.id}`} className="actor-name">
                {a.name}
              </a>
              <span className={`actor-status ${a.status}`}>{a.status}</span>
              <button type="button" className="icon" aria-label={`Unlink ${a.name}`} onClick={() => unlink(a.id)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {picking && (
        <div className="actor-pick">
          <input
            id={id}
            type="search"
            role="combobox"
            aria-expanded={options.length > 0}
            aria-controls={`${id}-options`}
            aria-activedescendant={active < count ? `${id}-opt-${active}` : undefined}
            value={query}
            placeholder="Find an actor by any of its names"
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => listboxKeys(e, count, active, setActive, (i) => (i < options.length ? confirm(options[i]!.actor.id) : void createActor())) && e.preventDefault()}
          />
          <ul id={`${id}-options`} role="listbox" className="actor-options" aria-label={`${def.name}: suggestions`}>
            {options.map((s, i) => (
              <li
                key={s.actor.id}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : ''}
                onMouseDown={(e) => {
                  e.preventDefault()
                  confirm(s.actor.id)
                }}
              >
                <span className="actor-name">{s.actor.name}</span>
                <span className="actor-alias">
                  as {quoted(s.alias)}{s.match === 'partial' ? ' (partial)' : ''}
                </span>
                {s.ambiguous && <span className="ambiguous" title="This name is used for more than one actor: check the context">ambiguous</span>}
                {s.actor.status === 'provisional' && <span className="actor-status provisional">provisional</span>}
              </li>
            ))}
            {suggestions !== null && options.length === 0 && <li className="hint">No actor in the registry goes by {quoted(query)}.</li>}
            {canCreate && (
              <li
                id={`${id}-opt-${options.length}`}
                role="option"
                aria-selected={active === options.length}
                className={`new-actor${active === options.length ? ' active' : ''}`}
                onMouseDown={(e) => {
                  e.preventDefault()
                  void createActor()
                }}
              >
                + New provisional actor {quoted(query.trim())}
              </li>
            )}
          </ul>
        </div>
      )}
    </div>
  )
}
