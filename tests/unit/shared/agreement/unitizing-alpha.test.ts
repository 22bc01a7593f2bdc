import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  unitizingAlpha,
  unitizingAlphaCombined,
  unitizingDisagreement,
  unitizingDisagreements,
  type UnitizedSpan,
  type UnitizingInput
} from '../../../../src/shared/agreement/unitizing-alpha'

/** Builds a span from Krippendorff's (begin, length) notation, shifted so the continuum starts at 0. */
const unit = (label: string, begin: number, length: number, origin = 0): UnitizedSpan => ({ label, start: begin - origin, end: begin - origin + length })

// Krippendorff (2004), "Measuring the reliability of qualitative text analysis data", Quality & Quantity 38,
// 787-800 (also Content Analysis, 2nd ed., 2004, p. 254): continuum 150..450, observers i and j, categories
// c and k. Published: cD_o = .0144, cD_e = .0532, kD_o = 0, kD_e = .0490, c-alpha ~ .729, k-alpha = 1.
// The data are as transcribed in DKPro Statistics' unitizing Krippendorff2004Test, which asserts the unrounded
// c-alpha = .7286 and the combined u-alpha = .8591.
const K2004: UnitizingInput = {
  length: 300,
  coders: [
    [unit('c', 225, 70, 150), unit('c', 370, 30, 150), unit('k', 180, 60, 150), unit('k', 300, 50, 150)],
    [unit('c', 220, 80, 150), unit('c', 355, 20, 150), unit('c', 400, 20, 150), unit('k', 180, 60, 150), unit('k', 300, 50, 150)]
  ]
}

// Krippendorff (1995), "On the reliability of unitizing continuous data", Sociological Methodology 25, 47-76,
// p. 57: four pairs of observers on a 24-position continuum (as transcribed in DKPro's Krippendorff1995Test).
function k1995(stretch: number): UnitizingInput {
  const s = (label: string, coder: number, begin: number, length: number) => ({ coder, span: unit(label, Math.floor(begin * stretch), Math.floor(length * stretch)) })
  const all = [
    s('A', 0, 2, 8), s('A', 0, 14, 6), s('A', 1, 4, 4), s('A', 1, 15, 2),
    s('B', 0, 0, 18), s('B', 1, 0, 2), s('B', 1, 2, 1), s('B', 1, 3, 1), s('B', 1, 4, 1), s('B', 1, 5, 1), s('B', 1, 6, 3), s('B', 1, 9, 1),
    s('C', 0, 2, 6), s('C', 0, 10, 2), s('C', 0, 14, 4), s('C', 0, 20, 2), s('C', 1, 0, 2), s('C', 1, 4, 4), s('C', 1, 10, 4), s('C', 1, 16, 2), s('C', 1, 20, 2),
    s('D', 0, 0, 2), s('D', 0, 2, 8), s('D', 0, 10, 4), s('D', 0, 14, 6), s('D', 0, 20, 4), s('D', 1, 0, 4), s('D', 1, 4, 4), s('D', 1, 8, 7), s('D', 1, 15, 2), s('D', 1, 17, 7)
  ]
  return { length: Math.floor(24 * stretch), coders: [0, 1].map((c) => all.filter((x) => x.coder === c).map((x) => x.span)) }
}

describe("Krippendorff's unitizing alpha: published worked examples", () => {
  it('reproduces Krippendorff (2004), category c: D_o = .0144, D_e = .0532, alpha = .7286', () => {
    const r = unitizingAlpha(K2004, 'c')
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.observedDisagreement).toBeCloseTo(0.0144, 4)
    expect(r.expectedDisagreement).toBeCloseTo(0.0532, 4)
    expect(r.value).toBeCloseTo(0.7286, 3)
  })

  it('reproduces Krippendorff (2004), category k: D_o = 0, D_e = .0490, alpha = 1', () => {
    const r = unitizingAlpha(K2004, 'k')
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.observedDisagreement).toBe(0)
    expect(r.expectedDisagreement).toBeCloseTo(0.049, 4)
    expect(r.value).toBe(1)
  })

  it('reproduces Krippendorff (2004), both categories combined: u-alpha = 1 - sum D_o / sum D_e = .8591', () => {
    const r = unitizingAlphaCombined(K2004)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.labels).toEqual(['c', 'k'])
    expect(r.value).toBeCloseTo(0.8591, 3)
  })

  it('reproduces the observed disagreements of Krippendorff (1995), examples A-D: .03125, 2.26736, .02777, .38715', () => {
    const input = k1995(1)
    const Do = (label: string) => {
      const r = unitizingAlpha(input, label)
      return r.ok ? r.observedDisagreement : NaN
    }
    expect(Do('A')).toBeCloseTo(0.03125, 4)
    expect(Do('B')).toBeCloseTo(2.26736, 4)
    expect(Do('C')).toBeCloseTo(0.02777, 4)
    expect(Do('D')).toBeCloseTo(0.38715, 4)
  })

  it('approaches the alphas published in Krippendorff (1995) (.553, -.926, .679, .066) on a finely divided continuum (within .02)', () => {
    // the 1995 expected-disagreement expression was later corrected (2004); on a continuum of many positions
    // the two agree to about two decimals, which is the tolerance DKPro Statistics also uses
    const input = k1995(1_200_000 / 24)
    const alpha = (label: string) => {
      const r = unitizingAlpha(input, label)
      return r.ok ? r.value : NaN
    }
    expect(Math.abs(alpha('A') - 0.553)).toBeLessThan(0.02)
    expect(Math.abs(alpha('B') + 0.926)).toBeLessThan(0.02)
    expect(Math.abs(alpha('C') - 0.679)).toBeLessThan(0.02)
    expect(Math.abs(alpha('D') - 0.066)).toBeLessThan(0.02)
  })
})

