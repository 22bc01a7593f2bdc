import { cpSync, existsSync, readdirSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DamagedProject } from '../../../src/shared/backups/backup-entry'
import { AppError } from '../../../src/shared/errors'
import { AnnotationService } from '../../../src/main/annotations/annotation-service'
import { backupFolderOf } from '../../../src/main/store/backup/backup-folder'
import { makeBackup } from '../../../src/main/store/backup/make-backup'
import { MIGRATIONS } from '../../../src/main/store/migrations'
import { openProjectDb } from '../../../src/main/store/open-project-db'
import { overwrite, truncateTo, zeroPages } from '../../helpers/damage-file'
import { ANA, addArticle, cleanupTemp, createTempProject, sha256File, tempDir } from '../../helpers/project'
import { createTempWorkbench } from '../../helpers/workbench'

const ARTICLES = 300
let fixture: { dir: string; file: string; tagsAtBackup: number }

/** A project of 300 tagged articles with one verified backup, closed cleanly; each test damages a copy. */
beforeAll(async () => {
  const { store, dir, file } = createTempProject('talks.spanwise')
  const service = new AnnotationService(store)
  for (let i = 0; i < ARTICLES; i++) {
    const id = addArticle(store, `Report ${i}: the ELN and the government met in Caracas to discuss the ceasefire. ${'Negotiators spoke at length. '.repeat(20)}`, `r${i}.txt`)
    service.create(ANA, { articleId: id, label: 'Actor', fragments: [{ start: 14, end: 17 }] })
  }
  await makeBackup(file, 'manual')
  store.close()
  fixture = { dir, file, tagsAtBackup: ARTICLES }
})
afterAll(cleanupTemp)

function damagedCopy(damage: (file: string) => void): string {
  const dir = tempDir()
  const file = join(dir, 'talks.spanwise')
  cpSync(fixture.file, file)
  cpSync(backupFolderOf(fixture.file), backupFolderOf(file), { recursive: true })
  damage(file)
  return file
}

async function openDamaged(file: string): Promise<{ error: AppError; details: DamagedProject }> {
  const bytes = sha256File(file)
  const error = await openProjectDb(file).then(
    (db) => {
      db.close()
      throw new Error('a damaged project was opened')
    },
    (e: AppError) => e
  )
  expect(error).toBeInstanceOf(AppError)
  expect(error.code).toBe('PROJECT_DAMAGED')
  const details = error.details as DamagedProject
  // moved aside, byte for byte as it was: nothing was written into it
  expect(existsSync(file)).toBe(false)
  expect(sha256File(details.movedTo)).toBe(bytes)
  expect(details.path).toBe(file)
  expect(details.backups).toHaveLength(1)
  expect(error.message).toContain('talks.spanwise is damaged')
  expect(error.message).toContain('newest backup')
  return { error, details }
}

describe('a damaged project file on open', () => {
  it('detects a truncated file', async () => {
    await openDamaged(damagedCopy((f) => truncateTo(f, 0.5)))
  })

  it('detects zeroed pages in the middle of the file', async () => {
    await openDamaged(damagedCopy((f) => zeroPages(f, 30, 4)))
  })

  it('detects a garbage header (the first 100 bytes overwritten)', async () => {
    const { details } = await openDamaged(damagedCopy((f) => overwrite(f, 0, randomBytes(100))))
    expect(details.problem).toContain('not an SQLite header')
  })

  it('detects garbage in the header fields after the magic string', async () => {
    await openDamaged(damagedCopy((f) => overwrite(f, 16, Buffer.alloc(84, 0xff))))
  })

  it('moves the -wal and -shm with it, since they belong to the damaged file', async () => {
    const file = damagedCopy((f) => {
      const db = new Database(f)
      db.pragma('wal_autocheckpoint = 0')
      db.prepare("UPDATE article SET title = 'changed' WHERE id = 1").run()
      // leave the -wal behind as a crash would: copy the files while the connection is still open
      cpSync(f, `${f}.snap`)
      cpSync(`${f}-wal`, `${f}.snap-wal`)
      db.close()
      cpSync(`${f}.snap`, f)
      cpSync(`${f}.snap-wal`, `${f}-wal`)
      zeroPages(f, 30, 4)
    })
    const { details } = await openDamaged(file)
    expect(existsSync(`${details.movedTo}-wal`)).toBe(true)
    expect(existsSync(`${file}-wal`)).toBe(false)
  })

  it('a sound project with backups still opens (no false alarm)', async () => {
    const file = damagedCopy(() => undefined)
    const db = await openProjectDb(file)
    expect(db.prepare('SELECT count(*) FROM article').pluck().get()).toBe(ARTICLES)
    db.close()
  })
})

