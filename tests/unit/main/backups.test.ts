import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { BackupEntry, BackupKind } from '../../../src/shared/backups/backup-entry'
import { backupFolderOf } from '../../../src/main/store/backup/backup-folder'
import { readManifest } from '../../../src/main/store/backup/backup-manifest'
import { BackupScheduler } from '../../../src/main/store/backup/backup-scheduler'
import { makeBackup } from '../../../src/main/store/backup/make-backup'
import { BACKUP_RETENTION, backupsToPrune } from '../../../src/main/store/backup/prune-backups'
import { overwrite } from '../../helpers/damage-file'
import { codedProject } from '../../helpers/coded-project'
import { addArticle, cleanupTemp, createTempProject, sha256File } from '../../helpers/project'
import { createTempWorkbench } from '../../helpers/workbench'
import { dispatch } from '../../../src/main/api/dispatch'

afterEach(cleanupTemp)

const count = (file: string, table: string) => {
  const db = new Database(file, { readonly: true })
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
  } finally {
    db.close()
  }
}

describe('makeBackup', () => {
  it('writes a verified, self-contained copy with the same rows, and records it in the manifest', async () => {
    const { store, file } = codedProject()
    const entry = await makeBackup(file, 'manual')
    const copy = join(backupFolderOf(file), entry.file)
    expect(readdirSync(backupFolderOf(file)).sort()).toEqual([entry.file, 'manifest.json'].sort())
    expect(entry).toMatchObject({ kind: 'manual', articles: 2, sha256: sha256File(copy) })
    expect(entry.tags).toBe(store.db.prepare('SELECT count(*) FROM annotation').pluck().get())
    expect(count(copy, 'annotation')).toBe(entry.tags)
    // a rollback-journal file: it opens read-only with no -wal beside it
    const db = new Database(copy, { readonly: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete')
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
    expect(readManifest(backupFolderOf(file))).toEqual([entry])
  })

  it('copies a consistent snapshot while the app keeps writing, and the next backup has the later writes', async () => {
    const { store, file } = createTempProject()
    addArticle(store, 'First article about the talks.')
    const pending = makeBackup(file, 'manual')
    for (let i = 0; i < 20; i++) addArticle(store, `Article ${i}, written while the backup copies.`, `b${i}.txt`)
    const during = await pending
    expect(during.articles).toBeGreaterThanOrEqual(1)
    expect(count(join(backupFolderOf(file), during.file), 'article')).toBe(during.articles)
    expect((await makeBackup(file, 'manual')).articles).toBe(21)
  })

  it('fails with BACKUP_FAILED and leaves no file and an unchanged manifest when the folder cannot be written', async () => {
    const { store, file } = createTempProject()
    const first = await makeBackup(file, 'manual')
    // the backup folder replaced by a file: nothing can be written there
    const { store: other, file: otherFile } = createTempProject('blocked.spanwise')
    writeFileSync(backupFolderOf(otherFile), 'not a folder')
    await expect(makeBackup(otherFile, 'manual')).rejects.toMatchObject({ code: 'BACKUP_FAILED' })
    expect(readManifest(backupFolderOf(file))).toEqual([first])
  })

  it('keeps the number of backups bounded on disk as more are made', async () => {
    const { store, file } = createTempProject()
    let t = Date.parse('2026-01-01T00:00:00Z')
    for (let i = 0; i < BACKUP_RETENTION.manual + 3; i++) await makeBackup(file, 'manual', { now: () => new Date((t += 60_000)) })
    const entries = readManifest(backupFolderOf(file))
    expect(entries).toHaveLength(BACKUP_RETENTION.manual)
    expect(readdirSync(backupFolderOf(file)).filter((f) => f.endsWith('.spanwise')).sort()).toEqual(entries.map((e) => e.file).sort())
  })
})

describe('backupsToPrune', () => {
  const entry = (kind: BackupKind, at: Date): BackupEntry => ({ file: `${kind}-${at.getTime()}`, kind, createdAt: at.toISOString(), bytes: 1, sha256: '0'.repeat(64), schemaVersion: 8, articles: 0, tags: 0, tookMs: 1 })

  it('keeps the newest automatic backups, then one per day and one per week, and a bounded number of every other kind', () => {
    const start = Date.parse('2026-01-01T09:00:00Z')
    // hourly automatic backups for 60 days, plus many manual and migration backups
    const entries = [
      ...Array.from({ length: 60 * 24 }, (_, i) => entry('auto', new Date(start + i * 3_600_000))),
      ...Array.from({ length: 25 }, (_, i) => entry('manual', new Date(start + i * 86_400_000))),
      ...Array.from({ length: 9 }, (_, i) => entry('before-migration', new Date(start + i * 86_400_000)))
    ]
    const dropped = new Set(backupsToPrune(entries))
    const kept = entries.filter((e) => !dropped.has(e))
    const auto = kept.filter((e) => e.kind === 'auto')
    expect(auto.length).toBeLessThanOrEqual(BACKUP_RETENTION.recentAuto + BACKUP_RETENTION.dailyAuto + BACKUP_RETENTION.weeklyAuto)
    const newestAuto = entries.filter((e) => e.kind === 'auto').slice(-BACKUP_RETENTION.recentAuto)
    for (const e of newestAuto) expect(kept).toContain(e)
    // history reaches back weeks, not just hours
    const oldestKept = Math.min(...auto.map((e) => Date.parse(e.createdAt)))
    expect(Date.parse(entries[60 * 24 - 1]!.createdAt) - oldestKept).toBeGreaterThan(14 * 86_400_000)
    expect(new Set(auto.map((e) => e.createdAt.slice(0, 10))).size).toBeGreaterThanOrEqual(BACKUP_RETENTION.dailyAuto)
    expect(kept.filter((e) => e.kind === 'manual')).toEqual(entries.filter((e) => e.kind === 'manual').slice(-BACKUP_RETENTION.manual))
    expect(kept.filter((e) => e.kind === 'before-migration')).toHaveLength(BACKUP_RETENTION['before-migration'])
  })

  it('drops nothing while every kind is under its bound', () => {
    const entries = [entry('auto', new Date('2026-03-01T10:00:00Z')), entry('manual', new Date('2026-03-01T11:00:00Z'))]
    expect(backupsToPrune(entries)).toEqual([])
  })
})

describe('BackupScheduler', () => {
  it('backs up on open when there is no backup yet, then again only after something was written', async () => {
    const { store, file } = createTempProject()
    const errors: unknown[] = []
    const scheduler = new BackupScheduler(store.db, file, { intervalMinutes: 10, openDelayMs: 0, isBusy: () => false, onError: (e) => errors.push(e) })
    scheduler.start()
    await waitFor(() => readManifest(backupFolderOf(file)).length === 1)
    await waitFor(() => !scheduler.busy)
    expect(scheduler.backupIfChanged()).toBe(false)
    addArticle(store, 'A new article arrives.')
    expect(scheduler.backupIfChanged()).toBe(true)
    await waitFor(() => !scheduler.busy)
    const entries = readManifest(backupFolderOf(file))
    expect(entries.map((e) => [e.kind, e.articles])).toEqual([['auto', 1], ['auto', 0]])
    expect(scheduler.backupIfChanged()).toBe(false)
    await scheduler.stop()
    expect(errors).toEqual([])
  })

  it('skips the on-open backup when one was made by hand since opening and nothing was written after it', async () => {
    const { store, file } = createTempProject()
    addArticle(store, 'Written before opening.')
    const scheduler = new BackupScheduler(store.db, file, { intervalMinutes: 10, openDelayMs: 300, isBusy: () => false, onError: () => undefined })
    scheduler.start()
    await scheduler.backup('manual')
    await new Promise((resolve) => setTimeout(resolve, 500))
    await waitFor(() => !scheduler.busy)
    expect(readManifest(backupFolderOf(file)).map((e) => e.kind)).toEqual(['manual'])
    await scheduler.stop()
  })

  it('still backs up at the on-open check when something was written after the backup made by hand', async () => {
    const { store, file } = createTempProject()
    const scheduler = new BackupScheduler(store.db, file, { intervalMinutes: 10, openDelayMs: 300, isBusy: () => false, onError: () => undefined })
    scheduler.start()
    // the manual backup takes its write mark when asked, so this article counts as written after it
    const manual = scheduler.backup('manual')
    addArticle(store, 'Written after the manual backup was asked for.')
    await manual
    await waitFor(() => readManifest(backupFolderOf(file)).length === 2)
    await waitFor(() => !scheduler.busy)
    expect(readManifest(backupFolderOf(file)).map((e) => e.kind)).toEqual(['auto', 'manual'])
    await scheduler.stop()
  })

  it('does not back up while an import runs in another connection', async () => {
    const { store, file } = createTempProject()
    let busy = true
    const scheduler = new BackupScheduler(store.db, file, { intervalMinutes: 10, openDelayMs: 60_000, isBusy: () => busy, onError: () => undefined })
    addArticle(store, 'Written before the check.')
    expect(scheduler.backupIfChanged()).toBe(false)
    busy = false
    expect(scheduler.backupIfChanged()).toBe(true)
    await scheduler.stop()
    expect(readManifest(backupFolderOf(file))).toHaveLength(1)
  })
})

describe('Back up now and Restore (workbench)', () => {
  it('restores the state of a backup, after backing up the current state so the restore can itself be undone', async () => {
    const { wb, handlers } = createTempWorkbench({ userName: 'Ana' })
    await wb.create({ name: 'talks' })
    const a = addArticle(wb.store, 'The ELN and the government met in Caracas.')
    wb.annotations.create(wb.user, { articleId: a, label: 'Actor', fragments: [{ start: 4, end: 7 }] })
    const backup = await dispatch(handlers, 'backup.create', {})
    expect(backup).toMatchObject({ ok: true, value: { kind: 'manual', tags: 1 } })
    wb.annotations.create(wb.user, { articleId: a, label: 'Actor', fragments: [{ start: 16, end: 26 }] })
    expect(wb.store.db.prepare('SELECT count(*) FROM annotation').pluck().get()).toBe(2)

    const restored = await dispatch(handlers, 'backup.restore', { backup: (backup as { value: BackupEntry }).value.file })
    expect(restored.ok).toBe(true)
    expect(wb.store.db.prepare('SELECT count(*) FROM annotation').pluck().get()).toBe(1)
    const list = wb.backupList()
    const before = list.entries.find((e) => e.kind === 'before-restore')!
    expect(before.tags).toBe(2)
    await wb.restore(before.file)
    expect(wb.store.db.prepare('SELECT count(*) FROM annotation').pluck().get()).toBe(2)
    wb.close()
  })

  it('refuses a backup whose bytes changed since it was written, and leaves the project as it was', async () => {
    const { wb } = createTempWorkbench({ userName: 'Ana' })
    await wb.create({ name: 'talks' })
    addArticle(wb.store, 'An article that must survive a bad restore.')
    const entry = await wb.backupNow()
    overwrite(join(backupFolderOf(wb.store.path), entry.file), 5000, Buffer.from('tampered'))
    await expect(wb.restore(entry.file)).rejects.toMatchObject({ code: 'BACKUP_FAILED' })
    expect(wb.store.articles.count()).toBe(1)
    wb.close()
  })

  it('answers an unknown backup name with NOT_FOUND and a path-like name with VALIDATION', async () => {
    const { wb, handlers } = createTempWorkbench({ userName: 'Ana' })
    await wb.create({ name: 'talks' })
    expect(await dispatch(handlers, 'backup.restore', { backup: 'backup-nope.spanwise' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await dispatch(handlers, 'backup.restore', { backup: '../talks.spanwise' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(existsSync(wb.store.path)).toBe(true)
    wb.close()
  })
})

async function waitFor(condition: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 10))
  }
}
