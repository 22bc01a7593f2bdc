import { describe, expect, it } from 'vitest'
import { buildAgreementReport, type AgreementReportInput, type ReportTag } from '../../../../src/shared/agreement/agreement-report'
import { unitizingAlphaCombined, type UnitizedSpan } from '../../../../src/shared/agreement/unitizing-alpha'

const tag = (id: string, annotatorId: string, label: string, start: number, end: number): ReportTag => ({ id, annotatorId, label, start, end, attributes: {} })
const span = (label: string, start: number, end: number): UnitizedSpan => ({ label, start, end })

/*
 *   Article 1 (60 chars), all three:  p: Actor [0,10), Event [20,30)   q: Actor [0,10), Event [20,28)   r: Actor [2,10), Actor [20,30)
 *   Article 2 (40 chars), p and q:     p: Actor [0,5)                   q: Event [0,5)
 */
const THREE: AgreementReportInput = {
  annotators: [
    { id: 'p', name: 'P' },
    { id: 'q', name: 'Q' },
    { id: 'r', name: 'R' }
  ],
  labels: ['Actor', 'Event', 'Claim'],
  attributes: [],
  articles: [
    {
      id: 1,
      title: 'All three',
      length: 60,
      tags: [tag('p0', 'p', 'Actor', 0, 10), tag('p1', 'p', 'Event', 20, 30), tag('q0', 'q', 'Actor', 0, 10), tag('q1', 'q', 'Event', 20, 28), tag('r0', 'r', 'Actor', 2, 10), tag('r1', 'r', 'Actor', 20, 30)]
    },
    { id: 2, title: 'Two of three', length: 40, tags: [tag('p2', 'p', 'Actor', 0, 5), tag('q2', 'q', 'Event', 0, 5)] }
  ]
}

/** The combined coefficient computed directly on a hand-concatenated continuum. */
const direct = (length: number, coders: UnitizedSpan[][]): number => {
  const r = unitizingAlphaCombined({ length, coders }, ['Actor', 'Event', 'Claim'])
  if (!r.ok) throw new Error(r.message)
  return r.value
}

describe('agreement report: unitizing alpha per annotator pair', () => {
  const report = buildAgreementReport(THREE)
  const pair = (a: string, b: string) => report.pairwise.find((x) => x.a === a && x.b === b)!

  it("with two annotators, the one pair's alpha_u is the overall alpha_u (articles 1 and 2 laid end to end)", () => {
    const two = buildAgreementReport({ ...THREE, annotatorFilter: ['p', 'q'] })
    expect(two.pairwise).toHaveLength(1)
    expect(two.pairwise[0]!.unitizingAlpha).toEqual(two.overall.unitizingAlpha)
    const expected = direct(100, [
      [span('Actor', 0, 10), span('Event', 20, 30), span('Actor', 60, 65)],
      [span('Actor', 0, 10), span('Event', 20, 28), span('Event', 60, 65)]
    ])
    expect(two.overall.unitizingAlpha).toMatchObject({ ok: true, articles: 2, length: 100, coders: 2, labels: ['Actor', 'Event'] })
    expect(two.overall.unitizingAlpha.ok && two.overall.unitizingAlpha.value).toBeCloseTo(expected, 12)
  })

  it('with three annotators, each pair is judged on the articles both coded, and the pairs differ', () => {
    const pq = pair('p', 'q').unitizingAlpha
    const pr = pair('p', 'r').unitizingAlpha
    const qr = pair('q', 'r').unitizingAlpha
    expect([pq, pr, qr].map((u) => u.ok && [u.articles, u.length, u.coders])).toEqual([
      [2, 100, 2],
      [1, 60, 2],
      [1, 60, 2]
    ])
    if (!pq.ok || !pr.ok || !qr.ok) throw new Error('expected values')
    const P = [span('Actor', 0, 10), span('Event', 20, 30)]
    const Q = [span('Actor', 0, 10), span('Event', 20, 28)]
    const R = [span('Actor', 2, 10), span('Actor', 20, 30)]
    expect(pq.value).toBeCloseTo(direct(100, [[...P, span('Actor', 60, 65)], [...Q, span('Event', 60, 65)]]), 12)
    expect(pr.value).toBeCloseTo(direct(60, [P, R]), 12)
    expect(qr.value).toBeCloseTo(direct(60, [Q, R]), 12)
    expect(new Set([pq.value, pr.value, qr.value]).size).toBe(3)
    // the corpus-wide figure is the three-annotator one on article 1 only, unlike any pair's
    expect(report.overall.unitizingAlpha.ok && report.overall.unitizingAlpha.value).toBeCloseTo(direct(60, [P, Q, R]), 12)
  })

  it('a pair that shares no article, or no tag of the selected labels, says why instead of a number', () => {
    const apart = buildAgreementReport({
      ...THREE,
      articles: [
        { id: 1, title: 'p and q', length: 20, tags: [tag('p0', 'p', 'Actor', 0, 5), tag('q0', 'q', 'Actor', 0, 5)] },
        { id: 2, title: 'p and r', length: 20, tags: [tag('p1', 'p', 'Actor', 0, 5), tag('r1', 'r', 'Actor', 2, 5)] }
      ]
    })
    const qr = apart.pairwise.find((x) => x.a === 'q' && x.b === 'r')!
    expect(qr.articles).toBe(0)
    expect(qr.unitizingAlpha).toEqual({ ok: false, reason: 'no_units', message: 'These two annotators did not both code any of the included articles.' })
    // the span measures give the same reason, not "no spans were marked": both coders marked spans, in different articles
    for (const m of [qr.exact, qr.overlap]) for (const v of [m.precision, m.recall, m.f1]) expect(v).toEqual(qr.unitizingAlpha)
    expect(apart.pairwise.find((x) => x.a === 'p' && x.b === 'q')!.unitizingAlpha).toMatchObject({ ok: true, value: 1, articles: 1 })

    const claims = buildAgreementReport({ ...THREE, labelFilter: ['Claim'] })
    for (const p of claims.pairwise)
      expect(p.unitizingAlpha).toEqual({ ok: false, reason: 'no_units', message: 'No annotator marked any unit of these labels, so there is nothing to compare.' })
    expect(JSON.stringify([apart, claims])).not.toMatch(/NaN|Infinity|null/)
  })
})