/**
 * An independent, deliberately naive implementation written straight from the formulas in Krippendorff (2004):
 * sections listed per coder, D_o summed over every ordered pair of coders and every pair of sections, D_e over
 * every unit and every unit / gap.
 */
function bruteForce(L: number, coders: { start: number; end: number }[][]): { Do: number; De: number } {
  type S = { b: number; l: number; w: 0 | 1 }
  const sections: S[][] = coders.map((units) => {
    const sorted = [...units].sort((a, b) => a.start - b.start)
    const out: S[] = []
    let pos = 0
    for (const u of sorted) {
      if (u.start > pos) out.push({ b: pos, l: u.start - pos, w: 0 })
      out.push({ b: u.start, l: u.end - u.start, w: 1 })
      pos = u.end
    }
    if (pos < L) out.push({ b: pos, l: L - pos, w: 0 })
    return out
  })
  const m = coders.length
  let sumDo = 0
  for (let i = 0; i < m; i++)
    for (let j = 0; j < m; j++) {
      if (i === j) continue
      for (const g of sections[i]!)
        for (const h of sections[j]!) {
          const d = g.b - h.b
          if (g.w && h.w && -g.l < d && d < h.l) sumDo += d * d + (d + g.l - h.l) ** 2
          else if (g.w && !h.w && h.l - g.l >= d && d >= 0) sumDo += g.l * g.l
          else if (!g.w && h.w && g.l - h.l >= -d && -d >= 0) sumDo += h.l * h.l
        }
    }
  const Do = sumDo / (m * (m - 1) * L * L)
  const all = sections.flat()
  const Nc = all.filter((s) => s.w).length
  let num = 0
  let sq = 0
  for (const g of all) {
    if (!g.w) continue
    let fit = 0
    for (const h of all) if (!h.w && h.l >= g.l) fit += h.l - g.l + 1
    num += ((Nc - 1) * (2 * g.l ** 3 - 3 * g.l ** 2 + g.l)) / 3 + g.l ** 2 * fit
    sq += g.l * (g.l - 1)
  }
  const De = ((2 / L) * num) / (m * L * (m * L - 1) - sq)
  return { Do, De }
}

/** Non-overlapping units for one coder on [0, L), from arbitrary cut points. */
const coderUnits = (L: number) =>
  fc.array(fc.tuple(fc.integer({ min: 0, max: L - 1 }), fc.integer({ min: 1, max: Math.max(1, Math.floor(L / 3)) })), { maxLength: 6 }).map((pairs) => {
    const out: { start: number; end: number }[] = []
    let pos = 0
    for (const [start, len] of [...pairs].sort((a, b) => a[0] - b[0])) {
      const s = Math.max(start, pos)
      const e = Math.min(L, s + len)
      if (e > s) out.push({ start: s, end: e })
      pos = e
    }
    return out
  })

describe("Krippendorff's unitizing alpha: cross-check against a brute-force implementation of the formulas (no published value)", () => {
  it('sweep and brute force agree on random unitizations by 2-4 coders', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 60 }).chain((L) => fc.tuple(fc.constant(L), fc.array(coderUnits(L), { minLength: 2, maxLength: 4 }))),
        ([L, coders]) => {
          const fast = unitizingDisagreement(L, coders)
          const slow = bruteForce(L, coders)
          if (coders.every((c) => c.length === 0)) {
            expect(fast).toMatchObject({ ok: false, reason: 'no_units' })
            return
          }
          // every position a one-character unit for every coder: no gaps and no room to misplace, D_e = 0
          if (slow.De === 0) {
            expect(fast).toMatchObject({ ok: false, reason: 'no_variation' })
            return
          }
          expect(fast.ok).toBe(true)
          if (!fast.ok) return
          expect(fast.observedDisagreement).toBeCloseTo(slow.Do, 9)
          expect(fast.expectedDisagreement).toBeCloseTo(slow.De, 9)
        }
      ),
      { numRuns: 300 }
    )
  })
})

