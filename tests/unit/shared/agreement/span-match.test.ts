import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { matchSpans, overlapCandidates, prf, type MatchSpan } from '../../../../src/shared/agreement/span-match'

const span = (id: string, label: string, start: number, end: number): MatchSpan => ({ id, label, start, end })
const value = (r: { ok: boolean; value?: number }): number | string => (r.ok ? r.value! : 'n/a')

// A is the reference. Hand-worked:
//   a1 Actor [0,10)   b1 Actor [0,10)    identical
//   a2 Event [20,30)  b2 Event [22,30)   overlap 8, boundaries differ
//   a3 Actor [40,45)  b3 Claim [40,45)   identical boundaries, different label
//                     b4 Actor [50,55)   B only
const A = [span('a1', 'Actor', 0, 10), span('a2', 'Event', 20, 30), span('a3', 'Actor', 40, 45)]
const B = [span('b1', 'Actor', 0, 10), span('b2', 'Event', 22, 30), span('b3', 'Claim', 40, 45), span('b4', 'Actor', 50, 55)]

describe('span matching: exact vs overlap, label-sensitive or not', () => {
  it('exact, same label: only a1-b1 match -> P = 1/4, R = 1/3, F1 = 2/7', () => {
    const r = matchSpans(A, B, { criterion: 'exact' })
    expect(r.pairs.map((p) => [p.a.id, p.b.id])).toEqual([['a1', 'b1']])
    expect(value(r.precision)).toBeCloseTo(1 / 4, 10)
    expect(value(r.recall)).toBeCloseTo(1 / 3, 10)
    expect(value(r.f1)).toBeCloseTo(2 / 7, 10)
    expect(r.unmatchedA.map((s) => s.id)).toEqual(['a2', 'a3'])
    expect(r.unmatchedB.map((s) => s.id)).toEqual(['b2', 'b3', 'b4'])
  })

  it('exact, any label: a1-b1 and a3-b3 -> F1 = 4/7', () => {
    const r = matchSpans(A, B, { criterion: 'exact', sameLabel: false })
    expect(r.pairs.map((p) => [p.a.id, p.b.id])).toEqual([['a1', 'b1'], ['a3', 'b3']])
    expect(value(r.f1)).toBeCloseTo(4 / 7, 10)
  })

  it('overlap, same label: a1-b1 and a2-b2 -> P = 2/4, R = 2/3, F1 = 4/7', () => {
    const r = matchSpans(A, B, { criterion: 'overlap' })
    expect(r.pairs.map((p) => [p.a.id, p.b.id, p.overlap])).toEqual([['a1', 'b1', 10], ['a2', 'b2', 8]])
    expect(value(r.precision)).toBeCloseTo(0.5, 10)
    expect(value(r.recall)).toBeCloseTo(2 / 3, 10)
    expect(value(r.f1)).toBeCloseTo(4 / 7, 10)
  })

  it('overlap, any label: three pairs -> F1 = 6/7', () => {
    const r = matchSpans(A, B, { criterion: 'overlap', sameLabel: false })
    expect(r.pairs).toHaveLength(3)
    expect(value(r.f1)).toBeCloseTo(6 / 7, 10)
  })

  it('per-label P/R/F1 (always label-sensitive); a label only B used has precision 0 and undefined recall', () => {
    const r = matchSpans(A, B, { criterion: 'overlap', sameLabel: false })
    expect(Object.keys(r.perLabel)).toEqual(['Actor', 'Claim', 'Event'])
    const actor = r.perLabel.Actor!
    expect(actor).toMatchObject({ matched: 1, spansA: 2, spansB: 2 })
    expect(value(actor.precision)).toBe(0.5)
    expect(value(actor.recall)).toBe(0.5)
    expect(value(actor.f1)).toBe(0.5)
    expect(value(r.perLabel.Event!.f1)).toBe(1)
    const claim = r.perLabel.Claim!
    expect(value(claim.precision)).toBe(0)
    expect(claim.recall).toMatchObject({ ok: false, reason: 'no_spans' })
    expect(value(claim.f1)).toBe(0)
  })
})

