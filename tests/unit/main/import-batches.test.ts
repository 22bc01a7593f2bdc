import { spawnSync } from 'node:child_process'
import { hostname } from 'node:os'
import { currentImportOwner } from '../../../src/main/import/import-owner'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { BATCH_SIZE } from '../../../src/main/import/import-limits'
import { discardAbandonedImports, ImportCancelled, runImport } from '../../../src/main/import/run-import'
import { cleanupTemp, createTempProject } from '../../helpers/project'

afterEach(cleanupTemp)

const bytes = (name: string, text: string) => ({ kind: 'bytes' as const, name, bytes: Buffer.from(text) })
const batches = (db: import('../../../src/main/store/open-project-db').Db) =>
  db.prepare('SELECT id, state, finished_at FROM import_batch ORDER BY id').all() as { id: number; state: string; finished_at: string | null }[]

describe('deduplication', () => {
  it('importing the same text twice adds it once and counts the duplicate', () => {
    const { store } = createTempProject()
    const first = runImport(store.db, [bytes('a.txt', 'The Front signed the accord.')], { encoding: 'utf-8' })
    expect(first).toMatchObject({ imported: 1, duplicates: 0 })
    const second = runImport(store.db, [bytes('copy.txt', 'The Front signed the accord.')], { encoding: 'utf-8' })
    expect(second).toMatchObject({ imported: 0, duplicates: 1, firstArticleId: null })
    expect(store.articles.count()).toBe(1)
  })

  it('compares canonical text: a CRLF copy of an LF text is a duplicate', () => {
    const { store } = createTempProject()
    const report = runImport(store.db, [bytes('unix.txt', 'Line one\nLine two'), bytes('dos.txt', 'Line one\r\nLine two')], { encoding: 'utf-8' })
    expect(report).toMatchObject({ files: 2, imported: 1, duplicates: 1 })
  })

  it('counts duplicates inside one JSONL file', () => {
    const { store } = createTempProject()
    const line = JSON.stringify({ title: 'Same', text: 'Same text' })
    const report = runImport(store.db, [bytes('dups.jsonl', `${line}\n${line}\n${JSON.stringify({ text: 'Other text' })}`)], { encoding: 'utf-8' })
    expect(report).toMatchObject({ imported: 2, duplicates: 1 })
  })

  it('marks the batch done with its summary', () => {
    const { store } = createTempProject()
    runImport(store.db, [bytes('a.txt', 'Alpha')], { encoding: 'utf-8' })
    const row = store.db.prepare('SELECT state, summary FROM import_batch').get() as { state: string; summary: string }
    expect(row.state).toBe('done')
    expect(JSON.parse(row.summary)).toEqual({ files: 1, imported: 1, duplicates: 0, issues: 0 })
  })
})

describe('durability settings', () => {
  it('the connection is back to synchronous FULL and its own cache size after an import, finished or cancelled', () => {
    const { store } = createTempProject()
    const before = store.db.pragma('cache_size', { simple: true })
    runImport(store.db, [bytes('a.txt', 'Alpha')], { encoding: 'utf-8' })
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2)
    expect(store.db.pragma('cache_size', { simple: true })).toBe(before)
    expect(() => runImport(store.db, [bytes('b.txt', 'Beta')], { encoding: 'utf-8', isCancelled: () => true })).toThrow(ImportCancelled)
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2)
    expect(store.db.pragma('cache_size', { simple: true })).toBe(before)
  })
})

