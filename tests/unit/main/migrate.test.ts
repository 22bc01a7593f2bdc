import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/errors'
import { migrate } from '../../../src/main/store/migrate'
import type { Migration } from '../../../src/main/store/migration'
import { LATEST_VERSION, MIGRATIONS } from '../../../src/main/store/migrations'
import { cleanupTemp, tempDir } from '../../helpers/project'

const open: Database.Database[] = []
afterEach(() => {
  for (const db of open.splice(0)) db.close()
  cleanupTemp()
})

function freshDb(): Database.Database {
  const db = new Database(join(tempDir(), 'm.db'))
  open.push(db)
  return db
}

const userVersion = (db: Database.Database) => db.pragma('user_version', { simple: true }) as number
const tables = (db: Database.Database) =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]

const fake: Migration[] = [
  { version: 1, name: 'one', up: (db) => db.exec('CREATE TABLE one (x INTEGER) STRICT') },
  {
    version: 2,
    name: 'two',
    up: (db) => {
      db.exec('CREATE TABLE two (y INTEGER) STRICT')
      throw new Error('migration two failed halfway')
    }
  }
]

describe('migrate', () => {
  it('applies nothing when a later migration throws: user_version and tables stay as they were', () => {
    const db = freshDb()
    expect(() => migrate(db, undefined, fake)).toThrow('migration two failed halfway')
    expect(userVersion(db)).toBe(0)
    expect(tables(db)).toEqual([])
  })

  it('keeps earlier committed versions when the next run fails', () => {
    const db = freshDb()
    expect(migrate(db, 1, fake)).toBe(1)
    expect(userVersion(db)).toBe(1)
    expect(() => migrate(db, undefined, fake)).toThrow('migration two failed halfway')
    expect(userVersion(db)).toBe(1)
    expect(tables(db)).toEqual(['one'])
  })

  it('applies every pending migration and sets user_version to the last', () => {
    const db = freshDb()
    const ok: Migration[] = [fake[0]!, { version: 2, name: 'two', up: (d) => d.exec('CREATE TABLE two (y INTEGER) STRICT') }]
    expect(migrate(db, undefined, ok)).toBe(2)
    expect(userVersion(db)).toBe(2)
    expect(tables(db)).toEqual(['one', 'two'])
  })

  it('refuses a database newer than the migrations it knows with PROJECT_TOO_NEW', () => {
    const db = freshDb()
    db.pragma('user_version = 7')
    const error = (() => {
      try {
        migrate(db, undefined, fake)
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('PROJECT_TOO_NEW')
    expect(userVersion(db)).toBe(7)
  })

  it('the real migration list ends at LATEST_VERSION with strictly increasing versions', () => {
    const versions = MIGRATIONS.map((m) => m.version)
    expect(versions).toEqual([...versions].sort((a, b) => a - b))
    expect(new Set(versions).size).toBe(versions.length)
    expect(versions[versions.length - 1]).toBe(LATEST_VERSION)
  })

  it('a version-1 project migrates to the latest version with lazier FTS merging and its search intact', () => {
    const db = freshDb()
    migrate(db, 1)
    db.prepare("INSERT INTO article (uid, title, text, hash, file_name, original_sha256, encoding, metadata, char_count, imported_at) VALUES ('u', 'T', 'Clan del Golfo', 'h', 'f', 'o', 'utf-8', '{}', 14, 'now')").run()
    db.exec("INSERT INTO article_fts (rowid, title, text) SELECT id, title, text FROM article")
    expect(migrate(db)).toBe(LATEST_VERSION)
    expect(db.prepare("SELECT v FROM article_fts_config WHERE k = 'automerge'").pluck().get()).toBe(16)
    expect(db.prepare("SELECT rowid FROM article_fts WHERE article_fts MATCH 'golfo'").pluck().all()).toEqual([1])
  })

  it('a version-9 project keeps every fragment when they move to the article-first key, and deleting a tag still removes its fragments', () => {
    const db = freshDb()
    db.pragma('foreign_keys = ON')
    migrate(db, 9)
    db.exec(`
      INSERT INTO annotator (id, name, created_at) VALUES ('ana', 'Ana', 'now');
      INSERT INTO article (uid, title, text, hash, char_count, imported_at) VALUES ('u1', 'A', 'The ELN and its Eastern War Front', 'h1', 33, 'now'), ('u2', 'B', 'Clan del Golfo', 'h2', 14, 'now');
      INSERT INTO annotation (id, article_id, annotator_id, label, start, end, created_at, updated_at) VALUES ('t1', 1, 'ana', 'Actor', 4, 33, 'now', 'now'), ('t2', 2, 'ana', 'Actor', 0, 14, 'now', 'now');
      INSERT INTO fragment (annotation_id, idx, start, end, quote, prefix, suffix) VALUES ('t1', 0, 4, 7, 'ELN', 'The ', ' and'), ('t1', 1, 16, 33, 'Eastern War Front', 'its ', ''), ('t2', 0, 0, 14, 'Clan del Golfo', '', '');
    `)
    const before = db.prepare('SELECT annotation_id, idx, start, end, quote, prefix, suffix FROM fragment ORDER BY annotation_id, idx').all()
    expect(migrate(db)).toBe(LATEST_VERSION)
    expect(db.prepare('SELECT annotation_id, idx, start, end, quote, prefix, suffix FROM fragment ORDER BY annotation_id, idx').all()).toEqual(before)
    expect(db.prepare('SELECT annotation_id, article_id FROM fragment WHERE idx = 0 ORDER BY annotation_id').raw().all()).toEqual([['t1', 1], ['t2', 2]])
    expect(db.pragma('foreign_key_check')).toEqual([])
    db.prepare("DELETE FROM annotation WHERE id = 't1'").run()
    expect(db.prepare('SELECT annotation_id FROM fragment').pluck().all()).toEqual(['t2'])
    // the count triggers still keep tag_count, now without the bulk_write switch
    expect(db.prepare('SELECT tag_count FROM article ORDER BY id').pluck().all()).toEqual([0, 1])
    expect(tables(db)).not.toContain('bulk_write')
    // a fragment must name its tag's own article
    expect(() => db.prepare("INSERT INTO fragment (article_id, annotation_id, idx, start, end, quote, prefix, suffix) VALUES (1, 't2', 1, 0, 3, 'Cla', '', '')").run()).toThrow(/FOREIGN KEY/)
  })
})
