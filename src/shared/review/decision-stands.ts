import type { Adjudication, AdjudicationCandidate } from './adjudication'
import type { ComparedTag, ReviewUnit } from './review-unit'
import { sameAttributes } from './same-attributes'

/**
 * Whether a unit's decision still settles it: its outcome is in place (the gold tag exists, or the rejected
 * versions are still rejected, so an undone rejection reopens the unit) and the versions are as they were decided
 * (a colleague's newer pack that changed, removed or added a version reopens it).
 */
export function decisionStands(
  decision: Adjudication,
  unit: Pick<ReviewUnit, 'members'>,
  tags: ReadonlyMap<string, ComparedTag>,
  rejected: ReadonlySet<string>,
  compared: readonly string[]
): boolean {
  const decided = new Set(decision.candidates.map((c) => c.annotationId))
  for (const id of Object.values(unit.members)) if (id !== null && !decided.has(id)) return false
  for (const c of decision.candidates) {
    const now = tags.get(c.annotationId)
    // a version of a layer not compared now cannot be checked; one of a compared layer that is gone was removed
    if (!now) {
      if (compared.includes(c.annotatorId)) return false
      continue
    }
    if (!sameVersion(c, now)) return false
  }
  if (decision.decision === 'reject') return decision.candidates.every((c) => !tags.has(c.annotationId) || rejected.has(c.annotationId))
  return decision.goldExists
}

/** The version now is the one decided on: label, fragments, attributes and links. */
function sameVersion(then: AdjudicationCandidate, now: ComparedTag): boolean {
  if (then.label !== now.label || then.fragments.length !== now.fragments.length) return false
  if (then.fragments.some((f, i) => f.start !== now.fragments[i]!.start || f.end !== now.fragments[i]!.end)) return false
  if (!sameAttributes(then.attributes, now.attributes)) return false
  const links = (l: { type: string; to: string }[]) => l.map((x) => `${x.type}\u0000${x.to}`).sort().join('\u0001')
  return links(then.links) === links(now.links)
}