describe('recovering a damaged project (workbench)', () => {
  it('restores the newest verified backup to the original path and opens it', async () => {
    const file = damagedCopy((f) => zeroPages(f, 30, 4))
    const { details } = await openDamaged(file)
    const { wb, handlers } = createTempWorkbench({ userName: 'Ana' })
    const { dispatch } = await import('../../../src/main/api/dispatch')
    const result = await dispatch(handlers, 'project.recover', { action: 'restore', path: file, backup: details.backups[0]!.file })
    expect(result).toMatchObject({ ok: true, value: { project: { path: file, articleCount: ARTICLES }, salvage: null } })
    expect(wb.store.db.prepare('SELECT count(*) FROM annotation').pluck().get()).toBe(fixture.tagsAtBackup)
    wb.close()
  })

  it('salvages what the damaged file still holds into a sound project at the original path', async () => {
    const file = damagedCopy((f) => zeroPages(f, 30, 4))
    const { details } = await openDamaged(file)
    const { wb } = createTempWorkbench({ userName: 'Ana' })
    const { salvage } = await wb.recover({ action: 'salvage', path: file, movedTo: details.movedTo })
    expect(salvage!.articles).toBeGreaterThan(ARTICLES / 2)
    expect(salvage!.articles).toBeLessThanOrEqual(ARTICLES)
    expect(salvage!.tables.find((t) => t.name === 'article')!.rows).toBe(salvage!.articles)
    const db = wb.store.db
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.pragma('foreign_key_check')).toEqual([])
    // every salvaged tag still belongs to a salvaged article, and the counts and search index agree
    expect(db.prepare('SELECT count(*) FROM article WHERE tag_count != (SELECT count(*) FROM annotation WHERE article_id = article.id)').pluck().get()).toBe(0)
    expect(db.prepare("SELECT count(*) FROM article_fts WHERE article_fts MATCH 'ceasefire'").pluck().get()).toBe(salvage!.articles)
    // the zeroed pages held the codebook: the salvaged project falls back to the default one and stays usable
    expect(salvage!.tables.find((t) => t.name === 'codebook')).toMatchObject({ rows: 0, unreadable: true })
    expect(wb.store.codebooks.get().labels.map((l) => l.name)).toContain('Actor')
    // the damaged file is still there, untouched, for a later attempt
    expect(existsSync(details.movedTo)).toBe(true)
    wb.close()
  })

  it('refuses to salvage a file that is not the moved-aside copy of that project', async () => {
    const file = damagedCopy((f) => zeroPages(f, 30, 4))
    await openDamaged(file)
    const { wb } = createTempWorkbench({ userName: 'Ana' })
    await expect(wb.recover({ action: 'salvage', path: file, movedTo: fixture.file })).rejects.toMatchObject({ code: 'VALIDATION' })
    expect(existsSync(file)).toBe(false)
  })
})

describe('a failing migration', () => {
  it('leaves the project as it was, keeps the backup it took first, and explains', async () => {
    const file = damagedCopy(() => undefined)
    const before = dump(file)
    const failing = [...MIGRATIONS, { version: 999, name: 'broken', up: (db: Database.Database) => db.exec('CREATE TABLE article (x)') }]
    const error = await openProjectDb(file, failing).then(
      () => null,
      (e: AppError) => e
    )
    expect(error).toMatchObject({ code: 'MIGRATION_FAILED' })
    expect(error!.message).toContain('could not be upgraded from schema')
    expect(error!.message).toContain('Nothing was changed')
    expect(dump(file)).toEqual(before)
    expect(readdirSync(backupFolderOf(file)).some((f) => f.endsWith('before-migration.spanwise'))).toBe(true)
  })
})

function dump(file: string): unknown {
  const db = new Database(file, { readonly: true })
  try {
    return {
      version: db.pragma('user_version', { simple: true }),
      schema: db.prepare('SELECT name, sql FROM sqlite_master ORDER BY name').all(),
      articles: db.prepare('SELECT * FROM article ORDER BY id').all(),
      tags: db.prepare('SELECT * FROM annotation ORDER BY id').all()
    }
  } finally {
    db.close()
  }
}

describe('start-up with a damaged last project', () => {
  it('opens the demo instead and hands the damage report to the UI, which offers recovery', async () => {
    const file = damagedCopy((f) => zeroPages(f, 30, 4))
    const { wb } = createTempWorkbench({ userName: 'Ana' })
    wb.settings.noteOpened(file, 'talks')
    await wb.openInitial()
    const info = wb.info()
    expect(info.project!.name).toBe('Demo project')
    expect(info.damaged).toMatchObject({ path: file, problem: expect.any(String) })
    expect(info.damaged!.backups).toHaveLength(1)
    expect(info.startupNotice).toContain('talks.spanwise is damaged')
    wb.close()
  })
})