describe("Krippendorff's unitizing alpha: several groups of coders on one continuum", () => {
  it('each group gets exactly the figures of its coders alone, for random unitizations by 3-4 coders', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 60 }).chain((L) => fc.tuple(fc.constant(L), fc.array(coderUnits(L), { minLength: 3, maxLength: 4 }))),
        ([L, coders]) => {
          const groups = [coders.map((_, c) => c), [0, 1], [2, 1], [0, coders.length - 1], [1]]
          const together = unitizingDisagreements(L, coders, groups)
          groups.forEach((group, g) => expect(together[g]).toEqual(unitizingDisagreement(L, group.map((c) => coders[c]!))))
        }
      ),
      { numRuns: 200 }
    )
  })

  it('a group of one coder is one_coder and an empty continuum empty_continuum, group by group', () => {
    const coders = [[{ start: 0, end: 3 }], [{ start: 1, end: 3 }]]
    expect(unitizingDisagreements(10, coders, [[0], [0, 1]])).toMatchObject([{ ok: false, reason: 'one_coder' }, { ok: true }])
    expect(unitizingDisagreements(0, coders, [[0], [0, 1]])).toMatchObject([{ ok: false, reason: 'one_coder' }, { ok: false, reason: 'empty_continuum' }])
  })
})

describe("Krippendorff's unitizing alpha: edge cases", () => {
  it('overlapping units of one label by one coder are merged (and counted); touching units stay separate', () => {
    const merged = unitizingAlpha({ length: 20, coders: [[{ label: 'x', start: 2, end: 8 }, { label: 'x', start: 5, end: 10 }], [{ label: 'x', start: 2, end: 10 }]] }, 'x')
    expect(merged).toMatchObject({ ok: true, value: 1, mergedOverlaps: 1, units: 2 })
    const touching = unitizingAlpha({ length: 20, coders: [[{ label: 'x', start: 2, end: 6 }, { label: 'x', start: 6, end: 10 }], [{ label: 'x', start: 2, end: 10 }]] }, 'x')
    expect(touching.ok).toBe(true)
    if (touching.ok) {
      expect(touching.units).toBe(3)
      expect(touching.value).toBeLessThan(1)
    }
  })

  it('units outside the continuum are clipped and empty ones dropped', () => {
    const r = unitizingAlpha({ length: 10, coders: [[{ label: 'x', start: -5, end: 3 }, { label: 'x', start: 4, end: 4 }], [{ label: 'x', start: 0, end: 3 }, { label: 'x', start: 8, end: 40 }]] }, 'x')
    expect(r).toMatchObject({ ok: true, units: 3 })
  })

  it('insufficient data: one coder, empty text, a label nobody used', () => {
    expect(unitizingAlpha({ length: 10, coders: [[{ label: 'x', start: 0, end: 3 }]] }, 'x')).toMatchObject({ ok: false, reason: 'one_coder' })
    expect(unitizingAlpha({ length: 0, coders: [[], []] }, 'x')).toMatchObject({ ok: false, reason: 'empty_continuum' })
    const unused = unitizingAlpha(K2004, 'nobody')
    expect(unused).toMatchObject({ ok: false, reason: 'no_units' })
    expect(unitizingAlphaCombined({ length: 10, coders: [[], []] })).toMatchObject({ ok: false, reason: 'no_units' })
  })

  it('every position a one-character unit for every coder: D_e = 0, so no_variation rather than NaN', () => {
    const ones = Array.from({ length: 5 }, (_, i) => ({ label: 'x', start: i, end: i + 1 }))
    expect(unitizingAlpha({ length: 5, coders: [ones, ones] }, 'x')).toMatchObject({ ok: false, reason: 'no_variation' })
  })

  it('identical unitizations give alpha = 1 and stay finite even when one unit covers the whole continuum', () => {
    const whole = unitizingAlpha({ length: 5, coders: [[{ label: 'x', start: 0, end: 5 }], [{ label: 'x', start: 0, end: 5 }]] }, 'x')
    expect(whole).toMatchObject({ ok: true, value: 1 })
  })
})
