import { useMemo, useState } from 'react'
import { canLink, relationsFrom } from '@shared/codebook/relation-rules'
import type { Annotation } from '@shared/domain'
import { matchKey } from '@shared/text/fold-text'
import { api } from '../../api/client'
import { listboxKeys } from '../../components/listboxKeys'
import { VIEWER_ID } from '../../editor/ArticleViewer'
import { labelColor, useCodebook } from '../../labels'
import { useStore } from '../../state/createStore'
import { useArticle } from './articleContext'
import { mayEditNow } from '../../me'
import { quoted } from '@shared/text/quoted'

/** The input that starts a link; the article view focuses it when the coder presses L. */
export const LINK_INPUT_ID = 'link-search'
const SHOWN = 30

interface Candidate {
  type: string
  name: string
  target: Annotation
  distance: number
  /** Folded relation name and target text, for filtering as the coder types. */
  haystack: string
}

const quoteOf = (a: Annotation) => a.fragments.map((f) => f.quote).join(' … ')
// tags keep their object identity until they change, so each one's folded text is worked out once
const folded = new WeakMap<Annotation, string>()
const foldedOf = (a: Annotation) => {
  let text = folded.get(a)
  if (text === undefined) folded.set(a, (text = matchKey(`${a.label} ${quoteOf(a)}`)))
  return text
}
const short = (s: string) => (s.length > 48 ? `${s.slice(0, 47)}…` : s)

/**
 * The selected tag's links: outgoing and incoming, each a button that jumps to the other tag, and a filter box
 * offering only the links the codebook allows, nearest tags first (L, type a few letters, Enter).
 */
