import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { BratReader } from '../../../src/main/import/annotated/brat/brat-reader'
import { readAll } from '../../helpers/brat-fixtures'
import { ANA, cleanupTemp, createTempProject, tempDir } from '../../helpers/project'
import { runAnnotatedImport } from '../../../src/main/import/annotated/run-annotated-import'
import { runImport } from '../../../src/main/import/run-import'
import { annotatedImportOptions } from '../../../src/shared/exchange/annotated-import'
import type { Store } from '../../../src/main/store/store'

afterEach(cleanupTemp)

function folder(files: Record<string, string | Buffer>): string {
  const dir = join(tempDir(), 'corpus')
  mkdirSync(dir)
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content)
  return dir
}

const TEXT = 'Alice met Bob in Paris.'

describe('brat reader: bad input', () => {
  it('reports each unparsable line, duplicate id and unknown reference with its file and line, and keeps the rest', () => {
    const ann = [
      'T1\tPerson 0 5\tAlice',
      'T2\tPerson ten 13\tBob',
      'T3\tPerson 10 13\tBob',
      'T1\tPerson 17 22\tParis',
      'R1\tMet Arg1:T1 Arg2:T9',
      'E1\tMeeting:T7 Agent:T1',
      'A1\tNegation T8',
      'no tab here',
      'X1\tSomething T1',
      'R2\tMet Arg1:T1',
      'T4\tPerson 13 10\tx',
      'T5\tGPE 17 500\tParis'
    ].join('\n')
    const { docs, issues } = readAll(new BratReader(), [folder({ 'a.txt': TEXT, 'a.ann': ann })])
    const seen = issues.map((i) => `${i.file}:${i.line} ${i.severity} ${i.code}`)
    expect(seen).toEqual([
      'corpus/a.ann:2 error BAD_LINE',
      'corpus/a.ann:8 error BAD_LINE',
      'corpus/a.ann:9 error BAD_LINE',
      'corpus/a.ann:10 error BAD_LINE',
      'corpus/a.ann:11 error BAD_LINE',
      'corpus/a.ann:4 error DUPLICATE_ID',
      'corpus/a.ann:6 error UNKNOWN_REFERENCE',
      'corpus/a.ann:5 error UNKNOWN_REFERENCE',
      'corpus/a.ann:7 error UNKNOWN_REFERENCE'
    ])
    expect(issues.find((i) => i.line === 2)!.message).toMatch(/"ten 13" is not a "start end" pair/)
    expect(issues.find((i) => i.code === 'DUPLICATE_ID')!.message).toMatch(/T1 is already used on line 1/)
    expect(issues.find((i) => i.line === 5)!.message).toMatch(/refers to T9/)
    const doc = docs[0]!
    expect(doc.annotations.map((a) => a.key)).toEqual(['T1', 'T3', 'T5'])
    expect(doc.annotations[0]!.links).toBeUndefined()
    // offsets past the text are passed on with their line, for the engine's span check (SPAN_OUT_OF_RANGE)
    expect(doc.annotations[2]).toMatchObject({ key: 'T5', line: 12, fragments: [{ start: 17, end: 500, quote: 'Paris' }] })
  })

  it('refuses an .ann without its .txt, imports a .txt without .ann with a warning, and rejects bytes that are not UTF-8', () => {
    const dir = folder({ 'orphan.ann': 'T1\tPerson 0 5\tAlice\n', 'lonely.txt': TEXT, 'bad.txt': Buffer.from([0x41, 0xe9, 0x42]), 'bad.ann': '' })
    const { docs, issues } = readAll(new BratReader(), [dir])
    expect(issues.map((i) => `${i.file} ${i.severity} ${i.code}`)).toEqual([
      'corpus/bad.txt error INVALID_UTF8',
      'corpus/lonely.txt warning NOT_CARRIED',
      'corpus/orphan.ann error UNREADABLE'
    ])
    expect(issues[0]!.byteOffset).toBe(1)
    expect(issues[2]!.message).toMatch(/has no orphan\.txt beside it/)
    expect(docs.map((d) => [d.fileName, d.annotations.length])).toEqual([['lonely.txt', 0]])
  })

  it('says when a chosen file is not brat, and when a path does not exist', () => {
    const dir = folder({ 'notes.csv': 'a,b\n' })
    const { issues } = readAll(new BratReader(), [join(dir, 'notes.csv'), join(dir, 'missing')])
    expect(issues.map((i) => i.code)).toEqual(['NOT_THIS_FORMAT', 'UNREADABLE'])
  })
})

