import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { unzipSync, zipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { AnnotationService } from '../../../src/main/annotations/annotation-service'
import { runAnnotatedImport } from '../../../src/main/import/annotated/run-annotated-import'
import { runImport } from '../../../src/main/import/run-import'
import type { Store } from '../../../src/main/store/store'
import { annotatedImportOptions, type AnnotatedImportInput } from '../../../src/shared/exchange/annotated-import'
import { exportedFiles } from '../../helpers/fuzz/exported-files'
import { dumpTables, exportPack, importPack, projectWithArticles } from '../../helpers/pack-fixtures'
import { ANA, BEN, cleanupTemp, createTempProject, tempDir } from '../../helpers/project'

afterEach(cleanupTemp)

// each case below is an input the fuzz suite (tests/unit/fuzz) found crashing or misleading an importer

/** Writes files into a new folder (paths may hold subfolders); returns the folder. */
function folder(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir()
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), content)
  }
  return dir
}

function annotated(store: Store, input: Omit<AnnotatedImportInput, 'annotator'> & { annotator?: string }) {
  return runAnnotatedImport(store, annotatedImportOptions.parse({ annotator: 'Fuzz', ...input }), ANA)
}

const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`
const W3C_TEXT = 'Informe 😊: the ELN attacked a patrol.'

/** A one-article W3C export folder whose page holds `items`, with sources.jsonl fields overridden by `source`. */
function w3cFolder(items: unknown[], source: Record<string, unknown> = {}, text: string | Uint8Array = W3C_TEXT) {
  const article = 'urn:spanwise:article:a1'
  return folder({
    'sources.jsonl': JSON.stringify({ article, textFile: 'texts/a1.txt', pageFile: 'pages/000001.jsonld', title: 'A', ...source }),
    'texts/a1.txt': text,
    'pages/000001.jsonld': JSON.stringify({ type: 'AnnotationPage', items }),
    'outside.txt': 'never read'
  })
}
const tagging = (selector: unknown[]) => ({
  type: 'Annotation',
  id: 'urn:a1',
  motivation: 'tagging',
  body: [{ type: 'TextualBody', purpose: 'tagging', value: 'Actor' }],
  target: [{ type: 'SpecificResource', source: 'urn:spanwise:article:a1', selector }]
})

describe('annotated imports report hostile input instead of crashing', () => {
  it('titles an article from a format with no title field by its first line, as a plain .txt import does, never by file and line', () => {
    const { store } = createTempProject()
    const file = join(folder({ 'Ana.jsonl': JSON.stringify({ text: '\n  ELN  attack in Arauca\nThe ELN attacked a base.', label: [[3, 6, 'Actor']] }) }), 'Ana.jsonl')
    expect(annotated(store, { format: 'doccano', paths: [file] }).committed).toBe(true)
    expect(store.articles.get(1)!.title).toBe('ELN attack in Arauca')
  })

  it('an article id already used by another text gets a new id, with a warning (was SQLITE_CONSTRAINT_UNIQUE)', () => {
    const { store } = createTempProject()
    const line = (text: string) => JSON.stringify({ text, uid: 'same-id', label: [[0, 3, 'Actor']] })
    expect(annotated(store, { format: 'doccano', paths: [join(folder({ 'Ana.jsonl': line('ELN first.') }), 'Ana.jsonl')] }).committed).toBe(true)
    const report = annotated(store, { format: 'doccano', paths: [join(folder({ 'Ana.jsonl': line('ELN edited.') }), 'Ana.jsonl')] })
    expect(report.committed).toBe(true)
    expect(report.issues).toMatchObject([{ severity: 'warning', code: 'DUPLICATE_ID', message: expect.stringContaining('its article id same-id already belongs to another article') }])
    expect(store.db.prepare('SELECT count(*) FROM article').pluck().get()).toBe(2)
  })

  it('the same article twice in one file reports the second copy’s tag id as taken in this article, and writes nothing (was SQLITE_CONSTRAINT_UNIQUE)', () => {
    const { store } = createTempProject()
    const before = dumpTables(store)
    const line = JSON.stringify({ text: 'ELN again.', label: [[0, 3, 'Actor']] })
    const report = annotated(store, { format: 'doccano', paths: [join(folder({ 'Ana.jsonl': `${line}\n${line}` }), 'Ana.jsonl')] })
    expect(report.committed).toBe(false)
    expect(report.issues).toMatchObject([{ severity: 'error', code: 'DUPLICATE_ID', line: 2, message: expect.stringContaining('already belongs to another tag of this article') }])
    expect(dumpTables(store)).toEqual(before)
  })

  it('JSON nested too deeply to store is a BAD_LINE with its place (was RangeError, or an SQLite json_valid failure)', () => {
    for (const depth of [2000, 100_000]) {
      const { store } = createTempProject()
      const before = dumpTables(store)
      const report = annotated(store, { format: 'doccano', paths: [folder({ 'Ana.jsonl': `{"text":"ELN","label":[[0,3,"Actor"]],"meta":{"x":${deep(depth)}}}` })] })
      expect(report.committed).toBe(false)
      expect(report.issues).toMatchObject([{ code: 'BAD_LINE', line: 1, message: 'Ana.jsonl line 1, column 149: not valid JSON (it is nested more than 100 levels deep). Fix the file there and import it again.' }])
      expect(dumpTables(store)).toEqual(before)
    }
  })

  it('invalid UTF-8 is reported with its byte offset, never decoded with U+FFFD (native threw a TypeError)', () => {
    const header = Buffer.from(exportedFiles('native')['articles.jsonl']!).toString('utf8').split('\n')[0]!
    const bad = Buffer.concat([Buffer.from(`${header}\n{"type":"article","title":"Caf`), Buffer.from([0xe9]), Buffer.from('"}\n')])
    const cases: [AnnotatedImportInput['format'], Record<string, Uint8Array>, string][] = [
      ['native', { 'articles.jsonl': bad }, `articles.jsonl line 2 is not valid UTF-8 (first bad byte at offset ${Buffer.byteLength(header) + 31})`],
      ['doccano', { 'Ana.jsonl': Buffer.from([...Buffer.from('{"text":"Caf'), 0xe9, ...Buffer.from('"}')]) }, 'Ana.jsonl line 1 is not valid UTF-8 (first bad byte at offset 12)'],
      ['label-studio', { 'tasks.json': Buffer.from([...Buffer.from('[{"data":{"text":"Caf'), 0xe9, ...Buffer.from('"}}]')]) }, 'tasks.json is not valid UTF-8 (first bad byte at offset 21)']
    ]
    for (const [format, files, message] of cases) {
      const { store } = createTempProject()
      const report = annotated(store, { format, paths: [folder(files)] })
      expect(report.committed, format).toBe(false)
      expect(report.issues.find((i) => i.code === 'INVALID_UTF8')?.message, format).toContain(message)
    }
    const { store } = createTempProject()
    const w3c = annotated(store, { format: 'w3c', paths: [w3cFolder([tagging([{ type: 'TextQuoteSelector', exact: 'ELN' }])], {}, Buffer.from([0x45, 0x4c, 0x4e, 0xff]))] })
    expect(w3c.issues).toMatchObject([{ code: 'INVALID_UTF8', message: expect.stringContaining('texts/a1.txt is not valid UTF-8 (first bad byte at offset 3)') }])
  })

  it('W3C selectors that do not fit the text are reported (negative or fractional positions and half an emoji threw RangeError)', () => {
    for (const selector of [
      [{ type: 'TextPositionSelector', start: -1, end: 3 }, { type: 'TextQuoteSelector', exact: 'patrol' }],
      [{ type: 'TextPositionSelector', start: 0.5, end: 3 }, { type: 'TextQuoteSelector', exact: 'nowhere' }],
      [{ type: 'TextQuoteSelector', exact: '\uDE0A' }]
    ]) {
      const { store } = createTempProject()
      const report = annotated(store, { format: 'w3c', paths: [w3cFolder([tagging(selector)])] })
      expect(report.issues.every((i) => i.message.length > 0)).toBe(true)
      expect(report.issues.map((i) => i.code)).toEqual(expect.arrayContaining([expect.stringMatching(/^SPAN_(REANCHORED|MISMATCH)$/)]))
    }
  })

  it('W3C: a missing path is UNREADABLE (was ENOENT), a status outside the list is left out (was a CHECK failure)', () => {
    const { store } = createTempProject()
    const missing = annotated(store, { format: 'w3c', paths: [join(tempDir(), 'gone.jsonld')] })
    expect(missing.issues).toMatchObject([{ code: 'UNREADABLE', message: expect.stringMatching(/gone\.jsonld does not exist; check the path\.$/) }])
    const status = annotated(store, { format: 'w3c', paths: [w3cFolder([tagging([{ type: 'TextQuoteSelector', exact: 'ELN' }])], { status: 'archived' })] })
    expect(status.committed).toBe(true)
    expect(status.issues).toMatchObject([{ severity: 'warning', code: 'NOT_CARRIED', message: expect.stringContaining('the status "archived" is not one of new, in_progress, done') }])
  })

  it('W3C: sources.jsonl cannot name a text outside its export folder, also when a single page is imported', () => {
    const dir = w3cFolder([tagging([{ type: 'TextQuoteSelector', exact: 'never' }])], { textFile: '../outside.txt' })
    writeFileSync(join(dirname(dir), 'outside.txt'), 'never read')
    for (const paths of [[dir], [join(dir, 'pages/000001.jsonld')]]) {
      const { store } = createTempProject()
      const report = annotated(store, { format: 'w3c', paths })
      expect(report.committed).toBe(false)
      expect(report.issues.map((i) => i.code)).toContain('NOT_CARRIED')
      expect(store.db.prepare('SELECT count(*) FROM article').pluck().get()).toBe(0)
    }
  })

  it('W3C: a sources.jsonl line that is null is a BAD_LINE, not a TypeError (found by the fuzzer)', () => {
    const dir = w3cFolder([tagging([{ type: 'TextQuoteSelector', exact: 'ELN' }])])
    writeFileSync(join(dir, 'sources.jsonl'), 'null\n' + readFileSync(join(dir, 'sources.jsonl'), 'utf8'))
    const { store } = createTempProject()
    const report = annotated(store, { format: 'w3c', paths: [dir] })
    expect(report.issues).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'BAD_LINE', line: 1, message: expect.stringContaining('sources.jsonl line 1 needs "article"') })]))
  })

  it('REFI-QDA: a DOCTYPE with an external entity is a BAD_LINE (fast-xml-parser threw after the validator accepted it)', () => {
    const qdpx = unzipSync(exportedFiles('refi-qda')['project.qdpx']!)
    const xml = Buffer.from(qdpx['project.qde']!).toString('utf8').replace('?>', '?><!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]>')
    const { store } = createTempProject()
    const report = annotated(store, { format: 'refi-qda', paths: [join(folder({ 'p.qdpx': zipSync({ ...qdpx, 'project.qde': Buffer.from(xml) }) }), 'p.qdpx')] })
    expect(report.committed).toBe(false)
    expect(report.issues).toMatchObject([{ code: 'BAD_LINE', message: 'p.qdpx/project.qde cannot be read as XML: External entities are not supported. Export it again.' }])
  })

  it('packs: an articles.jsonl that is not UTF-8 is refused, even with the manifest hashes redone (was a TypeError)', () => {
    const ben = projectWithArticles()
    ben.tag(BEN, ben.huila, 'Actor', 'Gunmen')
    const entries = unzipSync(new Uint8Array(readFileSync(exportPack(ben.store, BEN).file)))
    const articles = Buffer.concat([Buffer.from(entries['articles.jsonl']!), Buffer.from([0xff, 0x0a])])
    const manifest = JSON.parse(Buffer.from(entries['pack.json']!).toString('utf8'))
    manifest.files['articles.jsonl'] = { ...manifest.files['articles.jsonl'], sha256: createHash('sha256').update(articles).digest('hex'), bytes: articles.length }
    const path = join(folder({ 'x.spanpack': zipSync({ ...entries, 'articles.jsonl': articles, 'pack.json': Buffer.from(JSON.stringify(manifest)) }) }), 'x.spanpack')
    const ana = projectWithArticles()
    const before = dumpTables(ana.store)
    expect(() => importPack(ana.store, ANA, [path])).toThrow(`x.spanpack is damaged: articles.jsonl is not valid UTF-8 (first bad byte at offset ${articles.length - 2}). Ask for the file again.`)
    expect(dumpTables(ana.store)).toEqual(before)
  })
})

