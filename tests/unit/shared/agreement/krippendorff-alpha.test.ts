import { describe, expect, it } from 'vitest'
import { krippendorffAlpha, krippendorffAlphaFromUnits } from '../../../../src/shared/agreement/krippendorff-alpha'

const _ = null

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers x 12 units with
// missing values (also Krippendorff 2004, Content Analysis 2nd ed., p. 230). Published: nominal .743, ordinal .815,
// interval .849, ratio .797. The same figures are asserted by the test suites of the Python `krippendorff`
// package (ordinal .815, ratio .797) and DKPro Statistics' Krippendorff2004Test (nominal .743, interval .849).
const FOUR_OBSERVERS = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _]
]

describe("Krippendorff's alpha: published worked examples", () => {
  it('reproduces Krippendorff (2011) section C, nominal: alpha = 0.743 (D_o = .200, D_e = .779)', () => {
    const r = krippendorffAlpha(FOUR_OBSERVERS, { level: 'nominal' })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value).toBeCloseTo(0.743, 3)
    expect(r.observedDisagreement).toBeCloseTo(0.2, 3)
    expect(r.expectedDisagreement).toBeCloseTo(0.779, 3)
    // unit 12 holds a single value and is not pairable: n = 40 pairable values in 11 units
    expect(r.n).toBe(40)
    expect(r.units).toBe(11)
    expect(r.droppedUnits).toBe(1)
  })

  it('reproduces Krippendorff (2011) section C, ordinal: alpha = 0.815', () => {
    const r = krippendorffAlpha(FOUR_OBSERVERS, { level: 'ordinal' })
    expect(r.ok && r.value).toBeCloseTo(0.815, 3)
  })

  it('reproduces Krippendorff (2011) section C, interval: alpha = 0.849 (D_o = .433, D_e = 2.872)', () => {
    const r = krippendorffAlpha(FOUR_OBSERVERS, { level: 'interval' })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value).toBeCloseTo(0.849, 3)
    expect(r.observedDisagreement).toBeCloseTo(0.433, 3)
    expect(r.expectedDisagreement).toBeCloseTo(2.872, 3)
  })

  it('reproduces Krippendorff (2011) section C, ratio: alpha = 0.797', () => {
    const r = krippendorffAlpha(FOUR_OBSERVERS, { level: 'ratio' })
    expect(r.ok && r.value).toBeCloseTo(0.797, 3)
  })

  it('ordinal with string categories and an explicit rank order gives the same .815', () => {
    const names = ['very low', 'low', 'mid', 'high', 'very high']
    const asNames = FOUR_OBSERVERS.map((row) => row.map((v) => (v === null ? null : names[v - 1]!)))
    const r = krippendorffAlpha(asNames, { level: 'ordinal', order: names })
    expect(r.ok && r.value).toBeCloseTo(0.815, 3)
  })

  it('reproduces Krippendorff (2011) section A, binary data, two observers: alpha = 0.095 (D_o = .400, D_e = .442)', () => {
    const r = krippendorffAlpha(
      [
        [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
        [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
      ],
      { level: 'nominal' }
    )
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value).toBeCloseTo(0.095, 3)
    expect(r.observedDisagreement).toBeCloseTo(0.4, 3)
    expect(r.expectedDisagreement).toBeCloseTo(0.442, 3)
  })

  it('reproduces Krippendorff (2004, Content Analysis 2nd ed., p. 227), nominal, two observers, no missing data: alpha = 0.734', () => {
    // as transcribed in DKPro Statistics' Krippendorff2004Test (D_o = .1667, D_e = .6268)
    const r = krippendorffAlpha(
      [
        ['a', 'a', 'b', 'b', 'b', 'b', 'b', 'c', 'c', 'c', 'c', 'c'],
        ['a', 'b', 'b', 'b', 'b', 'b', 'c', 'c', 'c', 'c', 'c', 'c']
      ],
      { level: 'nominal' }
    )
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value).toBeCloseTo(0.734, 3)
    expect(r.observedDisagreement).toBeCloseTo(0.1667, 3)
    expect(r.expectedDisagreement).toBeCloseTo(0.6268, 3)
  })

  it("reproduces the Wikipedia 'computational example' (3 coders x 15 units): nominal 0.691, interval 0.811", () => {
    // figures 0.691358 and 0.810845 as asserted by the Python `krippendorff` package tests
    const data = [
      [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
      [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
      [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4]
    ]
    const nominal = krippendorffAlpha(data, { level: 'nominal' })
    const interval = krippendorffAlpha(data, { level: 'interval' })
    expect(nominal.ok && nominal.value).toBeCloseTo(0.691358, 5)
    expect(interval.ok && interval.value).toBeCloseTo(0.810845, 5)
  })

  it('the ratio metric treats two zeros as identical (alpha = 1 for perfect agreement including 0)', () => {
    const r = krippendorffAlpha(
      [
        [0, 1, 2],
        [0, 1, 2]
      ],
      { level: 'ratio' }
    )
    expect(r.ok && r.value).toBe(1)
  })
})

describe("Krippendorff's alpha: insufficient data", () => {
  it('one coder', () => {
    const r = krippendorffAlpha([[1, 2, 3]], { level: 'nominal' })
    expect(r).toMatchObject({ ok: false, reason: 'one_coder' })
    if (!r.ok) expect(r.message).toMatch(/at least two/)
  })

  it('no units at all', () => {
    expect(krippendorffAlphaFromUnits([], { level: 'nominal' })).toMatchObject({ ok: false, reason: 'no_units' })
    expect(krippendorffAlpha([[], []], { level: 'nominal' })).toMatchObject({ ok: false, reason: 'no_units' })
  })

  it('values but no unit with two of them', () => {
    const r = krippendorffAlpha(
      [
        [1, _],
        [_, 2]
      ],
      { level: 'nominal' }
    )
    expect(r).toMatchObject({ ok: false, reason: 'no_pairable_values' })
  })

  it('all coders agree on a single category: D_e = 0, alpha undefined (no_variation), never NaN', () => {
    for (const level of ['nominal', 'ordinal', 'interval', 'ratio'] as const) {
      const r = krippendorffAlpha(
        [
          [3, 3, 3],
          [3, 3, 3]
        ],
        { level }
      )
      expect(r).toMatchObject({ ok: false, reason: 'no_variation' })
    }
  })

  it('values that do not fit the level are excluded and counted', () => {
    const r = krippendorffAlpha(
      [
        [1, 'x', 3, 4],
        [1, 2, 3, 5]
      ],
      { level: 'interval' }
    )
    expect(r.ok).toBe(true)
    if (r.ok) {
      expect(r.excludedValues).toBe(1)
      expect(r.droppedUnits).toBe(1)
    }
  })
})
