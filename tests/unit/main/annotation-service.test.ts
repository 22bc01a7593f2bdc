import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/errors'
import { CONTEXT_CHARS } from '../../../src/shared/offsets'
import { AnnotationService } from '../../../src/main/annotations/annotation-service'
import type { Store } from '../../../src/main/store/store'
import { ANA, BEN, addArticle, cleanupTemp, cpIndexOf, cpSlice, createTempProject } from '../../helpers/project'
import { appError } from '../../helpers/app-error'

// astral emoji (a ZWJ family, a flag, a skin tone) and combining marks with no precomposed form, all before the span
const TEXT =
  'Report 👨‍👩‍👧 from 🇨🇴 and 👍🏽: x\u0301 q\u0307 said the long preamble continues for a while here.\n' +
  'The Northern Liberation Front agreed to a ceasefire. More text follows after the span, enough for context.'

let store: Store
let service: AnnotationService
let articleId: number
let text: string

beforeEach(() => {
  store = createTempProject().store
  service = new AnnotationService(store)
  articleId = addArticle(store, TEXT)
  text = store.articles.get(articleId)!.text
})
afterEach(cleanupTemp)

const count = (table: string) => store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
const tagCount = () => store.articles.get(articleId)!.tagCount

describe('AnnotationService.create', () => {
  it('stores code point offsets with the exact quote and 32 code points of prefix and suffix', () => {
    const span = 'Northern Liberation Front'
    const start = cpIndexOf(text, span)
    const end = start + Array.from(span).length
    expect(text.indexOf(span)).toBeGreaterThan(start) // the emoji make UTF-16 and code point offsets differ

    const m = service.create(ANA, { articleId, label: 'Actor', fragments: [{ start, end }], note: 'the Front' })
    expect(m.upserted).toHaveLength(1)
    const [tag] = m.upserted
    expect(tag!.fragments).toEqual([
      { start, end, quote: span, prefix: cpSlice(text, start - CONTEXT_CHARS, start), suffix: cpSlice(text, end, end + CONTEXT_CHARS) }
    ])
    expect(tag).toMatchObject({ articleId, label: 'Actor', note: 'the Front', annotatorId: ANA.id, annotatorName: 'Ana', status: 'draft' })
    expect(store.annotations.get(tag!.id)).toEqual(tag)
  })

  it('quotes spans that start or end inside emoji sequences and combining marks by code point, with short context at the edges', () => {
    const start = cpIndexOf(text, '🇨🇴')
    const m = service.create(ANA, { articleId, label: 'Place', fragments: [{ start, end: start + 1 }] })
    expect(m.upserted[0]!.fragments[0]!.quote).toBe('🇨') // one regional indicator: one code point
    const atStart = service.create(ANA, { articleId, label: 'Quantity', fragments: [{ start: 0, end: 6 }] })
    expect(atStart.upserted[0]!.fragments[0]).toMatchObject({ quote: 'Report', prefix: '' })
    const x = cpIndexOf(text, 'x\u0301')
    const mark = service.create(ANA, { articleId, label: 'Claim', fragments: [{ start: x, end: x + 2 }] })
    expect(mark.upserted[0]!.fragments[0]!.quote).toBe('x\u0301')
  })

  it('stores several fragments sorted by start, and the stored start/end cover them all', () => {
    const a = cpIndexOf(text, 'Northern')
    const b = cpIndexOf(text, 'ceasefire')
    const m = service.create(ANA, { articleId, label: 'Event', fragments: [{ start: b, end: b + 9 }, { start: a, end: a + 8 }] })
    expect(m.upserted[0]!.fragments.map((f) => f.quote)).toEqual(['Northern', 'ceasefire'])
    expect(store.db.prepare('SELECT start, end FROM annotation').get()).toEqual({ start: a, end: b + 9 })
    expect(m.description).toBe('tag “Northern … ceasefire” as Event')
  })

  it.each([
    ['a negative start', [{ start: -1, end: 3 }], 'lies outside the text'],
    ['an end past the text', [{ start: 0, end: 100_000 }], 'lies outside the text'],
    ['an empty range', [{ start: 5, end: 5 }], 'is empty'],
    ['an end before the start', [{ start: 9, end: 4 }], 'is empty'],
    ['fractional offsets', [{ start: 1.5, end: 4 }], 'whole numbers'],
    ['overlapping fragments', [{ start: 0, end: 10 }, { start: 5, end: 12 }], 'overlap']
  ])('rejects %s with VALIDATION and writes nothing', (_what, fragments, message) => {
    const error = appError(() => service.create(ANA, { articleId, label: 'Actor', fragments }))
    expect(error.code).toBe('VALIDATION')
    expect(error.message).toContain(message)
    expect(count('annotation')).toBe(0)
    expect(count('change_log')).toBe(0)
    expect(tagCount()).toBe(0)
  })

  it('rejects an unknown article with NOT_FOUND', () => {
    expect(() => service.create(ANA, { articleId: 999, label: 'Actor', fragments: [{ start: 0, end: 1 }] })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' })
    )
  })
})

