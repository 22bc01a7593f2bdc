import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/api/dispatch'
import { migrate } from '../../../src/main/store/migrate'
import { LATEST_VERSION } from '../../../src/main/store/migrations'
import { addArticle, cleanupTemp, openStore, tempDir } from '../../helpers/project'
import { createTempWorkbench, type TempWorkbench } from '../../helpers/workbench'

const workbenches: TempWorkbench[] = []
afterEach(() => {
  for (const t of workbenches.splice(0)) t.wb.close()
  cleanupTemp()
})

async function withArticle() {
  const t = createTempWorkbench({ userName: 'Ana' })
  workbenches.push(t)
  expect(await dispatch(t.handlers, 'project.create', { name: 'Memos' })).toMatchObject({ ok: true })
  const articleId = addArticle(t.wb.store, 'The Northern Liberation Front agreed to a ceasefire.')
  return { ...t, articleId }
}

const logRows = (t: TempWorkbench) => t.wb.store.db.prepare('SELECT * FROM change_log ORDER BY id').all() as { action_id: string }[]

describe('articles.setNote', () => {
  it('stores the memo exactly, shows it on articles.get and keeps it across reopening the project', async () => {
    const t = await withArticle()
    const memo = '  Source: wire copy, 3 March.\n\n\tCheck the Ñ and 😊 in “Valdorra”.  \n'
    expect(await dispatch(t.handlers, 'articles.get', { id: t.articleId })).toMatchObject({ ok: true, value: { note: '' } })
    expect(await dispatch(t.handlers, 'articles.setNote', { id: t.articleId, note: memo })).toEqual({ ok: true, value: { id: t.articleId, note: memo } })
    expect(await dispatch(t.handlers, 'articles.get', { id: t.articleId })).toMatchObject({ ok: true, value: { note: memo } })

    const file = t.wb.store.path
    t.wb.close()
    const reopened = await openStore(file)
    expect(reopened.articles.get(t.articleId)!.note).toBe(memo)
  })

  it('appends one change-log row per change, with before and after, outside the undo stack', async () => {
    const t = await withArticle()
    await dispatch(t.handlers, 'articles.setNote', { id: t.articleId, note: 'first' })
    await dispatch(t.handlers, 'articles.setNote', { id: t.articleId, note: 'first' })
    await dispatch(t.handlers, 'articles.setNote', { id: t.articleId, note: 'second' })
    const rows = logRows(t)
    const common = { annotator_id: t.wb.user.id, article_id: t.articleId, entity: 'article', entity_id: String(t.articleId), op: 'update', undo_state: 'none' }
    expect(rows).toMatchObject([
      { ...common, before: JSON.stringify({ note: '' }), after: JSON.stringify({ note: 'first' }) },
      { ...common, before: JSON.stringify({ note: 'first' }), after: JSON.stringify({ note: 'second' }) }
    ])
    expect(new Set(rows.map((r) => r.action_id)).size).toBe(2)
    expect(await dispatch(t.handlers, 'history.state', { articleId: t.articleId })).toMatchObject({ ok: true, value: { canUndo: false } })
  })

  it('refuses a memo over 100,000 characters and an unknown article, changing nothing', async () => {
    const t = await withArticle()
    const long = await dispatch(t.handlers, 'articles.setNote', { id: t.articleId, note: 'x'.repeat(100_001) })
    expect(long).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await dispatch(t.handlers, 'articles.setNote', { id: t.articleId, note: 'x'.repeat(100_000) })).toMatchObject({ ok: true })
    expect(await dispatch(t.handlers, 'articles.setNote', { id: 999, note: 'lost' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(logRows(t)).toHaveLength(1)
  })

  it('leaves the memo out of the summary articles.setStatus returns', async () => {
    const t = await withArticle()
    await dispatch(t.handlers, 'articles.setNote', { id: t.articleId, note: 'memo' })
    const r = await dispatch(t.handlers, 'articles.setStatus', { id: t.articleId, status: 'done' })
    expect(r.ok && r.value).not.toHaveProperty('note')
  })
})

describe('migration 5 (article memo)', () => {
  it('gives every existing article an empty memo', () => {
    const db = new Database(join(tempDir(), 'v3.db'))
    try {
      migrate(db, 3)
      db.prepare("INSERT INTO article (uid, title, text, hash, char_count, imported_at) VALUES ('u', 'T', 'Clan del Golfo', 'h', 14, 'now')").run()
      expect(migrate(db)).toBe(LATEST_VERSION)
      expect(db.prepare('SELECT note FROM article').pluck().all()).toEqual([''])
    } finally {
      db.close()
    }
  })
})
