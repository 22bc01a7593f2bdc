import { afterEach, describe, expect, it } from 'vitest'
import { AnnotationService } from '../../../src/main/annotations/annotation-service'
import { CodebookService } from '../../../src/main/codebook/codebook-service'
import { EMPTY_MIGRATION } from '../../../src/shared/codebook/codebook-migration'
import { ANA, addArticle, cleanupTemp, createTempProject } from '../../helpers/project'

afterEach(cleanupTemp)
const USER = ANA
const TEXT = 'Gunmen of the Mobile Column attacked police officers in Neiva, Huila. The president condemned it.'

function setup() {
  const { store } = createTempProject()
  const articleId = addArticle(store, TEXT)
  const service = new AnnotationService(store)
  const tag = (label: string, words: string) => {
    const start = TEXT.indexOf(words)
    return service.create(USER, { articleId, label, fragments: [{ start, end: start + words.length }] }).upserted[0]!
  }
  const event = tag('Event', 'attacked')
  const column = tag('Actor', 'Mobile Column')
  const police = tag('Actor', 'police officers')
  const place = tag('Place', 'Neiva, Huila')
  const claim = tag('Claim', 'The president condemned it')
  return { store, service, articleId, event, column, police, place, claim }
}

describe('relations between tags', () => {
  it('links valid pairs, lists them on the source tag, and undo/redo remove and restore them', () => {
    const { store, service, articleId, event, column, police } = setup()
    const m = service.link(USER, { from: event.id, type: 'perpetrator', to: column.id })
    expect(m.description).toBe('link Event “attacked” → Perpetrator “Mobile Column”')
    service.link(USER, { from: event.id, type: 'target', to: police.id })
    expect(store.annotations.get(event.id)!.links).toEqual([
      { type: 'perpetrator', to: column.id },
      { type: 'target', to: police.id }
    ])
    service.undo(USER, articleId)
    expect(store.annotations.get(event.id)!.links).toEqual([{ type: 'perpetrator', to: column.id }])
    service.redo(USER, articleId)
    expect(store.annotations.listByArticle(articleId).find((a) => a.id === event.id)!.links).toHaveLength(2)
  })

  it('refuses links the codebook does not allow, duplicates, self-links and links across articles, changing nothing', () => {
    const { store, service, event, column, place, claim } = setup()
    expect(() => service.link(USER, { from: column.id, type: 'perpetrator', to: event.id })).toThrow('Perpetrator links start from Event tags, not from Actor.')
    expect(() => service.link(USER, { from: event.id, type: 'perpetrator', to: place.id })).toThrow('Perpetrator links go to Actor tags, not to Place.')
    expect(() => service.link(USER, { from: event.id, type: 'blames', to: column.id })).toThrow('The codebook has no relation “blames”')
    expect(() => service.link(USER, { from: claim.id, type: 'responds_to', to: claim.id })).toThrow('A tag cannot be linked to itself.')
    service.link(USER, { from: event.id, type: 'perpetrator', to: column.id })
    expect(() => service.link(USER, { from: event.id, type: 'perpetrator', to: column.id })).toThrow('already linked as Perpetrator')
    const other = addArticle(store, 'Another article about the Mobile Column.', 'other.txt')
    const elsewhere = service.create(USER, { articleId: other, label: 'Actor', fragments: [{ start: 22, end: 35 }] }).upserted[0]!
    expect(() => service.link(USER, { from: event.id, type: 'target', to: elsewhere.id })).toThrow('Links join tags of the same article')
    expect(store.annotations.get(event.id)!.links).toHaveLength(1)
  })

  it('a one-only relation replaces its previous link', () => {
    const { store, service, articleId, event, place } = setup()
    service.link(USER, { from: event.id, type: 'located_at', to: place.id })
    const second = service.create(USER, { articleId, label: 'Place', fragments: [{ start: 56, end: 61 }] }).upserted[0]!
    const m = service.link(USER, { from: event.id, type: 'located_at', to: second.id })
    expect(m.description).toContain('replacing the previous one')
    expect(store.annotations.get(event.id)!.links).toEqual([{ type: 'located_at', to: second.id }])
  })

  it('a link to a deleted tag is refused with a specific message', () => {
    const { service, event, column } = setup()
    service.delete(USER, column.id)
    expect(() => service.link(USER, { from: event.id, type: 'perpetrator', to: column.id })).toThrow('The tag to link to no longer exists')
  })

  it('deleting a linked tag removes the links to it in the same action, and undo restores both', () => {
    const { store, service, articleId, event, column } = setup()
    service.link(USER, { from: event.id, type: 'perpetrator', to: column.id })
    const m = service.delete(USER, column.id)
    expect(m.removed).toEqual([column.id])
    expect(m.upserted.map((a) => a.id)).toEqual([event.id])
    expect(store.annotations.get(event.id)!.links).toEqual([])
    service.undo(USER, articleId)
    expect(store.annotations.get(column.id)).not.toBeNull()
    expect(store.annotations.get(event.id)!.links).toEqual([{ type: 'perpetrator', to: column.id }])
  })

  it('relabelling drops the links the new label cannot have, both ways, and undo brings them back', () => {
    const { store, service, articleId, event, column, claim } = setup()
    service.link(USER, { from: event.id, type: 'perpetrator', to: column.id })
    service.link(USER, { from: claim.id, type: 'about_event', to: event.id })
    const m = service.update(USER, { id: event.id, label: 'Claim' })
    expect(m.description).toContain('removed 2 links Claim cannot have')
    expect(store.annotations.get(event.id)!.links).toEqual([])
    expect(store.annotations.get(claim.id)!.links).toEqual([])
    service.undo(USER, articleId)
    expect(store.annotations.get(event.id)!.links).toHaveLength(1)
    expect(store.annotations.get(claim.id)!.links).toEqual([{ type: 'about_event', to: event.id }])
  })

  it('unlinking removes one link and refuses a link that is not there', () => {
    const { store, service, event, column } = setup()
    service.link(USER, { from: event.id, type: 'perpetrator', to: column.id })
    service.unlink(USER, { from: event.id, type: 'perpetrator', to: column.id })
    expect(store.annotations.get(event.id)!.links).toEqual([])
    expect(() => service.unlink(USER, { from: event.id, type: 'perpetrator', to: column.id })).toThrow('has no perpetrator link')
  })
})

