import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Annotation } from '../../../src/shared/domain'
import { AppError } from '../../../src/shared/errors'
import { dispatch } from '../../../src/main/api/dispatch'
import { AnnotationService } from '../../../src/main/annotations/annotation-service'
import type { Store } from '../../../src/main/store/store'
import { ANA, addArticle, cleanupTemp, cpIndexOf, createTempProject } from '../../helpers/project'
import { createTempWorkbench } from '../../helpers/workbench'
import { appError } from '../../helpers/app-error'

// an astral character before the spans, so code point and UTF-16 offsets differ
const TEXT = 'Report 😊: the ELN said on Sunday that its Eastern War Front would observe the truce in Arauca.'

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

const span = (needle: string) => ({ start: cpIndexOf(text, needle), end: cpIndexOf(text, needle) + Array.from(needle).length })
const ranges = (a: Annotation) => a.fragments.map(({ start, end }) => ({ start, end }))
const fragmentRows = () => store.db.prepare('SELECT idx, start, end, quote, prefix, suffix FROM fragment ORDER BY idx').all()
const changeCount = () => store.db.prepare('SELECT count(*) FROM change_log').pluck().get() as number

function actor(needle = 'the ELN'): Annotation {
  return service.create(ANA, { articleId, label: 'Actor', fragments: [span(needle)] }).upserted[0]!
}

describe('adding and removing fragments of a tag', () => {
  it('adds a fragment as one described action: sorted, quoted with context, the tag row covering both', () => {
    const tag = actor()
    // the new fragment is sent first, out of order: the store sorts
    const m = service.update(ANA, { id: tag.id, fragments: [span('its Eastern War Front'), ...ranges(tag)] })
    expect(m.description).toBe('add fragment “its Eastern War Front” to Actor “the ELN”')
    const updated = m.upserted[0]!
    expect(updated.fragments.map((f) => f.quote)).toEqual(['the ELN', 'its Eastern War Front'])
    expect(updated.fragments[1]).toMatchObject({ ...span('its Eastern War Front'), prefix: ' 😊: the ELN said on Sunday that ', suffix: ' would observe the truce in Arau' })
    expect(updated).toMatchObject({ id: tag.id, label: 'Actor', createdAt: tag.createdAt })
    expect(store.db.prepare('SELECT start, end FROM annotation').get()).toEqual({ start: span('the ELN').start, end: span('its Eastern War Front').end })
    expect(store.annotations.listByArticle(articleId)).toEqual([updated])
    expect(changeCount()).toBe(2)
    expect(service.history(ANA, articleId).undoDescription).toBe('add fragment “its Eastern War Front” to Actor “the ELN”')
  })

  it('removes one fragment when sent the list without it', () => {
    const tag = actor()
    const two = service.update(ANA, { id: tag.id, fragments: [...ranges(tag), span('Eastern War Front')] }).upserted[0]!
    const m = service.update(ANA, { id: tag.id, fragments: [ranges(two)[1]!] })
    expect(m.description).toBe('remove fragment “the ELN” from Actor “Eastern War Front”')
    expect(m.upserted[0]!.fragments.map((f) => f.quote)).toEqual(['Eastern War Front'])
    expect(fragmentRows()).toHaveLength(1)
  })

  it('undo and redo restore the fragments exactly, quotes and context included', () => {
    const tag = actor()
    const one = fragmentRows()
    service.update(ANA, { id: tag.id, fragments: [...ranges(tag), span('Arauca')] })
    const two = fragmentRows()
    expect(two).toHaveLength(2)

    const undone = service.undo(ANA, articleId)!
    expect(undone.description).toBe('Undid: add fragment “Arauca” to Actor “the ELN”')
    expect(undone.upserted[0]!.fragments.map((f) => f.quote)).toEqual(['the ELN'])
    expect(fragmentRows()).toEqual(one)
    expect(store.annotations.get(tag.id)).toEqual(tag)

    service.redo(ANA, articleId)
    expect(fragmentRows()).toEqual(two)

    service.update(ANA, { id: tag.id, fragments: [span('Arauca')] })
    service.undo(ANA, articleId)
    expect(fragmentRows()).toEqual(two)
  })

  it.each([
    ['overlaps a fragment it has', () => 'ELN said', 'overlap'],
    ['repeats a fragment it has', () => 'the ELN', 'overlap'],
    ['lies outside the text', () => ({ start: 80, end: 500 }), 'lies outside the text'],
    ['is empty', () => ({ start: 20, end: 20 }), 'is empty']
  ])('refuses a new fragment that %s, changing nothing', (_what, fragment, message) => {
    const tag = actor()
    const before = fragmentRows()
    const f = fragment()
    const error = appError(() => service.update(ANA, { id: tag.id, fragments: [...ranges(tag), typeof f === 'string' ? span(f) : f] }))
    expect(error.code).toBe('VALIDATION')
    expect(error.message).toContain(message)
    expect(fragmentRows()).toEqual(before)
    expect(changeCount()).toBe(1)
  })

  it('names both fragments when they overlap', () => {
    const tag = actor()
    expect(appError(() => service.update(ANA, { id: tag.id, fragments: [...ranges(tag), span('ELN said')] })).message).toBe(
      'Fragments 1 (“the ELN”) and 2 (“ELN said”) overlap; merge them into one.'
    )
  })

  it('refuses removing the last fragment and says to delete the tag instead', () => {
    const tag = actor()
    const error = appError(() => service.update(ANA, { id: tag.id, fragments: [] }))
    expect(error.code).toBe('VALIDATION')
    expect(error.message).toBe('A tag needs at least one fragment: to remove “the ELN”, delete the Actor tag instead.')
    expect(store.annotations.get(tag.id)).toEqual(tag)
  })

  it('keeps the codebook version a tag was coded under: a fragment edit is not a coding edit', () => {
    const tag = actor()
    const version = store.annotations.snapshot(tag.id)!.codebookVersion
    service.update(ANA, { id: tag.id, fragments: [...ranges(tag), span('Arauca')] })
    expect(store.annotations.snapshot(tag.id)!.codebookVersion).toBe(version)
  })
})

