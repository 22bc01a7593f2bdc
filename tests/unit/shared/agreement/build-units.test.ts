import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildUnits } from '../../../../src/shared/agreement/build-units'
import { matchSpans, type MatchSpan } from '../../../../src/shared/agreement/span-match'

const spans = (prefix: string) =>
  fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 15 }), fc.constantFrom('X', 'Y', 'Z')), { maxLength: 20 }).map((xs) =>
    xs.map(([start, len, label], i): MatchSpan => ({ id: `${prefix}${String(i).padStart(2, '0')}`, label, start, end: start + len }))
  )

describe('units of comparison', () => {
  it('with two coders, the units are exactly the one-to-one overlap matching (labels ignored) plus the unmatched spans', () => {
    fc.assert(
      fc.property(spans('a'), spans('b'), (a, b) => {
        const units = buildUnits([a, b])
        const m = matchSpans(a, b, { criterion: 'overlap', sameLabel: false })
        const paired = units.filter((u) => u.spans[0] && u.spans[1]).map((u) => `${u.spans[0]!.id}-${u.spans[1]!.id}`)
        expect(paired.sort()).toEqual(m.pairs.map((p) => `${p.a.id}-${p.b.id}`).sort())
        expect(units.length).toBe(m.pairs.length + m.unmatchedA.length + m.unmatchedB.length)
      })
    )
  })

  it('with three coders, every span is in exactly one unit and no unit holds two spans of one coder', () => {
    fc.assert(
      fc.property(spans('a'), spans('b'), spans('c'), (a, b, c) => {
        const units = buildUnits([a, b, c])
        const seen = units.flatMap((u) => u.spans.filter((s): s is MatchSpan => s !== null).map((s) => s.id))
        expect(seen.sort()).toEqual([...a, ...b, ...c].map((s) => s.id).sort())
        for (const u of units) {
          expect(u.spans).toHaveLength(3)
          expect(u.spans.some((s) => s !== null)).toBe(true)
        }
      })
    )
  })

  it('does not depend on the order the spans come in', () => {
    fc.assert(
      fc.property(spans('a'), spans('b'), spans('c'), (a, b, c) => {
        const key = (lists: MatchSpan[][]) =>
          buildUnits(lists)
            .map((u) => u.spans.map((s) => s?.id ?? '-').join(','))
            .sort()
        expect(key([[...a].reverse(), [...b].reverse(), [...c].reverse()])).toEqual(key([a, b, c]))
      })
    )
  })

  it('links the largest overlaps first: a chain A-B-C joins into one unit when no coder repeats', () => {
    const units = buildUnits([
      [{ id: 'a', label: 'X', start: 0, end: 10 }],
      [{ id: 'b', label: 'X', start: 2, end: 12 }],
      [{ id: 'c', label: 'Y', start: 9, end: 20 }]
    ])
    expect(units.map((u) => u.spans.map((s) => s?.id ?? null))).toEqual([['a', 'b', 'c']])
    expect(units[0]).toMatchObject({ start: 0, end: 20 })
  })

  it('refuses a link that would give one coder two spans in a unit', () => {
    // b overlaps a1 by 3 and a2 by 4: b joins a2; a1 stays alone
    const units = buildUnits([
      [{ id: 'a1', label: 'X', start: 0, end: 5 }, { id: 'a2', label: 'X', start: 6, end: 12 }],
      [{ id: 'b', label: 'X', start: 2, end: 10 }]
    ])
    expect(units.map((u) => u.spans.map((s) => s?.id ?? null))).toEqual([['a1', null], ['a2', 'b']])
  })
})
