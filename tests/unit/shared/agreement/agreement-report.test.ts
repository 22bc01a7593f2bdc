import { describe, expect, it } from 'vitest'
import { buildAgreementReport, type AgreementReport, type AgreementReportInput, type ReportTag } from '../../../../src/shared/agreement/agreement-report'
import { unitizingAlpha } from '../../../../src/shared/agreement/unitizing-alpha'

const tag = (id: string, annotatorId: string, label: string, start: number, end: number, attributes: Record<string, unknown> = {}): ReportTag => ({
  id,
  annotatorId,
  label,
  start,
  end,
  attributes
})

/** Every number anywhere in the report is finite: no NaN, no Infinity. */
function expectAllFinite(value: unknown, path = 'report'): void {
  if (typeof value === 'number') {
    expect(Number.isNaN(value), `${path} is NaN`).toBe(false)
    expect(Number.isFinite(value), `${path} is not finite`).toBe(true)
  } else if (Array.isArray(value)) value.forEach((v, i) => expectAllFinite(v, `${path}[${i}]`))
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) expectAllFinite(v, `${path}.${k}`)
}

const v = (r: { ok: boolean; value?: number }): number | string => (r.ok ? r.value! : 'not computable')

/*
 * Two annotators, hand-worked. Ann is the reference.
 *   Article 1 (100 chars)  Ann: a1 Actor [0,10) high   a2 Event [20,30) {y,x}   a3 Actor [40,50) low
 *                          Ben: b1 Actor [0,10) high   b2 Event [22,30) {x,y}   b3 Event [40,50) {y}   b4 Actor [60,70) mid
 *   Article 2 (50 chars)   Ann: a4 Actor [5,15) mid    Ben: b5 Actor [5,12) low
 *   Article 3              Ann only  -> left out
 *   Article 4              nobody    -> left out
 * Units (overlap, labels ignored): (Actor, Actor) (Event, Event) (Actor, Event) ((no span), Actor) | (Actor, Actor)
 */
const TWO: AgreementReportInput = {
  annotators: [
    { id: 'ann', name: 'Ann' },
    { id: 'ben', name: 'Ben' }
  ],
  labels: ['Actor', 'Event'],
  attributes: [
    { label: 'Actor', key: 'certainty', level: 'ordinal', order: ['low', 'mid', 'high'] },
    { label: 'Event', key: 'kind', level: 'nominal' }
  ],
  articles: [
    {
      id: 1,
      title: 'One',
      length: 100,
      tags: [
        tag('a1', 'ann', 'Actor', 0, 10, { certainty: 'high' }),
        tag('a2', 'ann', 'Event', 20, 30, { kind: ['y', 'x'] }),
        tag('a3', 'ann', 'Actor', 40, 50, { certainty: 'low' }),
        tag('b1', 'ben', 'Actor', 0, 10, { certainty: 'high' }),
        tag('b2', 'ben', 'Event', 22, 30, { kind: ['x', 'y'] }),
        tag('b3', 'ben', 'Event', 40, 50, { kind: ['y'] }),
        tag('b4', 'ben', 'Actor', 60, 70, { certainty: 'mid' })
      ]
    },
    { id: 2, title: 'Two', length: 50, tags: [tag('a4', 'ann', 'Actor', 5, 15, { certainty: 'mid' }), tag('b5', 'ben', 'Actor', 5, 12, { certainty: 'low' })] },
    { id: 3, title: 'Three', length: 40, tags: [tag('a5', 'ann', 'Actor', 0, 5)] },
    { id: 4, title: 'Four', length: 40, tags: [] }
  ]
}

