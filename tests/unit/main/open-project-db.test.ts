import { randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/errors'
import { LATEST_VERSION } from '../../../src/main/store/migrations'
import { APPLICATION_ID, createProjectDb, openProjectDb } from '../../../src/main/store/open-project-db'
import { backupFolderOf } from '../../../src/main/store/backup/backup-folder'
import { readManifest } from '../../../src/main/store/backup/backup-manifest'
import { cleanupTemp, sha256File, sideFiles, tempDir } from '../../helpers/project'

afterEach(cleanupTemp)

async function openError(file: string): Promise<AppError> {
  try {
    const db = await openProjectDb(file)
    db.close()
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    return error as AppError
  }
  throw new Error(`openProjectDb(${file}) did not refuse`)
}

/** Runs openProjectDb on a file that must be refused; checks the file is byte-identical and no side file appeared. */
async function expectRefusedUnchanged(file: string): Promise<AppError> {
  const before = sha256File(file)
  const sidesBefore = sideFiles(file)
  const error = await openError(file)
  expect(sha256File(file)).toBe(before)
  expect(sideFiles(file)).toEqual(sidesBefore)
  return error
}

function foreignSqlite(file: string, wal: boolean): void {
  const db = new Database(file)
  if (wal) db.pragma('journal_mode = WAL')
  db.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('not a project')")
  db.close()
}

describe('createProjectDb', () => {
  it('writes the latest schema, WAL journal mode and our application_id', () => {
    const file = join(tempDir(), 'new.spanwise')
    const db = createProjectDb(file)
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    } finally {
      db.close()
    }
  })

  it('makes every ordinary table STRICT', () => {
    const file = join(tempDir(), 'strict.spanwise')
    const db = createProjectDb(file)
    try {
      const rows = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
        name: string
        strict: number
      }[]
      const names = rows.map((r) => r.name)
      for (const t of ['project_meta', 'annotator', 'import_batch', 'article', 'annotation', 'fragment', 'change_log']) expect(names).toContain(t)
      expect(rows.filter((r) => r.strict !== 1)).toEqual([])
    } finally {
      db.close()
    }
  })

  it('refuses to overwrite an existing file (PROJECT_EXISTS) and leaves it unchanged', () => {
    const file = join(tempDir(), 'taken.spanwise')
    writeFileSync(file, 'my thesis notes')
    const before = sha256File(file)
    expect(() => createProjectDb(file)).toThrow(expect.objectContaining({ code: 'PROJECT_EXISTS' }))
    expect(sha256File(file)).toBe(before)
  })

  it('names the missing folder (NOT_FOUND) instead of SQLite’s "the directory does not exist", and creates nothing', () => {
    const dir = tempDir()
    const file = join(dir, 'newdir', 'sub', 'x.spanwise')
    expect(() => createProjectDb(file)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: `Cannot create ${file}: the folder ${join(dir, 'newdir', 'sub')} does not exist; create the folder first, or choose another place for the project.` })
    )
    writeFileSync(join(dir, 'plain'), 'x')
    expect(() => createProjectDb(join(dir, 'plain', 'x.spanwise'))).toThrow(`${join(dir, 'plain')} is a file, not a folder`)
    expect(readdirSync(dir)).toEqual(['plain'])
  })
})

