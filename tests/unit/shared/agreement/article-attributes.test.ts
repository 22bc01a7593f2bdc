import { describe, expect, it } from 'vitest'
import { buildAgreementReport, type AgreementReportInput, type ReportTag } from '../../../../src/shared/agreement/agreement-report'
import { krippendorffAlpha } from '../../../../src/shared/agreement/krippendorff-alpha'

const tag = (id: string, annotatorId: string, label: string, start: number, end: number, attributes: Record<string, unknown> = {}): ReportTag => ({ id, annotatorId, label, start, end, attributes })

/*
 * Ann and Ben tag Events with a nominal `kind` and an interval `size`.
 *   Article 1  units (overlap): U1 (a, a | 1, 2)  U2 (b, b | 5, 5)  U3 (a, b | 3, 3)  U4 (Ann's Actor, Ben's Event c | 'lots')
 *   Article 2  units: U5 (a, a)  U6 (b, a), no sizes
 *   Article 3  Ann's Event a and Ben's Actor elsewhere: one value of `kind`, nothing to pair
 * Nobody uses Claim.
 */
const INPUT: AgreementReportInput = {
  annotators: [
    { id: 'ann', name: 'Ann' },
    { id: 'ben', name: 'Ben' }
  ],
  labels: ['Actor', 'Event', 'Claim'],
  attributes: [
    { label: 'Event', key: 'kind', level: 'nominal' },
    { label: 'Event', key: 'size', level: 'interval' },
    { label: 'Claim', key: 'form', level: 'nominal' }
  ],
  articles: [
    {
      id: 1,
      title: 'One',
      length: 100,
      tags: [
        tag('a1', 'ann', 'Event', 0, 10, { kind: 'a', size: 1 }),
        tag('b1', 'ben', 'Event', 0, 10, { kind: 'a', size: 2 }),
        tag('a2', 'ann', 'Event', 20, 30, { kind: 'b', size: 5 }),
        tag('b2', 'ben', 'Event', 22, 30, { kind: 'b', size: 5 }),
        tag('a3', 'ann', 'Event', 40, 50, { kind: 'a', size: 3 }),
        tag('b3', 'ben', 'Event', 41, 50, { kind: 'b', size: 3 }),
        tag('a4', 'ann', 'Actor', 60, 70),
        tag('b4', 'ben', 'Event', 60, 70, { kind: 'c', size: 'lots' })
      ]
    },
    {
      id: 2,
      title: 'Two',
      length: 50,
      tags: [tag('a5', 'ann', 'Event', 0, 5, { kind: 'a' }), tag('b5', 'ben', 'Event', 0, 5, { kind: 'a' }), tag('a6', 'ann', 'Event', 10, 20, { kind: 'b' }), tag('b6', 'ben', 'Event', 10, 20, { kind: 'a' })]
    },
    { id: 3, title: 'Three', length: 40, tags: [tag('a7', 'ann', 'Event', 0, 5, { kind: 'a' }), tag('b7', 'ben', 'Actor', 20, 25)] }
  ]
}

describe('agreement report: attribute alpha per article', () => {
  const report = buildAgreementReport(INPUT)
  const attribute = (articleId: number, key: string) => report.perArticle.find((a) => a.id === articleId)!.perAttribute.find((a) => a.key === key)!

  it("nominal, article 1 alone: (a,a) (b,b) (a,b) -> D_o = 1/3, D_e = .6, alpha = 4/9, what krippendorffAlpha gives on that article's units", () => {
    const kind = attribute(1, 'kind')
    // Ann's tag in U4 is an Actor: she is missing there, and Ben's lone value is dropped
    const direct = krippendorffAlpha(
      [
        ['a', 'b', 'a', null],
        ['a', 'b', 'b', 'c']
      ],
      { level: 'nominal' }
    )
    expect(kind).toMatchObject({ label: 'Event', level: 'nominal', units: 4 })
    expect(kind.alpha).toMatchObject({ ok: true, n: 6, units: 3, droppedUnits: 1 })
    if (!kind.alpha.ok || !direct.ok) throw new Error('expected values')
    expect(kind.alpha.value).toBeCloseTo(4 / 9, 12)
    expect(kind.alpha.value).toBeCloseTo(direct.value, 12)
    expect(kind.alpha.observedDisagreement).toBeCloseTo(1 / 3, 12)
    expect(kind.alpha.expectedDisagreement).toBeCloseTo(0.6, 12)
  })

  it('nominal, article 2 alone: (a,a) (b,a) -> alpha = 0; corpus-wide, articles 1 and 2 together give .25', () => {
    expect(attribute(2, 'kind').alpha).toMatchObject({ ok: true, value: 0 })
    const corpus = report.perAttribute.find((a) => a.key === 'kind')!
    expect(corpus.alpha.ok && corpus.alpha.value).toBeCloseTo(0.25, 12)
  })

  it("interval, article 1 alone: alpha = 72/77; 'lots' is left out and counted for that article only", () => {
    const size = attribute(1, 'size')
    const direct = krippendorffAlpha(
      [
        [1, 5, 3, null],
        [2, 5, 3, null]
      ],
      { level: 'interval' }
    )
    expect(size.excludedValues).toBe(1)
    expect(attribute(2, 'size').excludedValues).toBe(0)
    if (!size.alpha.ok || !direct.ok) throw new Error('expected values')
    expect(size.alpha.value).toBeCloseTo(72 / 77, 12)
    expect(size.alpha.value).toBeCloseTo(direct.value, 12)
  })

  it('too little data in one article says why, never NaN', () => {
    expect(attribute(3, 'kind').alpha).toEqual({
      ok: false,
      reason: 'no_pairable_values',
      message: 'No unit was coded by at least two annotators, so there are no values to compare.'
    })
    expect(attribute(2, 'size').alpha).toMatchObject({ ok: false, reason: 'no_units' })
    for (const id of [1, 2, 3]) expect(attribute(id, 'form').alpha).toEqual({ ok: false, reason: 'no_units', message: 'No annotator used the label "Claim" in this article.' })
    expect(report.perAttribute.find((a) => a.key === 'form')!.alpha).toMatchObject({ message: 'No annotator used the label "Claim" in the included articles.' })
    expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity|null/)
  })

  it('every article lists the attributes of the selected labels, in the corpus-wide order', () => {
    expect(report.perArticle.map((a) => a.perAttribute.map((x) => `${x.label}.${x.key}`))).toEqual(Array(3).fill(['Event.kind', 'Event.size', 'Claim.form']))
    const events = buildAgreementReport({ ...INPUT, labelFilter: ['Event'] })
    expect(events.perArticle[0]!.perAttribute.map((x) => x.key)).toEqual(['kind', 'size'])
  })
})
