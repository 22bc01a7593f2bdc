import type { Adjudication, ArticleReview, ReviewedUnit } from './adjudication'
import { DISAGREEMENT_KINDS, type DisagreementKind } from './review-unit'

/**
 * An article's review as it crosses to the page: the units in columns, each decision once. Units as objects
 * repeat every layer id and field name; 2,000 of them come to 650 KB of JSON, which the page waits on before
 * its first frame. In columns they take a third of that.
 */
export interface PackedReview extends Omit<ArticleReview, 'units'> {
  /** The decisions the units refer to, each once. */
  decisions: Adjudication[]
  /** Column i is about unit i, whose number is i + 1. */
  units: {
    /** Per compared layer, in `compared` order: each unit's tag in that layer, or null. */
    members: (string | null)[][]
    /** The compared layer whose tag gives the unit its id. */
    idLayer: number[]
    start: number[]
    end: number[]
    /** Bit k set: the unit has DISAGREEMENT_KINDS[k]. */
    kinds: number[]
    /** [unit index, details] for the units that have any. */
    details: [number, string[]][]
    /** Index into decisions, or -1. */
    decision: number[]
    settled: boolean[]
  }
}

// plain loops below: each runs once per opened review, mostly before the JIT has optimised it, where callbacks cost most
export function packReview(review: ArticleReview): PackedReview {
  const { units, ...rest } = review
  const { compared } = review
  const decisions: Adjudication[] = []
  const decisionIndex = new Map<Adjudication, number>()
  const packed: PackedReview['units'] = { members: [], idLayer: [], start: [], end: [], kinds: [], details: [], decision: [], settled: [] }
  for (let l = 0; l < compared.length; l++) packed.members.push([])
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!
    if (u.number !== i + 1) throw new Error(`packReview: unit ${u.number} is at place ${i + 1}; units must come in number order`)
    let idLayer = -1
    for (let l = 0; l < compared.length; l++) {
      const member = u.members[compared[l]!] ?? null
      packed.members[l]!.push(member)
      if (idLayer < 0 && member === u.id) idLayer = l
    }
    if (idLayer < 0) throw new Error(`packReview: unit ${u.number}'s id is not one of its tags`)
    packed.idLayer.push(idLayer)
    packed.start.push(u.start)
    packed.end.push(u.end)
    let bits = 0
    for (const k of u.kinds) bits |= 1 << DISAGREEMENT_KINDS.indexOf(k)
    packed.kinds.push(bits)
    if (u.details.length) packed.details.push([i, u.details])
    let d = -1
    if (u.decision) {
      d = decisionIndex.get(u.decision) ?? decisions.length
      if (d === decisions.length) {
        decisions.push(u.decision)
        decisionIndex.set(u.decision, d)
      }
    }
    packed.decision.push(d)
    packed.settled.push(u.settled)
  }
  return { ...rest, decisions, units: packed }
}

export function unpackReview(packed: PackedReview): ArticleReview {
  const { decisions, units: c, ...rest } = packed
  const { compared } = packed
  const details = new Map(c.details)
  const units: ReviewedUnit[] = new Array(c.start.length)
  for (let i = 0; i < units.length; i++) {
    const members: Record<string, string | null> = {}
    for (let l = 0; l < compared.length; l++) members[compared[l]!] = c.members[l]![i]!
    const bits = c.kinds[i]!
    const kinds: DisagreementKind[] = []
    for (let k = 0; bits >> k; k++) if (bits & (1 << k)) kinds.push(DISAGREEMENT_KINDS[k]!)
    units[i] = {
      id: c.members[c.idLayer[i]!]![i]!,
      number: i + 1,
      start: c.start[i]!,
      end: c.end[i]!,
      members,
      kinds,
      details: details.get(i) ?? [],
      decision: c.decision[i]! >= 0 ? decisions[c.decision[i]!]! : null,
      settled: c.settled[i]!
    }
  }
  return { ...rest, units }
}