describe('missing required attributes', () => {
  it('are stored with each tag and cleared as they are coded', () => {
    const { store, service, event } = setup()
    expect(store.annotations.get(event.id)!.missing).toEqual(['event_type', 'sub_event_type', 'date_start', 'date_precision', 'location_text'])
    service.update(USER, { id: event.id, attributes: { event_type: 'battles', date_start: '2022-09-02' } })
    expect(store.annotations.get(event.id)!.missing).toEqual(['sub_event_type', 'date_precision', 'location_text'])
  })

  it('are counted per label and attribute in the article summary, across tags with different gaps', () => {
    const { store, service, articleId, event, claim } = setup()
    const second = service.create(USER, { articleId, label: 'Event', fragments: [{ start: TEXT.indexOf('condemned'), end: TEXT.indexOf('condemned') + 9 }] }).upserted[0]!
    service.update(USER, { id: event.id, attributes: { event_type: 'battles', date_start: '2022-09-02' } })
    const counts = (missing: { label: string; attribute: string; count: number }[]) => Object.fromEntries(missing.map((m) => [`${m.label}.${m.attribute}`, m.count]))
    const expected: Record<string, number> = {}
    for (const t of store.annotations.listByArticle(articleId)) for (const k of t.missing) expected[`${t.label}.${k}`] = (expected[`${t.label}.${k}`] ?? 0) + 1
    expect(counts(store.articles.get(articleId)!.missing)).toEqual(expected)
    expect(expected).toMatchObject({ 'Event.event_type': 1, 'Event.date_start': 1, 'Event.sub_event_type': 2, 'Event.location_text': 2, 'Claim.issues': 1 })
    expect(store.annotations.get(second.id)!.missing).toHaveLength(5)
    expect(store.annotations.get(claim.id)!.missing.length).toBeGreaterThan(0)
  })
})

describe('attributes that refer to another tag', () => {
  it('accept a tag of this article and refuse a deleted one or one from another article', () => {
    const { store, service, event, claim } = setup()
    const cb = structuredClone(store.codebooks.get())
    cb.labels.find((l) => l.name === 'Claim')!.attributes.push({ key: 'about', name: 'About', description: '', type: 'tag', required: false, targetLabels: ['Event'], many: false })
    new CodebookService(store).save(USER, { codebook: cb, note: 'tag reference', migration: EMPTY_MIGRATION, baseVersion: 1 })
    service.update(USER, { id: claim.id, attributes: { about: event.id } })
    expect(store.annotations.get(claim.id)!.attributes).toEqual({ about: event.id })
    const other = addArticle(store, 'Elsewhere, an unrelated report.', 'other.txt')
    const far = service.create(USER, { articleId: other, label: 'Event', fragments: [{ start: 0, end: 9 }] }).upserted[0]!
    expect(() => service.update(USER, { id: claim.id, attributes: { about: far.id } })).toThrow('About: the referenced tag no longer exists in this article')
    service.delete(USER, far.id)
    expect(() => service.update(USER, { id: claim.id, attributes: { about: far.id } })).toThrow('About: the referenced tag no longer exists in this article')
    expect(store.annotations.get(claim.id)!.attributes).toEqual({ about: event.id })
    // deleting the event clears the reference in the same action; undo restores both
    service.delete(USER, event.id)
    expect(store.annotations.get(claim.id)!.attributes).toEqual({})
    service.undo(USER, 1)
    expect(store.annotations.get(claim.id)!.attributes).toEqual({ about: event.id })
  })
})
