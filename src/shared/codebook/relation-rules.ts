import type { Codebook, RelationDef } from './codebook-schema'
import { quoted } from '../text/quoted'

/** True when `label` is `ancestor` or descends from it through parent labels (a "Rebel group" tag is an Actor). */
export function labelIs(codebook: Codebook, label: string, ancestor: string): boolean {
  const seen = new Set<string>()
  for (let at: string | null = label; at !== null && !seen.has(at); at = codebook.labels.find((l) => l.name === at)?.parent ?? null) {
    if (at === ancestor) return true
    seen.add(at)
  }
  return false
}

/** The relation types a tag with this label may start. */
export function relationsFrom(codebook: Codebook, label: string): RelationDef[] {
  return codebook.relations.filter((r) => labelIs(codebook, label, r.from))
}

/** True when the codebook allows a link of this relation from a tag labelled `from` to one labelled `to`. */
export function canLink(codebook: Codebook, relation: RelationDef, from: string, to: string): boolean {
  return labelIs(codebook, from, relation.from) && relation.to.some((t) => labelIs(codebook, to, t))
}

/** Why a link is not allowed, or null when it is. */
export function linkProblem(codebook: Codebook, type: string, from: string, to: string): string | null {
  const relation = codebook.relations.find((r) => r.type === type)
  if (!relation) return `The codebook has no relation ${quoted(type)}; use one of: ${codebook.relations.map((r) => r.type).join(', ')}.`
  if (!labelIs(codebook, from, relation.from)) return `${relation.name} links start from ${relation.from} tags, not from ${from}.`
  if (!relation.to.some((t) => labelIs(codebook, to, t))) return `${relation.name} links go to ${relation.to.join(' or ')} tags, not to ${to}.`
  return null
}