describe('annotations.update with fragments through the contract', () => {
  it('accepts up to 50 fragments and refuses more, and passes an empty list on to the clear refusal', async () => {
    const t = createTempWorkbench({ userName: 'Ana' })
    try {
      expect(await dispatch(t.handlers, 'project.create', { name: 'Fragments' })).toMatchObject({ ok: true })
      const id = addArticle(t.wb.store, 'word '.repeat(60))
      const created = await dispatch(t.handlers, 'annotations.create', { articleId: id, label: 'Actor', fragments: [{ start: 0, end: 4 }] })
      if (!created.ok) throw new Error(created.error.message)
      const tagId = (created.value as { upserted: Annotation[] }).upserted[0]!.id
      const words = (n: number) => Array.from({ length: n }, (_, i) => ({ start: i * 5, end: i * 5 + 4 }))

      const fifty = await dispatch(t.handlers, 'annotations.update', { id: tagId, fragments: words(50) })
      expect(fifty).toMatchObject({ ok: true })
      expect(t.wb.store.annotations.get(tagId)!.fragments).toHaveLength(50)
      const more = await dispatch(t.handlers, 'annotations.update', { id: tagId, fragments: words(51) })
      expect(more).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
      expect(!more.ok && more.error.message).toContain('a tag has at most 50 fragments')
      const none = await dispatch(t.handlers, 'annotations.update', { id: tagId, fragments: [] })
      expect(none).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('delete the Actor tag instead') } })
      // only the create and the 50-fragment edit changed anything
      expect(t.events.filter((e) => e.event === 'project.changed' && (e.payload as { what: string }).what === 'annotations')).toHaveLength(2)
    } finally {
      t.wb.close()
    }
  })
})