describe('names and values that Object.prototype already has', () => {
  it('a label named constructor or toString is a label like any other (the label map found a function: TypeError)', () => {
    for (const label of ['constructor', 'toString', '__proto__']) {
      const { store } = createTempProject()
      const report = annotated(store, { format: 'brat', paths: [folder({ 'a.txt': 'The ELN met.', 'a.ann': `T1\t${label} 4 7\tELN` })] })
      expect(report.unresolvedLabels, label).toEqual([label])
      expect(report.committed).toBe(false)
    }
  })

  it('an id, a field or a category that is an object with a "toString" key is read as its JSON (String() threw a TypeError)', () => {
    const { store } = createTempProject()
    const records = runImport(store.db, [{ kind: 'path', path: folder({ 'a.jsonl': '{"title":{"toString":""},"text":"Talks resumed."}' }) }], { encoding: 'utf-8' })
    expect(records.imported).toBe(1)
    expect(store.db.prepare('SELECT title FROM article').pluck().get()).toBe('{"toString":""}')
    const line = { text: 'ELN met.', entities: [{ id: { toString: 1 }, start_offset: 0, end_offset: 3, label: 'Actor' }], relations: [{ from_id: { toString: 1 }, to_id: 9, type: 'x' }], cats: [{ toString: 1 }] }
    const doccano = annotated(store, { format: 'doccano', paths: [folder({ 'Ana.jsonl': JSON.stringify(line) })] })
    expect(doccano.issues.map((i) => i.message)).toEqual([
      'Ana.jsonl line 1: relation 1 (x) refers to entity 9, which this line does not have; fix the id or remove the relation.',
      'Ana.jsonl line 1: document categories ({"toString":1}) are not tags; they were kept in the article\'s metadata as "categories".'
    ])
    const task = { id: { toString: 1 }, data: { text: 'ELN met.' }, annotations: [{ result: [{ id: { toString: 1 }, type: 'labels', value: { start: 0, end: 3, labels: ['Actor'] } }, { type: 'relation', from_id: { toString: 1 }, to_id: 'r9' }] }] }
    const labelStudio = annotated(store, { format: 'label-studio', paths: [folder({ 'tasks.json': JSON.stringify([task]) })] })
    expect(labelStudio.issues.map((i) => i.message)).toEqual(['tasks.json task {"toString":1}: relation related from {"toString":1} to r9 refers to a region this annotation does not have; fix "from_id"/"to_id" or remove it.'])
  })
})