describe('span matching: one-to-one greedy by largest overlap', () => {
  it('a span overlapping two candidates takes the one it shares most with', () => {
    const r = matchSpans([span('x', 'L', 0, 10)], [span('y', 'L', 0, 4), span('z', 'L', 3, 10)], { criterion: 'overlap' })
    expect(r.pairs.map((p) => p.b.id)).toEqual(['z'])
    expect(r.unmatchedB.map((s) => s.id)).toEqual(['y'])
    expect(value(r.f1)).toBeCloseTo(2 / 3, 10)
  })

  it('a long span is claimed once: the second reference span stays unmatched', () => {
    const r = matchSpans([span('p', 'L', 0, 6), span('q', 'L', 5, 12)], [span('r', 'L', 0, 12)], { criterion: 'overlap' })
    expect(r.pairs.map((p) => [p.a.id, p.b.id])).toEqual([['q', 'r']])
    expect(r.unmatchedA.map((s) => s.id)).toEqual(['p'])
  })

  it('ties are broken deterministically (earlier start in B), whatever the input order', () => {
    const a = [span('x', 'L', 2, 6)]
    const b1 = [span('y', 'L', 0, 4), span('z', 'L', 4, 8)]
    const b2 = [...b1].reverse()
    expect(matchSpans(a, b1, { criterion: 'overlap' }).pairs[0]!.b.id).toBe('y')
    expect(matchSpans(a, b2, { criterion: 'overlap' }).pairs[0]!.b.id).toBe('y')
  })

  it('with labels ignored, an equally overlapping partner with the same label is preferred', () => {
    const r = matchSpans([span('x', 'Actor', 2, 6)], [span('y', 'Event', 0, 4), span('z', 'Actor', 4, 8)], { criterion: 'overlap', sameLabel: false })
    expect(r.pairs[0]!.b.id).toBe('z')
  })

  it('touching spans ([0,5) and [5,9)) do not overlap', () => {
    const r = matchSpans([span('a', 'L', 0, 5)], [span('b', 'L', 5, 9)], { criterion: 'overlap' })
    expect(r.pairs).toEqual([])
    expect(value(r.f1)).toBe(0)
  })

  it('duplicate identical spans are matched one to one under exact matching', () => {
    const r = matchSpans([span('a1', 'L', 0, 5), span('a2', 'L', 0, 5)], [span('b1', 'L', 0, 5)], { criterion: 'exact' })
    expect(r.pairs).toHaveLength(1)
    expect(r.unmatchedA).toHaveLength(1)
  })

  it('the sort-and-sweep finds exactly the overlapping pairs a quadratic scan finds', () => {
    const spans = (prefix: string) =>
      fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 15 }), fc.constantFrom('X', 'Y')), { maxLength: 25 }).map((xs) =>
        xs.map(([start, len, label], i) => span(`${prefix}${i}`, label, start, start + len))
      )
    fc.assert(
      fc.property(spans('a'), spans('b'), fc.boolean(), (a, b, sameLabel) => {
        const found = overlapCandidates(a, b, sameLabel).map((p) => `${p.a.id}-${p.b.id}:${p.overlap}`).sort()
        const expected: string[] = []
        for (const x of a)
          for (const y of b) {
            const overlap = Math.min(x.end, y.end) - Math.max(x.start, y.start)
            if (overlap > 0 && (!sameLabel || x.label === y.label)) expected.push(`${x.id}-${y.id}:${overlap}`)
          }
        expect(found).toEqual(expected.sort())
        const r = matchSpans(a, b, { criterion: 'overlap', sameLabel })
        expect(new Set(r.pairs.map((p) => p.a.id)).size).toBe(r.pairs.length)
        expect(new Set(r.pairs.map((p) => p.b.id)).size).toBe(r.pairs.length)
        expect(r.pairs.length + r.unmatchedA.length).toBe(a.length)
        expect(r.pairs.length + r.unmatchedB.length).toBe(b.length)
      })
    )
  })
})

describe('precision / recall / F1: insufficient data', () => {
  it('no spans on either side: all three not computable, never NaN', () => {
    const r = matchSpans([], [], { criterion: 'overlap' })
    expect(r.precision).toMatchObject({ ok: false, reason: 'no_spans' })
    expect(r.recall).toMatchObject({ ok: false, reason: 'no_spans' })
    expect(r.f1).toMatchObject({ ok: false, reason: 'no_spans' })
  })

  it('one side empty: F1 = 0, and only the ratio with an empty denominator is undefined', () => {
    const r = prf(0, 3, 0)
    expect(r.precision.ok).toBe(false)
    expect(value(r.recall)).toBe(0)
    expect(value(r.f1)).toBe(0)
  })
})