describe('openProjectDb refusals', () => {
  it('refuses a text file with NOT_A_PROJECT naming it', async () => {
    const file = join(tempDir(), 'notes.spanwise')
    writeFileSync(file, 'Bogotá, 3 March — these are my notes, not a database.\n')
    const error = await expectRefusedUnchanged(file)
    expect(error.code).toBe('NOT_A_PROJECT')
    expect(error.message).toContain('notes.spanwise')
    expect(error.message).toContain('not an SQLite database')
  })

  it('refuses a random binary file with NOT_A_PROJECT', async () => {
    const file = join(tempDir(), 'noise.spanwise')
    writeFileSync(file, randomBytes(8192))
    const error = await expectRefusedUnchanged(file)
    expect(error.code).toBe('NOT_A_PROJECT')
    expect(error.message).toContain('noise.spanwise')
  })

  it('refuses an empty file with NOT_A_PROJECT', async () => {
    const file = join(tempDir(), 'empty.spanwise')
    writeFileSync(file, '')
    expect((await expectRefusedUnchanged(file)).code).toBe('NOT_A_PROJECT')
  })

  it('refuses a folder with NOT_A_PROJECT and a missing path with NOT_FOUND', async () => {
    const dir = join(tempDir(), 'folder.spanwise')
    mkdirSync(dir)
    expect((await openError(dir)).code).toBe('NOT_A_PROJECT')
    const missing = await openError(join(dir, 'nope.spanwise'))
    expect(missing.code).toBe('NOT_FOUND')
    expect(missing.message).toContain('nope.spanwise')
  })

  it('refuses an SQLite database that is not ours and leaves it byte-identical', async () => {
    const file = join(tempDir(), 'other.db')
    foreignSqlite(file, false)
    const error = await expectRefusedUnchanged(file)
    expect(error.code).toBe('NOT_A_PROJECT')
    expect(error.message).toContain('other.db is an SQLite database but not a Spanwise project')
  })

  it('refuses a WAL-mode SQLite database that is not ours without creating -wal/-shm files', async () => {
    const file = join(tempDir(), 'other-wal.db')
    foreignSqlite(file, true)
    expect(sideFiles(file)).toEqual([])
    const error = await expectRefusedUnchanged(file)
    expect(error.code).toBe('NOT_A_PROJECT')
  })

  it('refuses a project from a newer version with PROJECT_TOO_NEW, writing nothing', async () => {
    const file = join(tempDir(), 'future.spanwise')
    const db = createProjectDb(file)
    db.pragma(`user_version = ${LATEST_VERSION + 1}`)
    db.close()
    expect(sideFiles(file)).toEqual([])
    const error = await expectRefusedUnchanged(file)
    expect(error.code).toBe('PROJECT_TOO_NEW')
    expect(error.message).toContain('future.spanwise')
    expect(error.details).toEqual({ version: LATEST_VERSION + 1, supported: LATEST_VERSION })
    expect(readdirSync(join(file, '..'))).toEqual(['future.spanwise'])
  })
  it('refuses a file that starts like SQLite but is cut short', async () => {
    const file = join(tempDir(), 'truncated.spanwise')
    writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.from('cut off')]))
    expect((await expectRefusedUnchanged(file)).code).toBe('NOT_A_PROJECT')
  })

  it('reads the version from a -wal file not yet checkpointed (another connection still has it open)', async () => {
    const file = join(tempDir(), 'live.spanwise')
    const writer = createProjectDb(file)
    try {
      writer.pragma('wal_autocheckpoint = 0')
      writer.pragma(`user_version = ${LATEST_VERSION + 1}`)
      expect(sideFiles(file)).toContain('-wal')
      expect((await openError(file)).code).toBe('PROJECT_TOO_NEW')
    } finally {
      writer.close()
    }
  })
})

describe('openProjectDb on an older project', () => {
  function makeVersion0(file: string): void {
    const db = new Database(file)
    db.pragma(`application_id = ${APPLICATION_ID}`)
    db.exec("CREATE TABLE legacy_note (body TEXT); INSERT INTO legacy_note VALUES ('from version 0')")
    db.close()
  }

  it('backs the file up into its backup folder (verified, recorded), then migrates it to LATEST_VERSION', async () => {
    const dir = tempDir()
    const file = join(dir, 'old.spanwise')
    makeVersion0(file)
    const db = await openProjectDb(file)
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
      expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'article'").pluck().get()).toBe(1)
      expect(db.prepare('SELECT body FROM legacy_note').pluck().get()).toBe('from version 0')
    } finally {
      db.close()
    }
    const entries = readManifest(backupFolderOf(file))
    expect(entries.map((e) => [e.kind, e.schemaVersion])).toEqual([['before-migration', 0]])
    expect(sha256File(join(backupFolderOf(file), entries[0]!.file))).toBe(entries[0]!.sha256)
    const backup = new Database(join(backupFolderOf(file), entries[0]!.file), { readonly: true })
    try {
      expect(backup.pragma('user_version', { simple: true })).toBe(0)
      expect(backup.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
      expect(backup.prepare('SELECT body FROM legacy_note').pluck().get()).toBe('from version 0')
      expect(backup.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'article'").pluck().get()).toBe(0)
    } finally {
      backup.close()
    }
  })

  it('takes no backup when the project is already at the latest version', async () => {
    const dir = tempDir()
    const file = join(dir, 'current.spanwise')
    createProjectDb(file).close()
    const db = await openProjectDb(file)
    db.close()
    expect(readManifest(backupFolderOf(file)).filter((e) => e.kind === 'before-migration')).toEqual([])
  })
})
