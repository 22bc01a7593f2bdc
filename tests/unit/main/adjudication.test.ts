import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterEach, describe, expect, it } from 'vitest'
import { runExport } from '../../../src/main/export/run-export'
import { exportOptions } from '../../../src/shared/exchange/export-options'
import { AnnotationService } from '../../../src/main/annotations/annotation-service'
import { ReviewService } from '../../../src/main/review/review-service'
import { agreementInput } from '../../../src/main/review/agreement-input'
import { buildAgreementReport } from '../../../src/shared/agreement/agreement-report'
import { GOLD_LAYER } from '../../../src/main/store/migrations/0008-review'
import type { User } from '../../../src/shared/domain'
import { ANA, BEN, addArticle, cleanupTemp, createTempProject, tempDir } from '../../helpers/project'

afterEach(cleanupTemp)
const TEXT = 'Gunmen of the Mobile Column attacked police officers in Neiva, Huila, killing seven. The president condemned it.'
const REVIEWER: User = { id: '33333333-3333-4333-8333-333333333333', name: 'Rita' }

function setup() {
  const { store } = createTempProject()
  const articleId = addArticle(store, TEXT)
  const service = new AnnotationService(store)
  const review = new ReviewService(store, service)
  const tag = (user: User, label: string, words: string, attributes?: Record<string, unknown>) => {
    const start = TEXT.indexOf(words)
    const id = service.create(user, { articleId, label, fragments: [{ start, end: start + words.length }] }).upserted[0]!.id
    if (attributes) service.update(user, { id, attributes })
    return id
  }
  // Ana and Ben agree on the perpetrator, disagree on the event's fatalities and on the boundary of the target
  const aCol = tag(ANA, 'Actor', 'Mobile Column')
  const bCol = tag(BEN, 'Actor', 'Mobile Column')
  const aPol = tag(ANA, 'Actor', 'police officers')
  const bPol = tag(BEN, 'Actor', 'police')
  const aEv = tag(ANA, 'Event', 'attacked', { fatalities_low: 7 })
  const bEv = tag(BEN, 'Event', 'attacked', { fatalities_low: 8 })
  service.link(ANA, { from: aEv, type: 'perpetrator', to: aCol })
  service.link(BEN, { from: bEv, type: 'perpetrator', to: bCol })
  const bClaim = tag(BEN, 'Claim', 'The president condemned it')
  const gold = () => store.annotations.listByArticle(articleId).filter((a) => a.annotatorId === GOLD_LAYER)
  return { store, service, review, articleId, aCol, bCol, aPol, bPol, aEv, bEv, bClaim, gold }
}