describe('agreement report: two annotators, hand-checked', () => {
  const report = buildAgreementReport(TWO)

  it('includes the two articles both annotators tagged, and says why the others are left out', () => {
    expect(report.articles.total).toBe(4)
    expect(report.articles.included).toBe(2)
    expect(report.articles.excluded.map((x) => [x.id, x.reason, x.annotators])).toEqual([
      [3, 'fewer_than_two_annotators', 1],
      [4, 'fewer_than_two_annotators', 0]
    ])
    expect(report.notes.join(' ')).toMatch(/2 of 4 articles were left out/)
    expect(report.overall.spans).toEqual({ ann: 4, ben: 5 })
    expect(report.overall.units).toBe(5)
  })

  it('exact match: 1 of 4 / 5 -> P = .2, R = .25, F1 = 2/9', () => {
    const { precision, recall, f1 } = report.overall.exact
    expect(v(precision)).toBeCloseTo(0.2, 10)
    expect(v(recall)).toBeCloseTo(0.25, 10)
    expect(v(f1)).toBeCloseTo(2 / 9, 10)
  })

  it('overlap match: 3 pairs -> P = .6, R = .75, F1 = 2/3', () => {
    const { precision, recall, f1 } = report.overall.overlap
    expect(v(precision)).toBeCloseTo(0.6, 10)
    expect(v(recall)).toBeCloseTo(0.75, 10)
    expect(v(f1)).toBeCloseTo(2 / 3, 10)
  })

  it("Cohen's kappa on unit labels: p_o = 3/5, p_e = 11/25, kappa = 2/7", () => {
    const k = report.overall.labelKappa
    expect(k.statistic).toBe('cohen_kappa')
    expect(k.ok).toBe(true)
    if (!k.ok) return
    expect(k.n).toBe(5)
    expect(k.observedAgreement).toBeCloseTo(0.6, 10)
    expect(k.expectedAgreement).toBeCloseTo(0.44, 10)
    expect(k.value).toBeCloseTo(0.16 / 0.56, 10)
  })

  it("Krippendorff's alpha on unit labels: D_o = .4, D_e = .6, alpha = 1/3", () => {
    const a = report.overall.labelAlpha
    expect(a.ok).toBe(true)
    if (!a.ok) return
    expect(a.n).toBe(10)
    expect(a.observedDisagreement).toBeCloseTo(0.4, 10)
    expect(a.expectedDisagreement).toBeCloseTo(0.6, 10)
    expect(a.value).toBeCloseTo(1 / 3, 10)
  })

  it('per label: F1 (exact, overlap), label-versus-rest kappa and alpha', () => {
    const [actor, event] = report.perLabel
    expect(actor!.label).toBe('Actor')
    expect(actor!.spans).toEqual({ ann: 3, ben: 3 })
    expect(v(actor!.exact.f1)).toBeCloseTo(1 / 3, 10)
    expect(v(actor!.overlap.f1)).toBeCloseTo(2 / 3, 10)
    expect(v(actor!.overlap.precision)).toBeCloseTo(2 / 3, 10)
    // (A,A) (O,O) (A,O) (O,A) (A,A): p_o = .6, p_e = .52
    expect(v(actor!.kappa)).toBeCloseTo(0.08 / 0.48, 10)
    expect(v(actor!.alpha)).toBeCloseTo(0.25, 10)
    expect(event!.label).toBe('Event')
    expect(v(event!.exact.f1)).toBe(0)
    expect(v(event!.overlap.f1)).toBeCloseTo(2 / 3, 10)
    expect(v(event!.overlap.recall)).toBe(1)
    expect(v(event!.overlap.precision)).toBe(0.5)
    // (O,O) (E,E) (O,E) (O,O) (O,O): p_o = .8, p_e = .56
    expect(v(event!.kappa)).toBeCloseTo(0.24 / 0.44, 10)
  })

  it('unitizing alpha per label equals the coefficient on the articles laid end to end (article 2 shifted by 100)', () => {
    const direct = unitizingAlpha(
      {
        length: 150,
        coders: [
          [{ label: 'Actor', start: 0, end: 10 }, { label: 'Actor', start: 40, end: 50 }, { label: 'Actor', start: 105, end: 115 }],
          [{ label: 'Actor', start: 0, end: 10 }, { label: 'Actor', start: 60, end: 70 }, { label: 'Actor', start: 105, end: 112 }]
        ]
      },
      'Actor'
    )
    const inReport = report.perLabel[0]!.unitizingAlpha
    expect(inReport.ok && direct.ok).toBe(true)
    expect(v(inReport)).toBeCloseTo(v(direct) as number, 12)
    expect(inReport.ok && inReport.articles).toBe(2)
    expect(report.overall.unitizingAlpha.ok).toBe(true)
  })

  it('ordinal attribute on matched units: (high, high) and (mid, low) -> D_o = .5, D_e = 3, alpha = 5/6', () => {
    const certainty = report.perAttribute.find((a) => a.key === 'certainty')!
    expect(certainty.units).toBe(4)
    const a = certainty.alpha
    expect(a.ok).toBe(true)
    if (!a.ok) return
    expect(a.units).toBe(2)
    expect(a.droppedUnits).toBe(2)
    expect(a.observedDisagreement).toBeCloseTo(0.5, 10)
    expect(a.expectedDisagreement).toBeCloseTo(3, 10)
    expect(a.value).toBeCloseTo(5 / 6, 10)
  })

  it('multiple-choice attribute: {y,x} and {x,y} are the same set; one value throughout is no_variation', () => {
    const kind = report.perAttribute.find((a) => a.key === 'kind')!
    expect(kind.multiValued).toBe(3)
    expect(kind.alpha).toMatchObject({ ok: false, reason: 'no_variation' })
    expect(report.notes.join(' ')).toMatch(/Event \/ kind: 3 multiple-choice values were compared as whole sets/)
  })

  it('per article: article 1 kappa = .2; article 2 has a single unit of one label (no_variation)', () => {
    const [one, two] = report.perArticle
    expect(one!.annotators).toEqual(['ann', 'ben'])
    expect(one!.units).toBe(4)
    expect(v(one!.labelKappa)).toBeCloseTo(0.125 / 0.625, 10)
    expect(two!.labelKappa).toMatchObject({ ok: false, reason: 'no_variation' })
    expect(v(two!.overlap.f1)).toBe(1)
    expect(v(two!.exact.f1)).toBe(0)
  })

  it('one pair: the pairwise entry carries the same figures', () => {
    expect(report.pairwise).toHaveLength(1)
    expect(v(report.pairwise[0]!.kappa)).toBeCloseTo(0.16 / 0.56, 10)
    expect(v(report.pairwise[0]!.overlap.f1)).toBeCloseTo(2 / 3, 10)
  })

  it('is JSON-serialisable and has no NaN or Infinity anywhere', () => {
    expectAllFinite(report)
    expect(JSON.parse(JSON.stringify(report))).toEqual(report)
  })
})