export function TagLinks({ tag, readOnly }: { tag: Annotation; readOnly: boolean }) {
  const codebook = useCodebook()
  const { state, run, select } = useArticle()
  const { annotations } = useStore(state)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const [open, setOpen] = useState(false)
  const relationName = (type: string) => codebook?.relations.find((r) => r.type === type)?.name ?? type
  const outgoing = tag.links.map((l) => ({ ...l, target: annotations.get(l.to) })).filter((l): l is typeof l & { target: Annotation } => !!l.target)
  // recomputed after every edit: one pass with no arrays made per tag, since most of 2,000 tags link nowhere
  const incoming = useMemo(() => {
    const found: { type: string; source: Annotation }[] = []
    for (const a of annotations.values()) for (const l of a.links) if (l.to === tag.id) found.push({ type: l.type, source: a })
    return found
  }, [annotations, tag.id])
  const canStart = !readOnly && !!codebook && relationsFrom(codebook, tag.label).length > 0
  // the full list of possible links is only worked out while the link box is open: with 2,000 tags it is not free
  const candidates = useMemo(() => {
    if (!codebook || !open) return []
    const relations = relationsFrom(codebook, tag.label)
    const at = tag.fragments[0]!.start
    // which labels each relation may point to, worked out once rather than per tag
    const targets = new Map<string, typeof relations>()
    const relationsTo = (label: string) => {
      let list = targets.get(label)
      if (!list) targets.set(label, (list = relations.filter((r) => canLink(codebook, r, tag.label, label))))
      return list
    }
    const relationKeys = new Map(relations.map((r) => [r.type, matchKey(`${r.name} ${r.type}`)]))
    const list: Candidate[] = []
    for (const target of annotations.values()) {
      // links join tags of one layer: mine to mine, gold to gold
      if (target.id === tag.id || target.annotatorId !== tag.annotatorId) continue
      const usable = relationsTo(target.label)
      if (usable.length === 0) continue
      const quote = foldedOf(target)
      for (const r of usable) {
        if (tag.links.some((l) => l.type === r.type && l.to === target.id)) continue
        list.push({ type: r.type, name: r.name, target, distance: Math.abs(target.fragments[0]!.start - at), haystack: `${relationKeys.get(r.type)} ${quote}` })
      }
    }
    return list.sort((a, b) => a.distance - b.distance)
  }, [codebook, annotations, tag, open])
  const filtered = useMemo(() => {
    const words = matchKey(query).split(' ').filter(Boolean)
    return words.length === 0 ? candidates : candidates.filter((c) => words.every((w) => c.haystack.includes(w)))
  }, [candidates, query])
  const shown = filtered.slice(0, SHOWN)
  const chosen = shown[Math.min(active, shown.length - 1)]

  // the box is cleared at once, not after the save, so what the coder types next is never wiped; the list closes
  // until they type or press an arrow key, so the save is not followed by re-ranking 2,000 tags nobody is looking at
  const link = (c: Candidate) => {
    setQuery('')
    setActive(0)
    setOpen(false)
    void run(api.call('annotations.link', { from: tag.id, type: c.type, to: c.target.id }))
  }
  const unlink = (type: string, from: string, to: string) => void run(api.call('annotations.unlink', { from, type, to }))

  if (!codebook || (!canStart && outgoing.length === 0 && incoming.length === 0)) return null
  return (
    <section className="tag-links" aria-label="Links">
      <h3>Links</h3>
      {outgoing.length + incoming.length > 0 && (
        <ul className="link-list">
          {outgoing.map((l) => (
            <li key={`${l.type}:${l.to}`}>
              <span className="link-type">{relationName(l.type)} →</span>
              <button type="button" className="link-target" onClick={() => select(l.to, true)} title="Go to the linked tag">
                <span className="swatch" style={{ background: labelColor(l.target.label) }} />
                {short(quoteOf(l.target))}
              </button>
              {!readOnly && (
                <button type="button" className="icon" aria-label={`Remove link ${relationName(l.type)} to ${quoteOf(l.target)}`} onClick={() => unlink(l.type, tag.id, l.to)}>
                  ×
                </button>
              )}
            </li>
          ))}
          {incoming.map((l) => (
            <li key={`in:${l.type}:${l.source.id}`} className="incoming">
              <span className="link-type">← {relationName(l.type)} of</span>
              <button type="button" className="link-target" onClick={() => select(l.source.id, true)} title="Go to the linking tag">
                <span className="swatch" style={{ background: labelColor(l.source.label) }} />
                {short(quoteOf(l.source))}
              </button>
              {mayEditNow(l.source) && (
                <button type="button" className="icon" aria-label={`Remove link ${relationName(l.type)} from ${quoteOf(l.source)}`} onClick={() => unlink(l.type, l.source.id, tag.id)}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canStart && (
        <div className="link-add">
          <input
            id={LINK_INPUT_ID}
            data-tag={tag.id}
            type="search"
            role="combobox"
            aria-label="Link to"
            aria-expanded={open}
            aria-controls="link-options"
            aria-activedescendant={chosen ? `link-opt-${shown.indexOf(chosen)}` : undefined}
            placeholder="Link to… (L, then type, Enter)"
            value={query}
            onFocus={() => setOpen(true)}
            onClick={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onChange={(e) => {
              setQuery(e.target.value)
              setActive(0)
              setOpen(true)
            }}
            onKeyDown={(e) => {
              if (!open && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) setOpen(true)
              else if (e.key === 'Escape') {
                setQuery('')
                // back to the text, where ] [ and Shift+arrows carry on
                document.getElementById(VIEWER_ID)?.focus({ preventScroll: true })
              } else if (!listboxKeys(e, shown.length, shown.indexOf(chosen!), setActive, (i) => link(shown[i]!))) return
              e.preventDefault()
            }}
          />
          {open && (
            <ul id="link-options" role="listbox" className="link-options" aria-label="Links you can make">
              {shown.length === 0 && <li className="hint">No allowed link matches {quoted(query)}.</li>}
              {filtered.length > shown.length && <li className="hint">{filtered.length - shown.length} more: type to narrow.</li>}
              {shown.map((c, i) => (
                <li
                  key={`${c.type}:${c.target.id}`}
                  id={`link-opt-${i}`}
                  role="option"
                  aria-selected={c === chosen}
                  className={c === chosen ? 'active' : ''}
                  onMouseDown={(e) => {
                    e.preventDefault()
                    link(c)
                  }}
                >
                  <span className="link-type">{c.name} →</span> <span className="swatch" style={{ background: labelColor(c.target.label) }} />
                  {short(quoteOf(c.target))}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  )
}