describe('cancellation', () => {
  it('cancelling after the first batch was committed removes every article and marks the batch cancelled', () => {
    const { store, dir } = createTempProject()
    const file = join(dir, 'many.jsonl')
    const n = BATCH_SIZE + 100
    writeFileSync(file, Array.from({ length: n }, (_, i) => JSON.stringify({ title: `Article ${i}`, text: `Text number ${i}` })).join('\n'))
    const seen: number[] = []
    const run = () =>
      runImport(store.db, [{ kind: 'path', path: file }], {
        encoding: 'utf-8',
        // the user presses Cancel once the first batch is in the database
        isCancelled: () => {
          seen.push(store.articles.count())
          return seen[seen.length - 1]! > 0
        }
      })
    expect(run).toThrow(ImportCancelled)
    expect(Math.max(...seen)).toBe(BATCH_SIZE)
    expect(store.articles.count()).toBe(0)
    const [batch] = batches(store.db)
    expect(batch).toMatchObject({ state: 'cancelled' })
    expect(batch!.finished_at).not.toBeNull()
    expect(store.articles.search('Text', 10).hits).toEqual([])
  })

  it('cancelling leaves articles from earlier imports alone', () => {
    const { store } = createTempProject()
    runImport(store.db, [bytes('keep.txt', 'Kept from before')], { encoding: 'utf-8' })
    expect(() => runImport(store.db, [bytes('b.txt', 'Dropped')], { encoding: 'utf-8', isCancelled: () => true })).toThrow(ImportCancelled)
    expect(store.articles.count()).toBe(1)
    expect(batches(store.db).map((b) => b.state)).toEqual(['done', 'cancelled'])
  })
})

describe('discardAbandonedImports', () => {
  it('removes the articles of a running batch whose heartbeat is old, and only those', () => {
    const { store } = createTempProject()
    runImport(store.db, [bytes('a.txt', 'Abandoned one'), bytes('b.txt', 'Abandoned two')], { encoding: 'utf-8' })
    runImport(store.db, [bytes('c.txt', 'Still running')], { encoding: 'utf-8' })
    runImport(store.db, [bytes('d.txt', 'Finished long ago')], { encoding: 'utf-8' })
    const [abandoned, live, finished] = batches(store.db)
    // a killed process left batch 1 'running' with a stale heartbeat; batch 2 is running now
    store.db.prepare("UPDATE import_batch SET state = 'running', finished_at = NULL, heartbeat_at = '2000-01-01T00:00:00.000Z' WHERE id = ?").run(abandoned!.id)
    store.db.prepare("UPDATE import_batch SET state = 'running', finished_at = NULL, heartbeat_at = ? WHERE id = ?").run(new Date().toISOString(), live!.id)
    store.db.prepare("UPDATE import_batch SET heartbeat_at = '2000-01-01T00:00:00.000Z' WHERE id = ?").run(finished!.id)

    // busyHere: this process is still running batch 2, so only the stale heartbeat counts
    expect(discardAbandonedImports(store.db, true)).toBe(1)
    const titles = store.db.prepare('SELECT title FROM article ORDER BY id').pluck().all()
    expect(titles).toEqual(['Still running', 'Finished long ago'])
    expect(batches(store.db).map((b) => b.state)).toEqual(['failed', 'running', 'done'])
    expect(discardAbandonedImports(store.db, true)).toBe(0)
  })

  it('removes at once, despite a fresh heartbeat, a batch whose process on this machine is gone, or one of ours when no job of ours runs', () => {
    const { store } = createTempProject()
    runImport(store.db, [bytes('a.txt', 'Killed mid-import')], { encoding: 'utf-8' })
    runImport(store.db, [bytes('b.txt', 'Another machine is importing')], { encoding: 'utf-8' })
    runImport(store.db, [bytes('c.txt', 'Our own worker died')], { encoding: 'utf-8' })
    const [dead, remote, ours] = batches(store.db)
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString()
    const running = store.db.prepare("UPDATE import_batch SET state = 'running', finished_at = NULL, heartbeat_at = ?, owner = ? WHERE id = ?")
    running.run(new Date().toISOString(), `${hostname()}|${gone}`, dead!.id)
    running.run(new Date().toISOString(), 'another-machine|4242', remote!.id)
    running.run(new Date().toISOString(), currentImportOwner(), ours!.id)
    expect(discardAbandonedImports(store.db, true)).toBe(1)
    expect(batches(store.db).map((b) => b.state)).toEqual(['failed', 'running', 'running'])
    expect(discardAbandonedImports(store.db, false)).toBe(1)
    expect(store.db.prepare('SELECT title FROM article ORDER BY id').pluck().all()).toEqual(['Another machine is importing'])
  })
})
