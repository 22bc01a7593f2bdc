import type { Codebook } from '../../../shared/codebook/codebook-schema'
import type { Actor, Annotation } from '../../../shared/domain'

/** The registry actor an id stands for today: a merged actor's tombstone leads to the actor it was merged into. */
export function resolveActor(actors: Map<string, Actor>, id: string): Actor | null {
  let actor = actors.get(id) ?? null
  const seen = new Set<string>()
  while (actor?.mergedInto && !seen.has(actor.id)) {
    seen.add(actor.id)
    const next = actors.get(actor.mergedInto)
    if (!next) break
    actor = next
  }
  return actor
}

/** The registry ids a tag's actor attributes hold (e.g. an Actor mention's `entity`), in codebook order. */
export function mentionActorIds(tag: Annotation, codebook: Codebook): string[] {
  const label = codebook.labels.find((l) => l.name === tag.label)
  const ids: string[] = []
  for (const def of label?.attributes ?? []) {
    if (def.type !== 'actor') continue
    const value = tag.attributes[def.key]
    for (const v of Array.isArray(value) ? value : [value]) if (typeof v === 'string' && v !== '') ids.push(v)
  }
  return ids
}
