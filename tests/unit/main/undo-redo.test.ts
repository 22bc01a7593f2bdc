import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Annotation } from '../../../src/shared/domain'
import { AnnotationService } from '../../../src/main/annotations/annotation-service'
import type { Store } from '../../../src/main/store/store'
import { ANA, BEN, addArticle, cleanupTemp, createTempProject, openStore } from '../../helpers/project'

let file: string
let store: Store
let service: AnnotationService
let articleId: number
let otherArticleId: number

beforeEach(() => {
  const project = createTempProject()
  file = project.file
  store = project.store
  service = new AnnotationService(store)
  articleId = addArticle(store, 'The Northern Liberation Front agreed to a ceasefire in Valdorra.', 'one.txt')
  otherArticleId = addArticle(store, 'Talks resumed in Vessen after a week.', 'two.txt')
})
afterEach(cleanupTemp)

const snapshot = (s: Store = store, id = articleId): Annotation[] => s.annotations.listByArticle(id)
const tagCount = (s: Store = store, id = articleId) => s.articles.get(id)!.tagCount
const changeRows = (s: Store = store) =>
  s.db.prepare('SELECT op, undo_state, entity_id, before, after, annotator_id FROM change_log ORDER BY id').all() as {
    op: string
    undo_state: string
    entity_id: string
    before: string | null
    after: string | null
    annotator_id: string
  }[]

function tag(label = 'Actor', start = 4, end = 29, by = ANA): Annotation {
  return service.create(by, { articleId, label, fragments: [{ start, end }] }).upserted[0]!
}

describe('undo and redo', () => {
  it('undo/redo of create, update and delete each restore the exact earlier state', () => {
    const empty = snapshot()
    const t = tag()
    const afterCreate = snapshot()
    service.update(ANA, { id: t.id, label: 'Quantity', note: 'NLF' })
    const afterUpdate = snapshot()
    service.delete(ANA, t.id)
    expect(snapshot()).toEqual(empty)

    expect(service.undo(ANA, articleId)!.description).toBe('Undid: delete Quantity “Northern Liberation Front”')
    expect(snapshot()).toEqual(afterUpdate)
    service.undo(ANA, articleId)
    expect(snapshot()).toEqual(afterCreate)
    service.undo(ANA, articleId)
    expect(snapshot()).toEqual(empty)
    expect(service.undo(ANA, articleId)).toBeNull()

    service.redo(ANA, articleId)
    expect(snapshot()).toEqual(afterCreate)
    service.redo(ANA, articleId)
    expect(snapshot()).toEqual(afterUpdate)
    service.redo(ANA, articleId)
    expect(snapshot()).toEqual(empty)
    expect(service.redo(ANA, articleId)).toBeNull()
  })

  it('returns what changed and the new history state', () => {
    const t = tag()
    expect(service.history(ANA, articleId)).toEqual({ canUndo: true, canRedo: false, undoDescription: 'tag “Northern Liberation Front” as Actor', redoDescription: null })
    const undone = service.undo(ANA, articleId)!
    expect(undone).toMatchObject({ articleId, removed: [t.id], upserted: [] })
    expect(undone.history).toEqual({ canUndo: false, canRedo: true, undoDescription: null, redoDescription: 'tag “Northern Liberation Front” as Actor' })
    const redone = service.redo(ANA, articleId)!
    expect(redone.upserted).toEqual([t])
    expect(redone.removed).toEqual([])
  })

  it('a new action discards the redo stack', () => {
    tag('Actor')
    service.undo(ANA, articleId)
    expect(service.history(ANA, articleId).canRedo).toBe(true)
    tag('Event', 42, 51)
    expect(service.history(ANA, articleId).canRedo).toBe(false)
    expect(service.redo(ANA, articleId)).toBeNull()
    expect(snapshot().map((a) => a.label)).toEqual(['Event'])
    expect(changeRows()[0]!.undo_state).toBe('discarded')
  })

  it('keeps the undo and redo stacks across closing and reopening the project file', async () => {
    const t = tag()
    const afterCreate = snapshot()
    service.update(ANA, { id: t.id, label: 'Quantity' })
    const afterUpdate = snapshot()
    store.close()

    const reopened = await openStore(file)
    const again = new AnnotationService(reopened)
    expect(again.history(ANA, articleId).undoDescription).toBe('relabel as Quantity “Northern Liberation Front”')
    again.undo(ANA, articleId)
    expect(snapshot(reopened)).toEqual(afterCreate)
    reopened.close()

    const third = await openStore(file)
    const redoer = new AnnotationService(third)
    expect(redoer.history(ANA, articleId)).toMatchObject({ canUndo: true, canRedo: true })
    redoer.redo(ANA, articleId)
    expect(snapshot(third)).toEqual(afterUpdate)
  })

  it('records before/after snapshots in change_log for every action, undo and redo', () => {
    const t = tag()
    service.update(ANA, { id: t.id, label: 'Quantity' })
    service.undo(ANA, articleId)
    service.redo(ANA, articleId)
    service.delete(ANA, t.id)
    const rows = changeRows()
    expect(rows.map((r) => [r.op, r.undo_state])).toEqual([
      ['create', 'done'],
      ['update', 'done'],
      ['undo', 'none'],
      ['redo', 'none'],
      ['delete', 'done']
    ])
    expect(rows.every((r) => r.entity_id === t.id && r.annotator_id === ANA.id)).toBe(true)
    const parse = (json: string | null) => (json === null ? null : (JSON.parse(json) as { label: string; fragments: { quote: string }[] }))
    expect(parse(rows[0]!.before)).toBeNull()
    expect(parse(rows[0]!.after)).toMatchObject({ id: t.id, label: 'Actor', fragments: [{ quote: 'Northern Liberation Front' }] })
    expect([parse(rows[1]!.before)!.label, parse(rows[1]!.after)!.label]).toEqual(['Actor', 'Quantity'])
    expect([parse(rows[2]!.before)!.label, parse(rows[2]!.after)!.label]).toEqual(['Quantity', 'Actor'])
    expect([parse(rows[3]!.before)!.label, parse(rows[3]!.after)!.label]).toEqual(['Actor', 'Quantity'])
    expect(parse(rows[4]!.before)!.label).toBe('Quantity')
    expect(parse(rows[4]!.after)).toBeNull()
  })

  it('keeps the article tag_count in step with creates, updates, deletes, undos and redos', () => {
    const a = tag('Actor')
    expect(tagCount()).toBe(1)
    const b = tag('Event', 42, 51)
    expect(tagCount()).toBe(2)
    service.update(ANA, { id: a.id, label: 'Quantity' })
    expect(tagCount()).toBe(2)
    service.delete(ANA, b.id)
    expect(tagCount()).toBe(1)
    service.undo(ANA, articleId) // the delete
    expect(tagCount()).toBe(2)
    service.undo(ANA, articleId) // the update
    expect(tagCount()).toBe(2)
    service.undo(ANA, articleId) // create of b
    expect(tagCount()).toBe(1)
    service.redo(ANA, articleId)
    expect(tagCount()).toBe(2)
    expect(tagCount()).toBe(snapshot().length)
  })
})