describe('brat reader: what brat files say', () => {
  it('counts offsets in code points of the .txt as it is, byte-order mark included, and reads CRLF .ann files', () => {
    const text = '\uFEFF😊 𝔸 q\u0307 Ana'
    const dir = folder({ 'd.txt': text, 'd.ann': 'T1\tPerson 8 11\tAna\r\n#1\tAnnotatorNotes T1\tdos\\nlíneas\r\n' })
    const { docs, issues } = readAll(new BratReader(), [dir])
    expect(issues).toEqual([])
    expect(docs[0]!.text).toBe(text)
    expect(docs[0]!.annotations[0]).toMatchObject({ fragments: [{ start: 8, end: 11, quote: 'Ana' }], note: 'dos\nlíneas' })
    expect(Array.from(text).slice(8, 11).join('')).toBe('Ana')
  })

  it('cuts a discontinuous text field by fragment lengths and joins fragments split only by line breaks', () => {
    const text = 'New\nYork and San Francisco'
    const dir = folder({ 'd.txt': text, 'd.ann': 'T1\tGPE 0 3;4 8\tNew York\nT2\tGPE 13 16;21 30\tSan Francisco\nT3\tGPE 0 3;13 16\tNew x\n' })
    const { docs, issues } = readAll(new BratReader(), [dir])
    const [t1, t2, t3] = docs[0]!.annotations
    expect(t1!.fragments).toEqual([{ start: 0, end: 8, quote: 'New\nYork' }])
    expect(t2!.fragments).toEqual([
      { start: 13, end: 16, quote: 'San' },
      { start: 21, end: 30, quote: 'Francisco' }
    ])
    expect(t3!.fragments).toEqual([
      { start: 0, end: 3 },
      { start: 13, end: 16 }
    ])
    expect(issues.map((i) => `${i.line} ${i.code}`)).toEqual(['3 SPAN_MISMATCH'])
  })

  it('folds numbered roles only after the bare role, keeps a role that ends in a digit, and turns equivalences into links', () => {
    const text = 'A B C D E'
    const ann = [
      'T1\tX 0 1\tA',
      'T2\tX 2 3\tB',
      'T3\tX 4 5\tC',
      'T4\tEv 6 7\tD',
      'E1\tEv:T4 phase2:T1 phase22:T2 Org-Arg:T3 Org-Arg2:T1',
      '*\tAlias T1 T2 T3',
      'A1\tConfidence E1 High',
      'M2\tNegation T4'
    ].join('\n')
    const { docs, issues } = readAll(new BratReader(), [folder({ 'd.txt': text, 'd.ann': ann })])
    expect(issues).toEqual([])
    const byKey = new Map(docs[0]!.annotations.map((a) => [a.key, a]))
    expect(byKey.has('T4')).toBe(false)
    expect(byKey.get('E1')!.links).toEqual([
      { type: 'phase2', to: 'T1' },
      { type: 'phase2', to: 'T2' },
      { type: 'Org-Arg', to: 'T3' },
      { type: 'Org-Arg', to: 'T1' }
    ])
    // attributes on the trigger land on its event's tag
    expect(byKey.get('E1')!.attributes).toEqual({ Confidence: 'High', Negation: true })
    expect(byKey.get('T1')!.links).toEqual([
      { type: 'Alias', to: 'T2' },
      { type: 'Alias', to: 'T3' }
    ])
  })

  it('gives annotation.conf types as labels with their hierarchy and visual.conf colours', () => {
    const conf = '[entities]\nAgent\n\tPerson\n[relations]\n[events]\n!Life\n\tDie\tVictim:Person\n[attributes]\nNeg\tArg:<EVENT>\n'
    const visual = '[labels]\nPerson | Human\n[drawing]\nPerson\tbgColor:#ff821c, fgColor:black\nDie\tbgColor:red\n'
    const reader = new BratReader()
    readAll(reader, [folder({ 'annotation.conf': conf, 'visual.conf': visual, 'd.txt': TEXT, 'd.ann': '' })])
    expect(reader.extras?.labels).toEqual([
      { name: 'Agent' },
      { name: 'Person', parent: 'Agent', color: '#ff821c' },
      { name: 'Life' },
      { name: 'Die', parent: 'Life' }
    ])
  })
})

