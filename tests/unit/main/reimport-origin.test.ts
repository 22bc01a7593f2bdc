import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { AnnotationService } from '../../../src/main/annotations/annotation-service'
import { runAnnotatedImport } from '../../../src/main/import/annotated/run-annotated-import'
import { runImport } from '../../../src/main/import/run-import'
import { migrate } from '../../../src/main/store/migrate'
import { MIGRATIONS } from '../../../src/main/store/migrations'
import type { Store } from '../../../src/main/store/store'
import { annotatedImportOptions } from '../../../src/shared/exchange/annotated-import'
import { BEN, cleanupTemp, createTempProject, openStore, tempDir } from '../../helpers/project'

afterEach(cleanupTemp)

const TEXT = 'Alice met Bob in Paris. The army left Lyon.'
const at = (word: string) => ({ start: TEXT.indexOf(word), end: TEXT.indexOf(word) + word.length })

/** A brat folder holding the article's text and the given .ann lines. */
function brat(name: string, lines: string[]): string {
  const dir = join(tempDir(), name)
  mkdirSync(dir)
  writeFileSync(join(dir, 'a.txt'), TEXT)
  writeFileSync(join(dir, 'a.ann'), lines.join('\n') + '\n')
  return dir
}
const line = (id: string, label: string, word: string) => `${id}\t${label} ${at(word).start} ${at(word).end}\t${word}`

function setup() {
  const project = createTempProject()
  const file = join(project.dir, 'a.txt')
  writeFileSync(file, TEXT)
  const articleId = runImport(project.store.db, [{ kind: 'path', path: file }], { encoding: 'utf-8' }).firstArticleId!
  const service = new AnnotationService(project.store)
  const importBrat = (dir: string) => runAnnotatedImport(project.store, annotatedImportOptions.parse({ format: 'brat', paths: [dir], annotator: 'Ben', labelMap: { Person: 'Actor', GPE: 'Place' } }), BEN)
  const layer = (store: Store = project.store) =>
    store.annotations
      .listByArticle(articleId)
      .map((t) => `${t.label} ${t.fragments[0]!.quote}`)
      .sort()
  return { project, articleId, service, importBrat, layer }
}

describe('re-importing tags into a coder’s layer', () => {
  it('replaces only what the same file brought: the coder’s hand-made tags and another file’s tags stay', () => {
    const { project, articleId, service, importBrat, layer } = setup()
    service.create(BEN, { articleId, label: 'Event', fragments: [at('left')] })
    const first = brat('batch-1', [line('T1', 'Person', 'Alice'), line('T2', 'Person', 'Bob')])
    expect(importBrat(first)).toMatchObject({ committed: true, annotations: 2, replaced: 0 })
    // a second file for the same coder and article adds to the layer; its "T1" is a tag of its own
    expect(importBrat(brat('batch-2', [line('T1', 'GPE', 'Lyon')]))).toMatchObject({ committed: true, annotations: 1, replaced: 0 })
    expect(layer()).toEqual(['Actor Alice', 'Actor Bob', 'Event left', 'Place Lyon'])
    // the first file again, now without Bob: its own tags are replaced, nothing else is touched
    writeFileSync(join(first, 'a.ann'), line('T1', 'Person', 'Alice') + '\n')
    expect(importBrat(first)).toMatchObject({ committed: true, annotations: 1, replaced: 2 })
    expect(layer()).toEqual(['Actor Alice', 'Event left', 'Place Lyon'])
    expect(project.store.annotations.listByArticle(articleId).filter((t) => t.label === 'Event')).toHaveLength(1)
  })

  it('leaves an imported tag the coder edited or deleted since as they left it, and says so', () => {
    const { project, articleId, service, importBrat, layer } = setup()
    const dir = brat('pre', [line('T1', 'Person', 'Alice'), line('T2', 'Person', 'Bob'), line('T3', 'GPE', 'Paris')])
    importBrat(dir)
    const tags = project.store.annotations.listByArticle(articleId)
    service.update(BEN, { id: tags.find((t) => t.fragments[0]!.quote === 'Bob')!.id, label: 'Claim' })
    service.delete(BEN, tags.find((t) => t.fragments[0]!.quote === 'Paris')!.id)
    const again = importBrat(dir)
    expect(again).toMatchObject({ committed: true, annotations: 1, replaced: 1 })
    expect(again.issues.find((i) => i.code === 'EDITED_KEPT')?.message).toMatch(/2 tags from an earlier import of this file were edited or deleted in Spanwise since/)
    expect(layer()).toEqual(['Actor Alice', 'Claim Bob'])
  })

  it('an older project’s imported tags (no file recorded) are replaced by the next import, hand-made ones are not', async () => {
    const { project, articleId, service, importBrat, layer } = setup()
    importBrat(brat('old', [line('T1', 'Person', 'Alice')]))
    service.create(BEN, { articleId, label: 'Event', fragments: [at('left')] })
    // the project as version 10 wrote it: no origin column
    const file = project.file
    project.store.close()
    const db = new Database(file)
    db.exec('ALTER TABLE annotation DROP COLUMN origin')
    db.pragma('user_version = 10')
    migrate(db, 11, MIGRATIONS)
    expect(db.prepare('SELECT label, origin FROM annotation ORDER BY label').all()).toEqual([
      { label: 'Actor', origin: 'import' },
      { label: 'Event', origin: null }
    ])
    db.close()
    const reopened = await openStore(file)
    const again = runAnnotatedImport(reopened, annotatedImportOptions.parse({ format: 'brat', paths: [brat('new', [line('T1', 'Person', 'Bob')])], annotator: 'Ben', labelMap: { Person: 'Actor' } }), BEN)
    expect(again).toMatchObject({ committed: true, annotations: 1, replaced: 1 })
    expect(layer(reopened)).toEqual(['Actor Bob', 'Event left'])
  })
})