/*
 * Three annotators, hand-worked.
 *   Article 1 (60 chars), all three:  p: Actor [0,10), Event [20,30)   q: Actor [0,10), Event [20,28)   r: Actor [2,10), Actor [20,30)
 *   Article 2 (40 chars), p and q:     p: Actor [0,5)                   q: Event [0,5)
 * Units: U1 (A, A, A), U2 (E, E, A), U3 (A, E, missing)
 */
const THREE: AgreementReportInput = {
  annotators: [
    { id: 'p', name: 'P' },
    { id: 'q', name: 'Q' },
    { id: 'r', name: 'R' }
  ],
  labels: ['Actor', 'Event'],
  attributes: [],
  articles: [
    {
      id: 1,
      title: 'All three',
      length: 60,
      tags: [
        tag('p0', 'p', 'Actor', 0, 10),
        tag('p1', 'p', 'Event', 20, 30),
        tag('q0', 'q', 'Actor', 0, 10),
        tag('q1', 'q', 'Event', 20, 28),
        tag('r0', 'r', 'Actor', 2, 10),
        tag('r1', 'r', 'Actor', 20, 30)
      ]
    },
    { id: 2, title: 'Two of three', length: 40, tags: [tag('p2', 'p', 'Actor', 0, 5), tag('q2', 'q', 'Event', 0, 5)] }
  ]
}

