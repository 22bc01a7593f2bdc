import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { AnnotationService } from '../../../src/main/annotations/annotation-service'
import { runImport } from '../../../src/main/import/run-import'
import { migrate } from '../../../src/main/store/migrate'
import { cleanupTemp, createTempProject, tempDir } from '../../helpers/project'

afterEach(cleanupTemp)
const USER = { id: '11111111-1111-4111-8111-111111111111', name: 'Ana' }

describe('codebooks in the project file', () => {
  it('a new project holds the default codebook as version 1, and new tags record it', () => {
    const { store } = createTempProject()
    expect(store.codebooks.currentVersion()).toBe(1)
    const cb = store.codebooks.get()
    expect(cb.labels.map((l) => l.name)).toEqual(['Actor', 'Event', 'Claim', 'Place', 'Quantity'])
    runImport(store.db, [{ kind: 'bytes', name: 'a.txt', bytes: Buffer.from('The ELN attacked a police post.') }], { encoding: 'utf-8' })
    store.ensureAnnotator(USER)
    const m = new AnnotationService(store).create(USER, { articleId: 1, label: 'Actor', fragments: [{ start: 4, end: 7 }] })
    expect(store.annotations.snapshot(m.upserted[0]!.id)!.codebookVersion).toBe(1)
  })

  it('refuses a label the codebook does not define, on create and on relabel, and writes nothing', () => {
    const { store } = createTempProject()
    runImport(store.db, [{ kind: 'bytes', name: 'a.txt', bytes: Buffer.from('The ELN attacked a police post.') }], { encoding: 'utf-8' })
    store.ensureAnnotator(USER)
    const service = new AnnotationService(store)
    const message = 'The codebook has no label “Organisation”; use one of: Actor, Event, Claim, Place, Quantity.'
    expect(() => service.create(USER, { articleId: 1, label: 'Organisation', fragments: [{ start: 4, end: 7 }] })).toThrow(message)
    const m = service.create(USER, { articleId: 1, label: 'Actor', fragments: [{ start: 4, end: 7 }] })
    expect(() => service.update(USER, { id: m.upserted[0]!.id, label: 'Organisation' })).toThrow(message)
    expect(store.annotations.listByArticle(1).map((a) => a.label)).toEqual(['Actor'])
  })

  it('migrating a version-2 project stamps its existing tags with codebook version 1', () => {
    const db = new Database(join(tempDir(), 'old.spanwise'))
    try {
      migrate(db, 2)
      db.prepare("INSERT INTO annotator (id, name, created_at) VALUES (?, 'Ana', 'now')").run(USER.id)
      db.prepare("INSERT INTO article (uid, title, text, hash, char_count, imported_at) VALUES ('u', 'T', 'The ELN', 'h', 7, 'now')").run()
      db.prepare("INSERT INTO annotation (id, article_id, annotator_id, label, start, end, created_at, updated_at) VALUES ('a', 1, ?, 'Actor', 4, 7, 'now', 'now')").run(USER.id)
      migrate(db)
      expect(db.prepare('SELECT codebook_version FROM annotation').pluck().get()).toBe(1)
      expect(db.prepare("SELECT json_extract(json, '$.labels[1].name') FROM codebook WHERE version = 1").pluck().get()).toBe('Event')
    } finally {
      db.close()
    }
  })

  it('a codebook edited by hand into an invalid one is refused with the path of the problem', () => {
    const { store } = createTempProject()
    store.db.prepare("UPDATE codebook SET json = json_set(json, '$.labels[2].hotkey', '1')").run()
    expect(() => store.codebooks.get()).toThrow('Codebook version 1 in this project is invalid: labels[2].hotkey: hotkey “1” is already used by Actor; choose another key')
    expect(() => store.codebooks.get(7)).toThrow('Codebook version 7 does not exist in this project.')
  })
})