describe('brat import: article titles', () => {
  it('titles each article by its .txt as the plain-text import does (first line, else the file name), never by the .ann path', () => {
    const long = `${'word '.repeat(60)}\nBody.`
    const intro = '\n\n  Welcome to\tthe  brat tutorial  \nAlice met Bob.\n'
    const files = {
      '000-introduction.txt': intro,
      '000-introduction.ann': `T1\tPerson ${intro.indexOf('Alice')} ${intro.indexOf('Alice') + 5}\tAlice\n`,
      'long.txt': long,
      'long.ann': ''
    }
    const dir = folder(files)
    const project = createTempProject()
    const report = runAnnotatedImport(project.store, annotatedImportOptions.parse({ format: 'brat', paths: [dir], annotator: 'Ben', labelMap: { Person: 'Actor' } }), ANA)
    expect(report).toMatchObject({ committed: true, articlesAdded: 2, annotations: 1 })
    const plain = createTempProject()
    runImport(plain.store.db, ['000-introduction.txt', 'long.txt'].map((name) => ({ kind: 'path' as const, path: join(dir, name) })), { encoding: 'utf-8' })
    const articles = (store: Store) => [1, 2].map((id) => store.articles.get(id)!).map((a) => [a.fileName, a.title])
    expect(articles(project.store)).toEqual([
      ['000-introduction.txt', 'Welcome to the brat tutorial'],
      ['long.txt', 'long']
    ])
    expect(articles(project.store)).toEqual(articles(plain.store))
  })

  it('keeps the title a Spanwise export’s articles.tsv gives', () => {
    const dir = folder({ 'a.txt': TEXT, 'a.ann': '', 'articles.tsv': 'file\ttitle\na\tMeeting in Paris\n' })
    const { docs } = readAll(new BratReader(), [dir])
    expect(docs.map((d) => [d.fileName, d.title])).toEqual([['a.txt', 'Meeting in Paris']])
  })
})

describe('brat import: labels to add (--create)', () => {
  const importWith = (store: Store, createLabels: string[], labelMap: Record<string, string> = {}) =>
    runAnnotatedImport(store, annotatedImportOptions.parse({ format: 'brat', paths: [folder({ 'a.txt': TEXT, 'a.ann': 'T1\tPerson 0 5\tAlice\nT2\tPerson 10 13\tBob\n' })], annotator: 'Ben', createLabels, labelMap }), ANA)
  const labelNames = (store: Store) => store.codebooks.get().labels.map((l) => l.name)

  it('adds only the labels the file uses and warns about the others, so one command line fits every file', () => {
    const { store } = createTempProject()
    const before = labelNames(store)
    const report = importWith(store, ['ORG', 'Person', 'PER'])
    expect(report).toMatchObject({ committed: true, annotations: 2 })
    expect(labelNames(store)).toEqual([...before, 'Person'])
    expect(store.codebooks.versions()[0]!.note).toBe('labels added by an import: Person')
    expect(report.issues).toMatchObject([{ severity: 'warning', code: 'UNKNOWN_LABEL', message: '--create ORG, PER: the file has no tags with these labels; not created.' }])
  })

  it('stores no new codebook version when the file uses none of them; its tags keep the current one', () => {
    const { store } = createTempProject()
    const version = store.codebooks.currentVersion()
    const report = importWith(store, ['ORG'], { Person: 'Actor' })
    expect(report).toMatchObject({ committed: true, annotations: 2 })
    expect(report.issues.map((i) => i.message)).toEqual(['--create ORG: the file has no tags with this label; not created.'])
    expect(store.codebooks.currentVersion()).toBe(version)
    expect(store.db.prepare('SELECT DISTINCT codebook_version FROM annotation').pluck().all()).toEqual([version])
    expect(labelNames(store)).not.toContain('ORG')
  })
})