describe('canonical text is canonical', () => {
  it('a control character between a letter and its accent leaves NFC text, so a pack of the article imports (was refused as edited)', () => {
    const ben = createTempProject()
    runImport(ben.store.db, [{ kind: 'path', path: folder({ 'a.txt': 'Talks in Quibdo\u202e\u0301 resumed.' }) }], { encoding: 'utf-8' })
    const text = ben.store.db.prepare('SELECT text FROM article').pluck().get() as string
    expect(text).toBe('Talks in Quibdó resumed.')
    const id = ben.store.db.prepare('SELECT id FROM article').pluck().get() as number
    new AnnotationService(ben.store).create(BEN, { articleId: id, label: 'Place', fragments: [{ start: 9, end: 15 }] })
    const { store } = createTempProject()
    const report = importPack(store, ANA, [exportPack(ben.store, BEN, { includeText: true }).file], { addMissingArticles: true })
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([])
    expect(report.committed).toBe(true)
  })
})

describe('the article import says why a table imported nothing', () => {
  it('a CSV with a header and no rows, a JSONL file of blank lines → EMPTY_FILE (was no issue at all)', () => {
    const { store } = createTempProject()
    const report = runImport(store.db, [{ kind: 'path', path: folder({ 'a.csv': 'title,text\r\n', 'b.jsonl': '\n\n' }) }], { encoding: 'utf-8' })
    expect(report.imported).toBe(0)
    expect(report.issues.map((i) => [i.code, i.message])).toEqual([
      ['EMPTY_FILE', 'a.csv: the file holds no rows below its header; each row should be one article with a "text"'],
      ['EMPTY_FILE', 'b.jsonl: the file holds no records; each line should be one article with a "text"']
    ])
  })

  it('a JSONL record nested too deeply is a BAD_RECORD, the others import', () => {
    const { store } = createTempProject()
    const report = runImport(store.db, [{ kind: 'path', path: folder({ 'a.jsonl': `{"text":"fine"}\n{"text":"deep","meta":${deep(5000)}}` }) }], { encoding: 'utf-8' })
    expect(report.imported).toBe(1)
    expect(report.issues).toMatchObject([{ code: 'BAD_RECORD', line: 2, message: 'a.jsonl (line 2): line 2 is not valid JSON (it is nested more than 100 levels deep); fix or remove that line' }])
  })
})
