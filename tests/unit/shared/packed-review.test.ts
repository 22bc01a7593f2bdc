import { expect, it } from 'vitest'
import type { Adjudication, ArticleReview } from '../../../src/shared/review/adjudication'
import { classifyDisagreements } from '../../../src/shared/review/classify-disagreements'
import { packReview, unpackReview } from '../../../src/shared/review/packed-review'
import type { ComparedTag } from '../../../src/shared/review/review-unit'

const TEXT = 'Gunmen of the Mobile Column attacked police officers in Neiva, Huila, killing seven.'
let n = 0
const tag = (annotatorId: string, label: string, words: string, extra: Partial<ComparedTag> = {}): ComparedTag => {
  const start = TEXT.indexOf(words)
  return { id: `${annotatorId}-${++n}`, annotatorId, label, fragments: [{ start, end: start + words.length }], attributes: {}, links: [], ...extra }
}
const decision = (id: string, candidates: string[]): Adjudication => ({
  id,
  articleId: 1,
  decision: 'accept',
  candidates: candidates.map((c) => ({ annotationId: c, annotatorId: 'x', annotatorName: 'X', label: 'Actor', fragments: [], attributes: {}, links: [] })),
  chosenId: candidates[0]!,
  goldId: null,
  goldExists: false,
  reason: 'why',
  guideline: '',
  decidedBy: 'r',
  decidedByName: 'Rita',
  decidedAt: '2026-01-01T00:00:00.000Z'
})

function review(): ArticleReview {
  const tags = [
    ...['ana', 'ben', 'cy'].map((who) => tag(who, 'Actor', 'Gunmen')),
    tag('ana', 'Actor', 'Mobile Column'),
    tag('ben', 'Actor', 'the Mobile Column'),
    tag('ana', 'Event', 'attacked', { attributes: { fatalities_low: 7 } }),
    tag('ben', 'Event', 'attacked', { attributes: { fatalities_low: 8 } }),
    tag('cy', 'Claim', 'attacked'),
    tag('ben', 'Place', 'Neiva, Huila'),
    tag('ana', 'Actor', 'police officers'),
    tag('cy', 'Actor', 'police officers')
  ]
  const compared = ['ben', 'ana', 'cy']
  const units = classifyDisagreements(tags, compared, { names: { ana: 'Ana', ben: 'Ben' } })
  // one decision about two units' tags, one about another
  const shared = decision('d1', [units[0]!.members['ana']!, units[1]!.members['ben']!])
  const other = decision('d2', [units[3]!.members['cy']!])
  const decided = [shared, shared, null, other]
  return {
    articleId: 1,
    layers: [],
    compared,
    blind: false,
    strandedGold: [],
    units: units.map((u, i) => ({ ...u, decision: decided[i] ?? null, settled: i === 3 }))
  }
}

it('packs a review in columns and unpacks the same review, every decision once', () => {
  const r = review()
  // agreeing and disagreeing units, and an id that is not the first compared layer's tag
  expect(r.units.some((u) => u.kinds.length > 1) && r.units.some((u) => u.kinds.length === 0)).toBe(true)
  expect(r.units.some((u) => u.members['ben'] !== null && u.id !== u.members['ben'])).toBe(true)
  const packed = packReview(r)
  expect(packed.decisions.map((d) => d.id)).toEqual(['d1', 'd2'])
  const wire = JSON.parse(JSON.stringify(packed)) as typeof packed
  expect(unpackReview(wire)).toEqual(r)
  expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(r).length)
})

it('refuses units out of number order, which the columns could not keep', () => {
  const r = review()
  expect(() => packReview({ ...r, units: [...r.units].reverse() })).toThrow('number order')
})