describe('agreement report: three annotators, hand-checked', () => {
  const report = buildAgreementReport(THREE)

  it("Fleiss' kappa on the units of the article all three coded: P-bar = 2/3, P-bar_e = 5/9, kappa = .25", () => {
    const k = report.overall.labelKappa
    expect(k.statistic).toBe('fleiss_kappa')
    expect(k.ok).toBe(true)
    if (!k.ok) return
    expect(k.n).toBe(2)
    expect(k.observedAgreement).toBeCloseTo(2 / 3, 10)
    expect(k.expectedAgreement).toBeCloseTo(5 / 9, 10)
    expect(k.value).toBeCloseTo(0.25, 10)
  })

  it("Krippendorff's alpha over all three units, R missing in article 2: D_o = .5, D_e = 15/28, alpha = 1/15", () => {
    const a = report.overall.labelAlpha
    expect(a.ok).toBe(true)
    if (!a.ok) return
    expect(a.n).toBe(8)
    expect(a.observedDisagreement).toBeCloseTo(0.5, 10)
    expect(a.expectedDisagreement).toBeCloseTo(30 / 56, 10)
    expect(a.value).toBeCloseTo(1 / 15, 10)
  })

  it('pairwise matrix: F1 exact / overlap and kappa per pair', () => {
    const pair = (a: string, b: string) => report.pairwise.find((x) => x.a === a && x.b === b)!
    const pq = pair('p', 'q')
    expect(pq.articles).toBe(2)
    expect(v(pq.exact.f1)).toBeCloseTo(1 / 3, 10)
    expect(v(pq.overlap.f1)).toBeCloseTo(2 / 3, 10)
    expect(v(pq.kappa)).toBeCloseTo(0.4, 10)
    const pr = pair('p', 'r')
    expect(pr.articles).toBe(1)
    expect(v(pr.exact.f1)).toBe(0)
    expect(v(pr.overlap.f1)).toBeCloseTo(0.5, 10)
    expect(v(pr.kappa)).toBeCloseTo(0, 10)
    const qr = pair('q', 'r')
    expect(v(qr.overlap.f1)).toBeCloseTo(0.5, 10)
    expect(v(qr.kappa)).toBeCloseTo(0, 10)
  })

  it('overall F1 is pooled over the pairs (2 x 4 / 14); precision and recall are not applicable', () => {
    expect(v(report.overall.exact.f1)).toBeCloseTo(2 / 14, 10)
    expect(v(report.overall.overlap.f1)).toBeCloseTo(8 / 14, 10)
    expect(report.overall.overlap.precision).toMatchObject({ ok: false, reason: 'not_applicable' })
    expect(report.overall.overlap.recall).toMatchObject({ ok: false, reason: 'not_applicable' })
  })

  it('corpus-wide unitizing alpha uses only the article all three coded, and the notes say so', () => {
    const u = report.overall.unitizingAlpha
    expect(u.ok && u.articles).toBe(1)
    expect(u.ok && u.length).toBe(60)
    expect(report.notes.join(' ')).toMatch(/1 of 2 included articles were not coded by all 3 annotators/)
  })

  it('per article: Fleiss on the three-coder article, Cohen on the two-coder article', () => {
    const [one, two] = report.perArticle
    expect(one!.labelKappa.statistic).toBe('fleiss_kappa')
    expect(v(one!.labelKappa)).toBeCloseTo(0.25, 10)
    expect(two!.labelKappa.statistic).toBe('cohen_kappa')
    // one unit, Actor vs Event: p_o = 0, p_e = 0, kappa = 0
    expect(v(two!.labelKappa)).toBe(0)
    expect(two!.annotators).toEqual(['p', 'q'])
  })

  it('an annotator filter down to two annotators gives the same figures as their pairwise entry', () => {
    const pq = buildAgreementReport({ ...THREE, annotatorFilter: ['p', 'q'] })
    expect(v(pq.overall.labelKappa)).toBeCloseTo(0.4, 10)
    expect(v(pq.overall.overlap.f1)).toBeCloseTo(2 / 3, 10)
    expect(pq.overall.labelKappa.statistic).toBe('cohen_kappa')
  })

  it('has no NaN or Infinity anywhere', () => expectAllFinite(report))
})