describe('undo scope', () => {
  it('is per annotator: Ben cannot undo Ana’s action', () => {
    const t = tag('Actor', 4, 29, ANA)
    expect(service.history(BEN, articleId)).toEqual({ canUndo: false, canRedo: false, undoDescription: null, redoDescription: null })
    expect(service.undo(BEN, articleId)).toBeNull()
    expect(store.annotations.get(t.id)).not.toBeNull()

    const b = tag('Event', 42, 51, BEN)
    service.undo(ANA, articleId) // Ana's undo reverses her own create, not Ben's later one
    expect(store.annotations.get(t.id)).toBeNull()
    expect(store.annotations.get(b.id)).not.toBeNull()
    expect(service.history(BEN, articleId).undoDescription).toBe('tag “ceasefire” as Event')
  })

  it('is per article: undo in another article does nothing here', () => {
    const t = tag()
    expect(service.undo(ANA, otherArticleId)).toBeNull()
    expect(store.annotations.get(t.id)).not.toBeNull()
    const other = service.create(ANA, { articleId: otherArticleId, label: 'Place', fragments: [{ start: 18, end: 24 }] }).upserted[0]!
    service.undo(ANA, articleId)
    expect(store.annotations.get(t.id)).toBeNull()
    expect(store.annotations.get(other.id)).not.toBeNull()
    expect(tagCount(store, otherArticleId)).toBe(1)
  })
})

describe('the codebook version a tag was coded under', () => {
  it('survives note edits, deletion and undo; relabelling recodes the tag under the current codebook', () => {
    const a = tag()
    // a newer codebook version arrives; the tag stays coded under version 1
    store.db.prepare("INSERT INTO codebook (version, json, note, created_at) SELECT 2, json, 'same labels', created_at FROM codebook WHERE version = 1").run()
    const version = () => store.db.prepare('SELECT codebook_version FROM annotation WHERE id = ?').pluck().get(a.id)
    service.update(ANA, { id: a.id, note: 'checked' })
    expect(version()).toBe(1)
    service.update(ANA, { id: a.id, label: 'Event' })
    expect(version()).toBe(store.codebooks.currentVersion())
    service.delete(ANA, a.id)
    expect(version()).toBeUndefined()
    service.undo(ANA, articleId)
    expect(version()).toBe(store.codebooks.currentVersion())
    service.undo(ANA, articleId)
    expect(version()).toBe(1)
    expect(store.codebooks.currentVersion()).toBe(2)
  })
})
