import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildAgreementReport, type AgreementReportInput, type AttributeStats, type ReportArticle } from '../../../../src/shared/agreement/agreement-report'

const LABELS = ['X', 'Y', 'Z']
const ANNOTATORS = ['a', 'b', 'c', 'd']

/** Random articles by 2-4 annotators, each of whom may skip an article, with attribute values of every kind. */
const reportInput: fc.Arbitrary<AgreementReportInput> = fc.integer({ min: 2, max: 4 }).chain((k) =>
  fc
    .array(
      fc.record({
        length: fc.integer({ min: 0, max: 80 }),
        tags: fc.array(
          fc.record({
            coder: fc.integer({ min: 0, max: k - 1 }),
            label: fc.constantFrom(...LABELS),
            start: fc.integer({ min: 0, max: 85 }),
            size: fc.integer({ min: 0, max: 12 }),
            n: fc.option(fc.integer({ min: -1, max: 3 })),
            s: fc.constantFrom('lo', 'mid', 'hi', 'x', ''),
            m: fc.oneof(fc.constant('p'), fc.subarray(['p', 'q']))
          }),
          { maxLength: 14 }
        )
      }),
      { minLength: 1, maxLength: 6 }
    )
    .map((raw) => ({
      annotators: ANNOTATORS.slice(0, k).map((id) => ({ id, name: id.toUpperCase() })),
      labels: LABELS,
      attributes: [
        { label: 'X', key: 'n', level: 'ratio' },
        { label: 'X', key: 's', level: 'ordinal', order: ['lo', 'mid', 'hi'] },
        { label: 'Y', key: 'm', level: 'nominal' },
        { label: 'Y', key: 'n', level: 'interval' },
        { label: 'Z', key: 's', level: 'nominal' }
      ],
      articles: raw.map(
        (article, id): ReportArticle => ({
          id,
          title: `t${id}`,
          length: article.length,
          tags: article.tags.map((t, i) => ({
            id: `${id}.${i}`,
            annotatorId: ANNOTATORS[t.coder]!,
            label: t.label,
            start: t.start,
            end: t.start + t.size,
            attributes: { n: t.n, s: t.s, m: t.m }
          }))
        })
      )
    }))
)

/** The figures without the sentence, which names its scope ("in this article", "in the included articles"). */
const figures = (a: AttributeStats) => ({ ...a, alpha: a.alpha.ok ? a.alpha : a.alpha.reason })

describe('agreement report: per-article and per-pair figures are the corpus-wide ones of a narrower report', () => {
  it("an article's attribute alphas are the corpus-wide ones of a report on that article alone", () => {
    fc.assert(
      fc.property(reportInput, (input) => {
        const report = buildAgreementReport(input)
        for (const article of report.perArticle) {
          const alone = buildAgreementReport({ ...input, articles: input.articles.filter((a) => a.id === article.id) })
          expect(article.perAttribute.map(figures)).toEqual(alone.perAttribute.map(figures))
        }
      }),
      { numRuns: 150 }
    )
  })

  it("a pair's unitizing alpha is the overall one of a report on those two annotators alone", () => {
    fc.assert(
      fc.property(reportInput, (input) => {
        const report = buildAgreementReport(input)
        for (const pair of report.pairwise) {
          if (pair.articles === 0) continue
          const two = buildAgreementReport({ ...input, annotatorFilter: [pair.a, pair.b] })
          expect(pair.unitizingAlpha).toEqual(two.overall.unitizingAlpha)
        }
      }),
      { numRuns: 150 }
    )
  })
})