describe('agreement report: insufficient data never yields NaN', () => {
  const check = (report: AgreementReport) => {
    expectAllFinite(report)
    expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity|null/)
  }

  it('one annotator selected: every statistic is one_coder, every article left out', () => {
    const report = buildAgreementReport({ ...TWO, annotatorFilter: ['ann'] })
    check(report)
    expect(report.articles.included).toBe(0)
    expect(report.overall.labelKappa).toMatchObject({ ok: false, reason: 'one_coder' })
    expect(report.overall.labelAlpha).toMatchObject({ ok: false, reason: 'one_coder' })
    expect(report.overall.unitizingAlpha).toMatchObject({ ok: false, reason: 'one_coder' })
    expect(report.overall.overlap.f1).toMatchObject({ ok: false, reason: 'one_coder' })
    if (!report.overall.labelKappa.ok) expect(report.overall.labelKappa.message).toBe('Only one annotator coded these articles; agreement needs at least two.')
    expect(report.notes[0]).toMatch(/Fewer than two annotators/)
  })

  it('no articles at all', () => {
    const report = buildAgreementReport({ ...TWO, articles: [] })
    check(report)
    expect(report.overall.labelAlpha).toMatchObject({ ok: false, reason: 'no_units' })
    expect(report.overall.labelKappa).toMatchObject({ ok: false, reason: 'no_units' })
    expect(report.overall.overlap.f1).toMatchObject({ ok: false, reason: 'no_spans' })
    expect(report.perAttribute.every((a) => !a.alpha.ok)).toBe(true)
  })

  it('a label nobody used: no_units for kappa, alpha and unitizing alpha; F1 no_spans', () => {
    const report = buildAgreementReport({ ...TWO, labels: ['Actor', 'Event', 'Claim'] })
    check(report)
    const claim = report.perLabel.find((l) => l.label === 'Claim')!
    expect(claim.kappa).toMatchObject({ ok: false, reason: 'no_units' })
    expect(claim.alpha).toMatchObject({ ok: false, reason: 'no_units' })
    expect(claim.unitizingAlpha).toMatchObject({ ok: false, reason: 'no_units' })
    expect(claim.overlap.f1).toMatchObject({ ok: false, reason: 'no_spans' })
    // an unused label does not disturb the combined unitizing alpha of the others
    expect(report.overall.unitizingAlpha.ok && report.overall.unitizingAlpha.labels).toEqual(['Actor', 'Event'])
  })

  it('every annotator gave every unit the same label: kappa and alpha are no_variation', () => {
    const same: AgreementReportInput = {
      ...TWO,
      attributes: [],
      articles: [{ id: 1, title: 'x', length: 30, tags: [tag('a', 'ann', 'Actor', 0, 5), tag('b', 'ben', 'Actor', 0, 5), tag('c', 'ann', 'Actor', 10, 15), tag('d', 'ben', 'Actor', 10, 14)] }]
    }
    const report = buildAgreementReport(same)
    check(report)
    expect(report.overall.labelKappa).toMatchObject({ ok: false, reason: 'no_variation' })
    expect(report.overall.labelAlpha).toMatchObject({ ok: false, reason: 'no_variation' })
    expect(v(report.overall.overlap.f1)).toBe(1)
    expect(report.overall.unitizingAlpha.ok).toBe(true)
  })

  it('the label filter compares only chosen labels, but any tag still shows who coded an article', () => {
    const report = buildAgreementReport({ ...TWO, labelFilter: ['Event'] })
    check(report)
    expect(report.labels).toEqual(['Event'])
    // article 2 has only Actor tags, yet both annotators coded it: it stays in, with nothing to compare
    expect(report.articles.included).toBe(2)
    expect(report.tags.ignored).toEqual([expect.objectContaining({ reason: 'label_not_selected', count: 7 })])
    expect(report.perAttribute.map((a) => a.key)).toEqual(['kind'])
  })

  it('tags outside the text or empty are ignored and counted', () => {
    const report = buildAgreementReport({
      ...TWO,
      attributes: [],
      articles: [{ id: 1, title: 'x', length: 20, tags: [tag('a', 'ann', 'Actor', 0, 5), tag('b', 'ben', 'Actor', 0, 5), tag('c', 'ann', 'Actor', 15, 25), tag('d', 'ben', 'Actor', 7, 7)] }]
    })
    check(report)
    expect(report.tags.ignored).toEqual([expect.objectContaining({ reason: 'outside_text', count: 2 })])
    expect(report.tags.used).toBe(2)
  })
})
