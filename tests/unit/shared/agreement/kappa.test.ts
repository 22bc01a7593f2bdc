import { describe, expect, it } from 'vitest'
import { cohenKappa, type Category } from '../../../../src/shared/agreement/cohen-kappa'
import { fleissKappa } from '../../../../src/shared/agreement/fleiss-kappa'

/** Expands a contingency table (rows: coder A's category, columns: coder B's) into one pair per unit. */
function pairsFromTable(categories: readonly Category[], table: readonly (readonly number[])[]): [Category, Category][] {
  const pairs: [Category, Category][] = []
  table.forEach((row, i) => row.forEach((count, j) => {
    for (let k = 0; k < count; k++) pairs.push([categories[i]!, categories[j]!])
  }))
  return pairs
}

describe("Cohen's kappa", () => {
  it('reproduces Cohen (1960, p. 45), 200 units, 3 categories: p_o = .70, p_c = .41, kappa = .492', () => {
    // Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and Psychological
    // Measurement 20(1), 37-46; counts as transcribed in DKPro Statistics' Cohen1960Test
    const r = cohenKappa(pairsFromTable([1, 2, 3], [[88, 14, 18], [10, 40, 10], [2, 6, 12]]))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.n).toBe(200)
    expect(r.observedAgreement).toBeCloseTo(0.7, 3)
    expect(r.expectedAgreement).toBeCloseTo(0.41, 3)
    expect(r.value).toBeCloseTo(0.492, 3)
  })

  it('reproduces Cohen (1960, p. 37), the table where observed agreement (.29) falls below chance (.35): kappa < 0', () => {
    const r = cohenKappa(pairsFromTable(['a', 'b', 'c'], [[25, 12, 3], [13, 2, 15], [12, 16, 2]]))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.observedAgreement).toBeCloseTo(0.29, 3)
    expect(r.expectedAgreement).toBeCloseTo(0.35, 3)
    expect(r.value).toBeCloseTo((0.29 - 0.35) / (1 - 0.35), 3)
  })

  it('reproduces Krippendorff (2004, Content Analysis 2nd ed., p. 246): same margins sum, kappa .186 vs .258', () => {
    // two tables with identical percent agreement (.46) where kappa rewards differing marginals (DKPro Krippendorff2004Test)
    const cats = ['a', 'b', 'c']
    const a = cohenKappa(pairsFromTable(cats, [[12, 9, 9], [9, 14, 9], [9, 9, 20]]))
    const b = cohenKappa(pairsFromTable(cats, [[12, 18, 18], [0, 14, 18], [0, 0, 20]]))
    expect(a.ok && a.value).toBeCloseTo(0.186, 3)
    expect(b.ok && b.value).toBeCloseTo(0.258, 3)
  })

  it('skips pairs with a missing value and reports them', () => {
    const r = cohenKappa([['x', 'x'], ['y', 'y'], ['x', null], [null, null]])
    expect(r).toMatchObject({ ok: true, value: 1, n: 2, skipped: 2 })
  })

  it('insufficient data: no units, nothing paired, one category everywhere (p_e = 1)', () => {
    expect(cohenKappa([])).toMatchObject({ ok: false, reason: 'no_units' })
    expect(cohenKappa([['x', null]])).toMatchObject({ ok: false, reason: 'no_pairable_values' })
    const same = cohenKappa([['x', 'x'], ['x', 'x']])
    expect(same).toMatchObject({ ok: false, reason: 'no_variation' })
    if (!same.ok) expect(same.message.length).toBeGreaterThan(20)
  })
})

describe("Fleiss' kappa", () => {
  // Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological Bulletin 76(5),
  // 378-382, Table 1 (p. 379): 30 patients, 6 psychiatrists each, 5 diagnoses (1 depression, 2 personality
  // disorder, 3 schizophrenia, 4 neurosis, 5 other). Published P-bar = .556, P-bar_e = .220, kappa = .430.
  // Rows as transcribed in DKPro Statistics' Fleiss1971Test.
  const FLEISS_1971 = [
    [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
    [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
    [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
    [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
    [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
    [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5]
  ]

  it('reproduces Fleiss (1971), Table 1: 30 subjects x 6 raters x 5 categories, kappa = .430', () => {
    const r = fleissKappa(FLEISS_1971)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.n).toBe(30)
    expect(r.raters).toBe(6)
    expect(r.observedAgreement).toBeCloseTo(0.5556, 3)
    expect(r.expectedAgreement).toBeCloseTo(0.2201, 3)
    expect(r.value).toBeCloseTo(0.43, 3)
  })

  it("reproduces the widely reprinted Wikipedia example (10 subjects, 14 raters, 5 categories): kappa = 0.210", () => {
    // counts per category for each subject; P-bar = 0.378, P-bar_e = 0.213
    const counts = [
      [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]
    ]
    const subjects = counts.map((row) => row.flatMap((count, category) => Array<number>(count).fill(category + 1)))
    const r = fleissKappa(subjects)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.observedAgreement).toBeCloseTo(0.378, 3)
    expect(r.expectedAgreement).toBeCloseTo(0.213, 3)
    expect(r.value).toBeCloseTo(0.21, 3)
  })

  it('insufficient data: no subjects, unequal numbers of raters, a single rater, one category everywhere', () => {
    expect(fleissKappa([])).toMatchObject({ ok: false, reason: 'no_units' })
    expect(fleissKappa([['a', 'b'], ['a', 'b', 'c']])).toMatchObject({ ok: false, reason: 'unequal_raters' })
    expect(fleissKappa([['a'], ['b']])).toMatchObject({ ok: false, reason: 'unequal_raters' })
    expect(fleissKappa([['a', 'a', 'a'], ['a', 'a', 'a']])).toMatchObject({ ok: false, reason: 'no_variation' })
  })
})