describe('AnnotationService.update and delete', () => {
  it('updates label and note, keeping id, fragments and createdAt', () => {
    const created = service.create(ANA, { articleId, label: 'Actor', fragments: [{ start: 0, end: 6 }] }).upserted[0]!
    const m = service.update(ANA, { id: created.id, label: 'Quantity', note: 'wire service' })
    expect(m.description).toBe('relabel as Quantity “Report”')
    const updated = store.annotations.get(created.id)!
    expect(updated).toMatchObject({ id: created.id, label: 'Quantity', note: 'wire service', fragments: created.fragments, createdAt: created.createdAt })
    expect(m.upserted).toEqual([updated])
    const noteOnly = service.update(ANA, { id: created.id, note: 'changed' })
    expect(noteOnly.description).toBe('edit note of “Report”')
    expect(store.annotations.get(created.id)).toMatchObject({ label: 'Quantity', note: 'changed' })
    expect(tagCount()).toBe(1)
  })

  it('deletes a tag with its fragments', () => {
    const created = service.create(ANA, { articleId, label: 'Actor', fragments: [{ start: 0, end: 6 }] }).upserted[0]!
    const m = service.delete(ANA, created.id)
    expect(m.removed).toEqual([created.id])
    expect(store.annotations.get(created.id)).toBeNull()
    expect(count('fragment')).toBe(0)
    expect(tagCount()).toBe(0)
  })

  it('reports NOT_FOUND when updating or deleting a tag that does not exist', () => {
    const id = '33333333-3333-4333-8333-333333333333'
    expect(() => service.update(ANA, { id, label: 'X' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
    expect(() => service.delete(ANA, id)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
  })
})

describe('layers belong to their coders', () => {
  const front = () => cpIndexOf(text, 'Northern Liberation Front')
  const bensTag = () => {
    const id = service.create(BEN, { articleId, label: 'Actor', fragments: [{ start: front(), end: front() + 25 }], note: 'the NLF', attributes: { mention_form: 'name' } }).upserted[0]!.id
    const event = service.create(BEN, { articleId, label: 'Event', fragments: [{ start: cpIndexOf(text, 'agreed'), end: cpIndexOf(text, 'agreed') + 6 }] }).upserted[0]!.id
    service.link(BEN, { from: event, type: 'perpetrator', to: id })
    return { id, event }
  }
  const before = () => JSON.stringify(store.annotations.listByArticle(articleId))

  it("refuses to change, delete, link or unlink a colleague's tag, naming whose it is, and changes nothing", () => {
    const { id, event } = bensTag()
    const mine = service.create(ANA, { articleId, label: 'Event', fragments: [{ start: 0, end: 6 }] }).upserted[0]!.id
    const was = before()
    const refusals = [
      () => service.update(ANA, { id, label: 'Claim' }),
      () => service.update(ANA, { id, note: 'mine now' }),
      () => service.update(ANA, { id, attributes: { mention_form: 'pronoun' } }),
      () => service.update(ANA, { id, fragments: [{ start: front(), end: front() + 8 }] }),
      () => service.delete(ANA, id),
      () => service.link(ANA, { from: event, type: 'perpetrator', to: mine }),
      () => service.unlink(ANA, { from: event, type: 'perpetrator', to: id })
    ]
    for (const refuse of refusals) expect(appError(refuse).message).toMatch(/Ben's (Actor|Event) “.+”: each coder changes only their own layer/)
    // nor may my tag link into his layer
    expect(appError(() => service.link(ANA, { from: mine, type: 'perpetrator', to: id })).message).toContain('Links join tags of one layer; “Northern Liberation Front” is Ben')
    expect(before()).toBe(was)
  })

  it("lets a reviewer mark a colleague's tag's status", () => {
    const { id } = bensTag()
    service.update(ANA, { id, status: 'changes_requested' })
    expect(store.annotations.get(id)!.status).toBe('changes_requested')
  })

  it("copies a colleague's tag into my layer with its label, span, attributes and note, as one undoable action", () => {
    const { id } = bensTag()
    const m = service.copy(ANA, id)
    expect(m.description).toBe('copy Ben\'s Actor “Northern Liberation Front” to my layer')
    const copy = store.annotations.get(m.upserted[0]!.id)!
    expect(copy).toMatchObject({ annotatorId: ANA.id, label: 'Actor', note: 'the NLF', attributes: { mention_form: 'name' }, status: 'draft', links: [] })
    expect(copy.fragments.map((f) => [f.start, f.end, f.quote])).toEqual([[front(), front() + 25, 'Northern Liberation Front']])
    service.update(ANA, { id: copy.id, note: 'my reading' })
    expect(store.annotations.get(id)!.note).toBe('the NLF')
    expect(appError(() => service.copy(ANA, id)).message).toContain('You already have this Actor tag')
    expect(appError(() => service.copy(ANA, copy.id)).message).toContain('is already your tag')
    service.undo(ANA, articleId)
    service.undo(ANA, articleId)
    expect(store.annotations.get(copy.id)).toBeNull()
  })
})
