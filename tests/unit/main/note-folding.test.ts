import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Annotation } from '../../../src/shared/domain'
import { AnnotationService } from '../../../src/main/annotations/annotation-service'
import { NOTE_FOLD_MS } from '../../../src/main/annotations/foldable-note-edit'
import { setArticleNote } from '../../../src/main/articles/set-article-note'
import type { Store } from '../../../src/main/store/store'
import { ANA, BEN, addArticle, cleanupTemp, createTempProject } from '../../helpers/project'

let store: Store
let service: AnnotationService
let articleId: number

beforeEach(() => {
  store = createTempProject().store
  service = new AnnotationService(store)
  articleId = addArticle(store, 'The Northern Liberation Front agreed to a ceasefire in Valdorra.')
})
afterEach(cleanupTemp)

const tag = (start = 4, end = 29): Annotation => service.create(ANA, { articleId, label: 'Actor', fragments: [{ start, end }] }).upserted[0]!
const note = (id: string) => store.annotations.get(id)!.note
const undoSteps = () => store.db.prepare("SELECT count(DISTINCT action_id) FROM change_log WHERE undo_state = 'done'").pluck().get()
const noteRows = () =>
  (store.db.prepare("SELECT before, after FROM change_log WHERE entity = 'annotation' AND op = 'update' ORDER BY id").all() as { before: string; after: string }[]).map((r) => [
    (JSON.parse(r.before) as { note: string }).note,
    (JSON.parse(r.after) as { note: string }).note
  ])

// typing a note saves a growing text every few hundred milliseconds
function type(id: string, ...texts: string[]): void {
  for (const text of texts) service.update(ANA, { id, note: text })
}

describe('note edits fold into one undo step', () => {
  it('a run of edits of one note is one action: one undo restores the note from before the run, one redo the last text', () => {
    const t = tag()
    type(t.id, 'A', 'Al', 'Alias', 'Alias of NLF')
    expect(undoSteps()).toBe(2)
    expect(noteRows()).toEqual([['', 'Alias of NLF']])
    expect(service.history(ANA, articleId).undoDescription).toBe('edit note of “Northern Liberation Front”')

    service.undo(ANA, articleId)
    expect(note(t.id)).toBe('')
    expect(service.history(ANA, articleId).undoDescription).toBe('tag “Northern Liberation Front” as Actor')
    service.redo(ANA, articleId)
    expect(note(t.id)).toBe('Alias of NLF')
  })

  it('returns the tag with its new note each time, so the side panel stays current', () => {
    const t = tag()
    service.update(ANA, { id: t.id, note: 'A' })
    const m = service.update(ANA, { id: t.id, note: 'Al' })
    expect(m.upserted.map((a) => [a.id, a.note])).toEqual([[t.id, 'Al']])
    expect(m.history.canUndo).toBe(true)
  })

  it('starts a new step after a pause of NOTE_FOLD_MS', () => {
    const t = tag()
    type(t.id, 'first thought')
    const earlier = new Date(Date.now() - NOTE_FOLD_MS - 1000).toISOString()
    store.db.prepare("UPDATE change_log SET at = ? WHERE op = 'update'").run(earlier)
    type(t.id, 'second thought')
    expect(noteRows()).toEqual([
      ['', 'first thought'],
      ['first thought', 'second thought']
    ])
    service.undo(ANA, articleId)
    expect(note(t.id)).toBe('first thought')
  })

  it('starts a new step when anything else happened in the article in between', () => {
    const a = tag()
    const b = tag(51, 59)
    type(a.id, 'one')
    type(b.id, 'other tag')
    type(a.id, 'two')
    service.update(ANA, { id: a.id, label: 'Event' })
    type(a.id, 'three')
    setArticleNote(store, ANA, articleId, 'article memo')
    type(a.id, 'four')
    service.undo(ANA, articleId)
    service.redo(ANA, articleId)
    type(a.id, 'five')
    expect(noteRows()).toEqual([
      ['', 'one'],
      ['', 'other tag'],
      ['one', 'two'],
      ['two', 'two'],
      ['two', 'three'],
      ['three', 'four'],
      ['four', 'five']
    ])
  })

  it("never folds into another annotator's edit, nor across one", () => {
    const t = tag()
    type(t.id, 'Ana wrote')
    // Ben's status mark is his action on Ana's tag: Ana's next note is a new undo step
    service.update(BEN, { id: t.id, status: 'changes_requested' })
    type(t.id, 'Ana again')
    expect(noteRows()).toEqual([
      ['', 'Ana wrote'],
      ['Ana wrote', 'Ana wrote'],
      ['Ana wrote', 'Ana again']
    ])
  })

  it('never folds an undone edit: a note typed after undo is a new action and the redo stack is dropped', () => {
    const t = tag()
    type(t.id, 'draft')
    service.undo(ANA, articleId)
    type(t.id, 'fresh')
    expect(service.history(ANA, articleId)).toMatchObject({ canRedo: false, undoDescription: 'edit note of “Northern Liberation Front”' })
    service.undo(ANA, articleId)
    expect(note(t.id)).toBe('')
  })

  it('never folds attribute or label edits, nor a note edit into one', () => {
    const t = tag()
    service.update(ANA, { id: t.id, label: 'Event', note: 'relabelled' })
    type(t.id, 'then a note')
    expect(noteRows()).toEqual([
      ['', 'relabelled'],
      ['relabelled', 'then a note']
    ])
  })
})
