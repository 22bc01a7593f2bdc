import { afterEach, describe, expect, it } from 'vitest'
import { AnnotationService } from '../../../src/main/annotations/annotation-service'
import { agreementInput } from '../../../src/main/review/agreement-input'
import { ReviewService } from '../../../src/main/review/review-service'
import { GOLD_LAYER } from '../../../src/main/store/migrations/0008-review'
import { buildAgreementReport } from '../../../src/shared/agreement/agreement-report'
import type { User } from '../../../src/shared/domain'
import { ANA, BEN, addArticle, cleanupTemp, createTempProject } from '../../helpers/project'

afterEach(cleanupTemp)
const TEXT = 'Gunmen of the Mobile Column attacked police officers in Neiva, Huila, killing seven.'
const SOLO = 'Only Ana coded this one: talks resumed in Havana.'
const CY: User = { id: '55555555-5555-4555-8555-555555555555', name: 'Cy' }

function setup() {
  const { store } = createTempProject()
  const shared = addArticle(store, TEXT, 'shared.txt')
  const solo = addArticle(store, SOLO, 'solo.txt')
  const service = new AnnotationService(store)
  const tag = (user: User, articleId: number, label: string, words: string, attributes?: Record<string, unknown>) => {
    const text = articleId === shared ? TEXT : SOLO
    const start = text.indexOf(words)
    const id = service.create(user, { articleId, label, fragments: [{ start, end: start + words.length }] }).upserted[0]!.id
    if (attributes) service.update(user, { id, attributes })
    return id
  }
  return { store, service, shared, solo, tag }
}

describe('agreementInput', () => {
  it('compares every coder with tags (not gold, not coders without tags) over the articles two or more coded', () => {
    const { store, service, shared, solo, tag } = setup()
    store.ensureAnnotator(CY)
    const a = tag(ANA, shared, 'Event', 'attacked', { date_start: '2025-03-02', fatalities_low: 7 })
    const b = tag(BEN, shared, 'Event', 'attacked', { date_start: '2025-03-04', fatalities_low: 7 })
    tag(ANA, solo, 'Place', 'Havana')
    new ReviewService(store, service).decide(ANA, { articleId: shared, candidates: [a, b], decision: 'accept', chosenId: a, reason: '', guideline: '' })
    const input = agreementInput(store)
    expect(input.annotators.map((x) => x.name)).toEqual(['Ana', 'Ben'])
    // the article only Ana coded comes without its tags, to be listed as left out
    expect(input.articles.map((x) => [x.id, x.length, x.tags.length, x.codedBy!.length])).toEqual([
      [shared, Array.from(TEXT).length, 2, 2],
      [solo, Array.from(SOLO).length, 0, 1]
    ])
    // dates become day numbers two apart, so interval alpha sees the distance
    const days = input.articles[0]!.tags.map((t) => t.attributes['date_start'] as number)
    expect(days[1]! - days[0]!).toBe(2)
    expect(input.attributes).toContainEqual({ label: 'Event', key: 'date_start', name: 'Start date', level: 'interval' })
    expect(input.attributes).toContainEqual({ label: 'Event', key: 'fatalities_low', name: 'Fatalities, low', level: 'ratio' })
    expect(input.attributes.some((x) => x.key === 'location_text')).toBe(false)
    const report = buildAgreementReport(input)
    expect(report.overall.exact.f1).toMatchObject({ ok: true, value: 1 })
    expect(report.articles).toMatchObject({ total: 2, included: 1, excluded: [{ id: solo, reason: 'fewer_than_two_annotators', annotators: 1, message: 'Only Ana of the selected annotators coded this article (tagged it or marked it done).' }] })
    expect(report.notes).toContain('1 of 2 articles were left out because fewer than two of the selected annotators coded them (tagged them or marked them done).')
    // comparing Ana with the gold layer, by name and id
    const gold = agreementInput(store, { annotators: ['ana', GOLD_LAYER] })
    expect(gold.annotators.map((x) => x.id)).toEqual([ANA.id, GOLD_LAYER])
    expect(buildAgreementReport(gold).overall.exact.f1).toMatchObject({ ok: true, value: 1 })
  })

  it('counts a coder who marked an article done without tagging it: all their units are “no span”', () => {
    const { store, shared, tag } = setup()
    tag(ANA, shared, 'Event', 'attacked')
    store.ensureAnnotator(BEN)
    const input = () => agreementInput(store, { annotators: ['Ana', 'Ben'] })
    expect(buildAgreementReport(input()).articles).toMatchObject({ included: 0, excluded: [{ id: shared, annotators: 1 }] })
    store.review.setDone(shared, BEN.id, true)
    const report = buildAgreementReport(input())
    expect(report.articles).toMatchObject({ included: 1, excluded: [] })
    expect(report.overall.exact.f1).toMatchObject({ ok: true, value: 0 })
  })

  it('names an unknown coder and says when there is too little to compare, never NaN', () => {
    const { store, solo, tag } = setup()
    tag(ANA, solo, 'Place', 'Havana')
    expect(() => agreementInput(store, { annotators: ['Zed'] })).toThrow('No coder is called “Zed” in this project; coders: Ana')
    const report = buildAgreementReport(agreementInput(store))
    expect(report.overall.exact.f1.ok).toBe(false)
    expect(JSON.stringify(report)).not.toMatch(/NaN|null,"value"/)
    if (!report.overall.labelKappa.ok) expect(report.overall.labelKappa.message).toMatch(/annotator/)
  })
})