describe('review and adjudication', () => {
  it('exports every decision in the adjudications table: candidates, chosen and gold tag, who, when and why', () => {
    const { store, review, articleId, aEv, bEv, aPol, bPol, bClaim } = setup()
    review.decide(REVIEWER, { articleId, candidates: [aEv, bEv], decision: 'accept', chosenId: bEv, reason: 'the article says eight died', guideline: 'fatalities §4.2' })
    review.decide(REVIEWER, { articleId, candidates: [aPol, bPol], decision: 'reject', reason: 'not an actor here', guideline: '' })
    review.decide(REVIEWER, { articleId, candidates: [bClaim], decision: 'accept', chosenId: bClaim, reason: '', guideline: '' })
    const dir = join(tempDir(), 'tables')
    const result = runExport(store, exportOptions.parse({ format: 'csv', destination: dir }))
    expect(result.files).toContain('adjudications.csv')
    const rows = parse(readFileSync(join(dir, 'adjudications.csv')), { columns: true, bom: true }) as Record<string, string>[]
    expect(rows.map((r) => [r.decision, r.candidate_tag_ids, r.candidate_annotators, r.chosen_tag_id, r.reason, r.guideline, r.decided_by_name])).toEqual([
      ['accept', `${aEv}|${bEv}`, 'Ana|Ben', bEv, 'the article says eight died', 'fatalities §4.2', 'Rita'],
      ['reject', `${aPol}|${bPol}`, 'Ana|Ben', '', 'not an actor here', '', 'Rita'],
      ['accept', bClaim, 'Ben', bClaim, '', '', 'Rita']
    ])
    expect(rows[0]).toMatchObject({ article_id: String(articleId), gold_tag_id: store.review.decisions(articleId)[0]!.goldId, gold_exists: 'true', candidate_labels: 'Event|Event' })
  })

  it('lists the article’s units with their disagreements', () => {
    const { review, articleId, aPol, bPol, aEv, bEv, bClaim } = setup()
    const r = review.article(REVIEWER, articleId)
    expect(r.compared.sort()).toEqual([ANA.id, BEN.id].sort())
    const byMember = (id: string) => r.units.find((u) => Object.values(u.members).includes(id))!
    expect(byMember(aPol).kinds).toEqual(['boundary'])
    expect(byMember(aPol).members[BEN.id]).toBe(bPol)
    expect(byMember(aEv).kinds).toEqual(['attribute'])
    // attributes by their codebook names, values as coded
    expect(byMember(aEv).details).toEqual(['Fatalities, low: Ana 7, Ben 8'])
    expect(byMember(aEv).members[BEN.id]).toBe(bEv)
    expect(byMember(bClaim).kinds).toEqual(['missing'])
    expect(r.units.filter((u) => u.kinds.length === 0)).toHaveLength(1)
    expect(r.units.every((u) => !u.settled && u.decision === null)).toBe(true)
  })

  it('compares a lean read of the compared layers that matches their full tags', () => {
    const { store, service, review, articleId, aEv, bEv } = setup()
    const two = service.create(ANA, { articleId, label: 'Place', fragments: [{ start: TEXT.indexOf('Neiva'), end: TEXT.indexOf('Neiva') + 5 }, { start: TEXT.indexOf('Huila'), end: TEXT.indexOf('Huila') + 5 }] }).upserted[0]!
    review.decide(REVIEWER, { articleId, candidates: [aEv, bEv], decision: 'accept', chosenId: aEv, reason: '', guideline: '' })
    const lean = store.review.comparedTags(articleId, [ANA.id, BEN.id])
    const full = store.annotations.listByArticle(articleId).filter((a) => a.annotatorId !== GOLD_LAYER)
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id)
    expect(lean.sort(byId)).toEqual(
      full.map((a) => ({ id: a.id, annotatorId: a.annotatorId, label: a.label, fragments: a.fragments.map((f) => ({ start: f.start, end: f.end })), attributes: a.attributes, links: a.links })).sort(byId)
    )
    expect(lean.find((t) => t.id === two.id)!.fragments).toHaveLength(2)
    expect(store.review.comparedTags(articleId, [BEN.id]).every((t) => t.annotatorId === BEN.id)).toBe(true)
  })

  it('accepting a version copies it into the gold layer, records who/why, and marks the versions accepted and rejected', () => {
    const { store, review, articleId, aEv, bEv, gold } = setup()
    const m = review.decide(REVIEWER, { articleId, candidates: [aEv, bEv], decision: 'accept', chosenId: bEv, reason: 'the article says eight died', guideline: 'fatalities §4.2' })
    expect(m.description).toBe('accept Ben’s version of “attacked” into gold'.replace('’', "'"))
    const [g] = gold()
    expect(g).toMatchObject({ label: 'Event', attributes: { fatalities_low: 8 }, status: 'accepted', annotatorId: GOLD_LAYER })
    expect(store.annotations.get(bEv)!.status).toBe('accepted')
    expect(store.annotations.get(aEv)!.status).toBe('rejected')
    const [d] = store.review.decisions(articleId)
    expect(d).toMatchObject({ decision: 'accept', chosenId: bEv, goldId: g!.id, goldExists: true, reason: 'the article says eight died', guideline: 'fatalities §4.2', decidedBy: REVIEWER.id, decidedByName: 'Rita' })
    expect(d!.candidates.map((c) => [c.annotatorName, c.attributes])).toEqual([['Ana', { fatalities_low: 7 }], ['Ben', { fatalities_low: 8 }]])
    const unit = review.article(REVIEWER, articleId).units.find((u) => u.members[ANA.id] === aEv)!
    expect(unit.settled).toBe(true)
  })

  it('carries links into gold once both ends are adjudicated, in either order', () => {
    const { review, articleId, aCol, bCol, aEv, bEv, gold } = setup()
    review.decide(REVIEWER, { articleId, candidates: [aEv, bEv], decision: 'accept', chosenId: aEv, reason: '', guideline: '' })
    expect(gold()[0]!.links).toEqual([])
    review.decide(REVIEWER, { articleId, candidates: [aCol, bCol], decision: 'accept', chosenId: aCol, reason: '', guideline: '' })
    const goldEvent = gold().find((g) => g.label === 'Event')!
    const goldActor = gold().find((g) => g.label === 'Actor')!
    expect(goldEvent.links).toEqual([{ type: 'perpetrator', to: goldActor.id }])
  })

  it('merge writes the adjudicator’s tag; reject writes none; a new decision on the same versions replaces the gold tag', () => {
    const { store, review, articleId, aPol, bPol, bClaim, gold } = setup()
    const start = TEXT.indexOf('police officers')
    review.decide(REVIEWER, { articleId, candidates: [aPol, bPol], decision: 'merge', result: { label: 'Actor', fragments: [{ start, end: start + 15 }], attributes: {}, note: 'span per guideline' }, reason: 'full noun phrase', guideline: '' })
    expect(gold().map((g) => [g.label, g.fragments[0]!.quote, g.note])).toEqual([['Actor', 'police officers', 'span per guideline']])
    expect([store.annotations.get(aPol)!.status, store.annotations.get(bPol)!.status]).toEqual(['accepted', 'rejected'])
    review.decide(REVIEWER, { articleId, candidates: [aPol, bPol], decision: 'accept', chosenId: bPol, reason: 'changed my mind', guideline: '' })
    expect(gold().map((g) => g.fragments[0]!.quote)).toEqual(['police'])
    review.decide(REVIEWER, { articleId, candidates: [bClaim], decision: 'reject', reason: 'not a claim about the talks', guideline: '' })
    expect(gold()).toHaveLength(1)
    expect(store.annotations.get(bClaim)!.status).toBe('rejected')
    const decisions = store.review.decisions(articleId)
    expect(decisions.map((d) => [d.decision, d.goldExists])).toEqual([['merge', false], ['accept', true], ['reject', false]])
  })

  it('lists a gold tag whose versions their coders have since deleted, so the reviewer can keep or remove it', () => {
    const { service, review, articleId, aPol, bPol, gold } = setup()
    review.decide(REVIEWER, { articleId, candidates: [aPol, bPol], decision: 'accept', chosenId: aPol, reason: '', guideline: '' })
    const goldId = gold()[0]!.id
    expect(review.article(REVIEWER, articleId).strandedGold).toEqual([])
    service.delete(ANA, aPol)
    // one version left: the unit still shows the decision
    expect(review.article(REVIEWER, articleId).strandedGold).toEqual([])
    service.delete(BEN, bPol)
    expect(review.article(REVIEWER, articleId).strandedGold).toEqual([goldId])
    service.delete(REVIEWER, goldId)
    expect(review.article(REVIEWER, articleId).strandedGold).toEqual([])
  })

  it('a merge accepts only the versions the gold tag equals in span and attributes: one whose value it did not take is rejected', () => {
    const { store, review, articleId, aEv, bEv } = setup()
    const start = TEXT.indexOf('attacked')
    // same span and label in both versions; the gold tag takes Ben's fatality figure
    review.decide(REVIEWER, { articleId, candidates: [aEv, bEv], decision: 'merge', result: { label: 'Event', fragments: [{ start, end: start + 8 }], attributes: { fatalities_low: 8 }, note: '' }, reason: '', guideline: '' })
    expect([store.annotations.get(aEv)!.status, store.annotations.get(bEv)!.status]).toEqual(['rejected', 'accepted'])
  })

  it('reviews an article one coder marked done with nothing to tag: every unit is missing in that layer, as agreement counts it', () => {
    const { store, service, review } = setup()
    const second = addArticle(store, 'The ELN met the Clan del Golfo in Quibdó.', 'second.txt')
    service.create(BEN, { articleId: second, label: 'Actor', fragments: [{ start: 4, end: 7 }] })
    expect(() => review.article(REVIEWER, second).compared).not.toThrow()
    expect(review.article(REVIEWER, second).compared).toEqual([BEN.id])
    review.markDone(ANA, second, true)
    const r = review.article(REVIEWER, second)
    expect(r.compared.sort()).toEqual([ANA.id, BEN.id].sort())
    expect(r.units.map((u) => [u.kinds, u.members[ANA.id]])).toEqual([[['missing'], null]])
    expect(review.corpus(REVIEWER).map((row) => row.articleId)).toContain(second)
  })

  it('an edit that gives the gold tag another label keeps only the attributes that label has', () => {
    const { review, articleId, aEv, bEv, gold } = setup()
    const start = TEXT.indexOf('attacked')
    const result = { label: 'Claim', fragments: [{ start, end: start + 8 }], attributes: { fatalities_low: 7, certainty: 'certain' }, note: '' }
    review.decide(REVIEWER, { articleId, candidates: [aEv, bEv], decision: 'edit', result, reason: 'a claim, not an event', guideline: '' })
    expect(gold().map((g) => [g.label, g.attributes])).toEqual([['Claim', { certainty: 'certain' }]])
  })

  it('is one undoable action of the adjudicator: undo removes the gold tag and restores statuses; the decision stays on record', () => {
    const { store, service, review, articleId, aEv, bEv, gold } = setup()
    review.decide(REVIEWER, { articleId, candidates: [aEv, bEv], decision: 'accept', chosenId: aEv, reason: '', guideline: '' })
    service.undo(REVIEWER, articleId)
    expect(gold()).toEqual([])
    expect([store.annotations.get(aEv)!.status, store.annotations.get(bEv)!.status]).toEqual(['draft', 'draft'])
    expect(store.review.decisions(articleId).map((d) => d.goldExists)).toEqual([false])
    expect(review.article(REVIEWER, articleId).units.find((u) => u.members[ANA.id] === aEv)!.settled).toBe(false)
    service.redo(REVIEWER, articleId)
    expect(gold()).toHaveLength(1)
  })

  it('an undone rejection, or a version changed since its decision, reopens the unit', () => {
    const { service, review, articleId, aPol, bPol, aEv, bEv } = setup()
    const unitOf = (id: string) => review.article(REVIEWER, articleId).units.find((u) => Object.values(u.members).includes(id))!
    review.decide(REVIEWER, { articleId, candidates: [aPol, bPol], decision: 'reject', reason: '', guideline: '' })
    expect(unitOf(aPol).settled).toBe(true)
    service.undo(REVIEWER, articleId)
    expect(unitOf(aPol).decision?.decision).toBe('reject')
    expect(unitOf(aPol).settled).toBe(false)
    service.redo(REVIEWER, articleId)
    expect(unitOf(aPol).settled).toBe(true)
    review.decide(REVIEWER, { articleId, candidates: [aEv, bEv], decision: 'accept', chosenId: bEv, reason: '', guideline: '' })
    expect(unitOf(aEv).settled).toBe(true)
    // Ben's newer pack says something else about the event: the decision no longer covers what is there
    service.update(BEN, { id: bEv, attributes: { fatalities_low: 9 } })
    expect(unitOf(aEv).settled).toBe(false)
    service.undo(BEN, articleId)
    expect(unitOf(aEv).settled).toBe(true)
    service.delete(ANA, aEv)
    expect(unitOf(bEv).settled).toBe(false)
  })

  it('accepting agreed units marks every coder’s matching version accepted, not only the first', () => {
    const { store, review, articleId, aCol, bCol } = setup()
    review.acceptAgreed(REVIEWER, articleId)
    expect([store.annotations.get(aCol)!.status, store.annotations.get(bCol)!.status]).toEqual(['accepted', 'accepted'])
  })

  it('accepts every agreed unit in one action, and refuses bad decisions without changing anything', () => {
    const { store, review, articleId, aCol, aEv, bEv, gold } = setup()
    const m = review.acceptAgreed(REVIEWER, articleId)!
    expect(m.description).toBe('accept 1 agreed tag into gold')
    expect(gold().map((g) => g.fragments[0]!.quote)).toEqual(['Mobile Column'])
    expect(review.acceptAgreed(REVIEWER, articleId)).toBeNull()
    const before = JSON.stringify(store.annotations.listByArticle(articleId))
    expect(() => review.decide(REVIEWER, { articleId, candidates: [aEv, bEv], decision: 'merge', result: { label: 'Event', fragments: [{ start: 0, end: 999 }], attributes: {}, note: '' }, reason: '', guideline: '' })).toThrow(/Fragment 1/)
    expect(() => review.decide(REVIEWER, { articleId, candidates: [aEv, bEv], decision: 'merge', result: { label: 'Event', fragments: [{ start: 0, end: 6 }], attributes: { fatalities_low: 'many' }, note: '' }, reason: '', guideline: '' })).toThrow()
    expect(() => review.decide(REVIEWER, { articleId, candidates: [gold()[0]!.id], decision: 'reject', reason: '', guideline: '' })).toThrow('A gold tag is the outcome of a decision')
    expect(() => review.decide(REVIEWER, { articleId: articleId + 1, candidates: [aCol], decision: 'reject', reason: '', guideline: '' })).toThrow('does not exist')
    expect(JSON.stringify(store.annotations.listByArticle(articleId))).toBe(before)
  })

  it('blind coding hides colleagues’ layers from a coder until they mark the article done', () => {
    const { store, review, articleId } = setup()
    expect(review.visible(ANA, articleId).annotations.some((a) => a.annotatorId === BEN.id)).toBe(true)
    review.setBlindCoding(true)
    const blind = review.visible(ANA, articleId)
    expect(blind.annotations.every((a) => a.annotatorId === ANA.id)).toBe(true)
    expect(blind.hiddenLayers).toBe(1)
    expect(review.hiddenLayers(ANA, articleId)).toBe(1)
    expect(review.hiddenLayers(BEN, articleId)).toBe(1)
    expect(() => review.article(ANA, articleId)).toThrow('Blind coding is on')
    expect(review.corpus(ANA)).toEqual([])
    // a reviewer who coded nothing here is not shown a review whose every version the article view hides
    expect(() => review.article(REVIEWER, articleId)).toThrow('Blind coding is on')
    expect(() => review.acceptAgreed(REVIEWER, articleId)).toThrow('Blind coding is on')
    expect(review.corpus(REVIEWER)).toEqual([])
    // nothing else tells Ana what Ben coded: not the layer chips, not the corpus list's counts, not the agreement report
    expect(review.layers(ANA, articleId).map((l) => l.annotatorId)).toEqual([ANA.id])
    const row = (blindFor: string | null) => store.articles.list({ sort: 'imported', dir: 'asc', limit: 10 }, blindFor).rows[0]!
    expect(row(ANA.id)).toMatchObject({ tagCount: 3, labelCounts: { Actor: 2, Event: 1 } })
    expect(row(null)).toMatchObject({ tagCount: 7, labelCounts: { Actor: 4, Event: 2, Claim: 1 } })
    const blindReport = buildAgreementReport(agreementInput(store, { blindFor: ANA.id }))
    expect(blindReport.articles).toMatchObject({ included: 0, excluded: [{ id: articleId, reason: 'blind_coding' }] })
    expect(blindReport.notes.join(' ')).toContain('blind coding hides colleagues’ tags until you mark an article done')
    review.markDone(ANA, articleId, true)
    expect(store.articles.list({ sort: 'imported', dir: 'asc', limit: 10 }, ANA.id).rows[0]!.tagCount).toBe(7)
    expect(buildAgreementReport(agreementInput(store, { blindFor: ANA.id })).articles.included).toBe(1)
    expect(review.layers(ANA, articleId).map((l) => l.annotatorId).sort()).toEqual([ANA.id, BEN.id].sort())
    expect(review.visible(ANA, articleId).hiddenLayers).toBe(0)
    expect(review.hiddenLayers(ANA, articleId)).toBe(0)
    expect(review.layers(ANA, articleId).find((l) => l.isMe)!.doneAt).not.toBeNull()
    expect(review.corpus(ANA).map((r) => [r.articleId, r.layers, r.disagreements])).toEqual([[articleId, 2, 3]])
    review.markDone(ANA, articleId, false)
    expect(store.review.doneAt(articleId, ANA.id)).toBeNull()
  })

  it('under blind coding the undo tooltip does not quote a colleague’s tag a decision touched before it was switched on', () => {
    const { store, service, review, articleId, bClaim } = setup()
    service.update(ANA, { id: bClaim, status: 'accepted' })
    const quoting = service.history(ANA, articleId).undoDescription!
    expect(quoting).toContain('The president condemned it')
    review.setBlindCoding(true)
    expect(service.history(ANA, articleId).undoDescription).toBe('a change to a tag blind coding hides')
    // undoing it reverses the decision, and redo is worded the same way
    service.undo(ANA, articleId)
    expect(store.annotations.get(bClaim)!.status).not.toBe('accepted')
    expect(service.history(ANA, articleId).redoDescription).toBe('a change to a tag blind coding hides')
    // once Ana marks the article done she sees Ben's layer, and the tooltip quotes it again
    review.markDone(ANA, articleId, true)
    expect(service.history(ANA, articleId).redoDescription).toBe(quoting)
  })

  it('under blind coding counts only colleagues among the hidden layers, not the gold layer', () => {
    const { review, articleId, aEv, bEv } = setup()
    review.decide(REVIEWER, { articleId, candidates: [aEv, bEv], decision: 'accept', chosenId: aEv, reason: '', guideline: '' })
    review.setBlindCoding(true)
    expect(review.visible(ANA, articleId).annotations.every((a) => a.annotatorId === ANA.id)).toBe(true)
    expect(review.hiddenLayers(ANA, articleId)).toBe(1)
  })

  it('keeps comment threads on tags, in order, with their authors', () => {
    const { review, aEv } = setup()
    review.addComment(BEN, aEv, 'Is seven the official figure?')
    const thread = review.addComment(ANA, aEv, 'Yes, per the police statement.')
    expect(thread.map((c) => [c.authorName, c.body])).toEqual([['Ben', 'Is seven the official figure?'], ['Ana', 'Yes, per the police statement.']])
    expect(() => review.addComment(ANA, '44444444-4444-4444-8444-444444444444', 'x')).toThrow('no longer exists')
  })

  it('sets a tag’s status as its own undoable action', () => {
    const { store, service, articleId, aEv } = setup()
    const m = service.update(ANA, { id: aEv, status: 'submitted' })
    expect(m.description).toBe('mark “attacked” submitted')
    expect(store.annotations.get(aEv)!.status).toBe('submitted')
    service.undo(ANA, articleId)
    expect(store.annotations.get(aEv)!.status).toBe('draft')
  })
})
