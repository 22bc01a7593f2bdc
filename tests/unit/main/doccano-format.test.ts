import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DoccanoWriter } from '../../../src/main/export/doccano/doccano-writer'
import { DoccanoReader } from '../../../src/main/import/annotated/doccano/doccano-reader'
import { ArticleOffsets } from '../../../src/shared/offsets'
import { cleanupTemp, tempDir } from '../../helpers/project'
import { ANA, BEN, defaultCodebook, exportContext, readAll, runWriter, spanText, trickyArticle, TRICKY_TEXT } from '../../helpers/web-fixtures'

afterEach(cleanupTemp)

const DOCCANO = join(__dirname, '../../../../shared/conformance/doccano/backend')
const doccanoExists = existsSync(DOCCANO)
if (!doccanoExists) console.warn(`doccano conformance tests skipped: ${DOCCANO} is missing (copy doccano/doccano's backend examples there)`)

const lines = (path: string) => readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>)

describe('doccano export', () => {
  it('writes one file per coder, relation form when the codebook has relations, offsets in UTF-16 units', () => {
    const dest = join(tempDir(), 'doccano')
    const notes = runWriter(new DoccanoWriter(), dest, [trickyArticle()])
    expect(notes.files).toEqual(['Ana Gómez.jsonl', 'Ben.jsonl'])
    const [line] = lines(join(dest, 'Ana Gómez.jsonl'))
    // doccano slices the text in UTF-16 units, as a browser does
    expect(line!['entities'].map((e: any) => [e.label, TRICKY_TEXT.slice(e.start_offset, e.end_offset)])).toEqual([['Actor', 'ELN'], ['Event', 'attacked'], ['Event', 'patrol'], ['Place', 'Arauca']])
    const eln = line!['entities'][0]
    expect(new ArticleOffsets(TRICKY_TEXT).utf16ToCp(eln.start_offset)).toBeLessThan(eln.start_offset)
    expect(line!['relations'].map((r: any) => r.type)).toEqual(['perpetrator', 'located_at'])
    expect(line).toMatchObject({ uid: trickyArticle().uid, title: 'Patrol attacked', Comments: ['Check the figure.'] })
    expect(notes.counts).toMatchObject({ fragmentsSplit: 1, relations: 2, relationForm: 1 })
    expect(notes.warnings.join(' ')).toContain('split into one span per fragment')
  })

  it('writes no file for a coder with no tags in the export (the gold standard before any review)', () => {
    const dest = join(tempDir(), 'doccano')
    const ctx = exportContext(undefined, dest)
    const notes = runWriter(new DoccanoWriter(), dest, [trickyArticle()], { ...ctx, annotators: [...ctx.annotators, { id: 'gold', name: 'Gold standard' }] })
    expect(notes.files).toEqual(['Ana Gómez.jsonl', 'Ben.jsonl'])
    expect(readdirSync(dest).sort()).toEqual(['Ana Gómez.jsonl', 'Ben.jsonl'])
  })

  it('uses the sequence-labelling form when the codebook defines no relations', () => {
    const codebook = { ...defaultCodebook(), relations: [] }
    const dest = join(tempDir(), 'doccano')
    const notes = runWriter(new DoccanoWriter(), dest, [trickyArticle()], exportContext(codebook, dest))
    const [line] = lines(join(dest, 'Ben.jsonl'))
    expect(line!['label']).toEqual([[TRICKY_TEXT.indexOf('Army'), TRICKY_TEXT.indexOf('Army') + 4, 'Actor'], [TRICKY_TEXT.indexOf('Bogotá'), TRICKY_TEXT.indexOf('Bogotá') + 6, 'Place']].sort((a, b) => (a[0] as number) - (b[0] as number)))
    expect(notes.counts['linksDropped']).toBe(2)
  })
})

describe('doccano round trip', () => {
  it('reads its own export back: every fragment a span on the right text, links, coder from the file name', () => {
    const dest = join(tempDir(), 'doccano')
    runWriter(new DoccanoWriter(), dest, [trickyArticle()])
    const { docs, issues } = readAll(new DoccanoReader(), [dest])
    expect(issues).toEqual([])
    expect(docs).toHaveLength(2)
    const original = trickyArticle()
    for (const doc of docs) {
      expect(doc.text).toBe(TRICKY_TEXT)
      expect(doc.uid).toBe(original.uid)
      const coder = doc.annotations[0]!.annotator!.name
      const expected = original.annotations.filter((a) => a.annotatorName === coder).flatMap((a) => a.fragments.map((f) => [a.label, f.start, f.end, f.quote]))
      expect(doc.annotations.map((a) => [a.label, a.fragments[0]!.start, a.fragments[0]!.end, spanText(doc.text, a.fragments[0]!)]).sort()).toEqual(expected.sort())
    }
    const ana = docs.find((d) => d.annotations[0]!.annotator!.name === ANA.name)!
    const event = ana.annotations.find((a) => a.label === 'Event' && spanText(ana.text, a.fragments[0]!) === 'attacked')!
    expect(event.links!.map((l) => [l.type, spanText(ana.text, ana.annotations.find((a) => a.key === l.to)!.fragments[0]!)])).toEqual([['perpetrator', 'ELN'], ['located_at', 'Arauca']])
    expect(docs.map((d) => d.annotations[0]!.annotator!.name).sort()).toEqual([ANA.name, BEN.name])
  })

  it('carries a coder’s exact name, which a file name cannot; a single file without names goes to the coder the user names', () => {
    const dest = join(tempDir(), 'doccano')
    const ctx = exportContext(undefined, dest)
    runWriter(new DoccanoWriter(), dest, [trickyArticle()], { ...ctx, annotators: ctx.annotators.map((a) => (a.id === BEN.id ? { ...a, name: 'Sam (demo colleague)' } : a)) })
    expect(existsSync(join(dest, 'Sam _demo colleague_.jsonl'))).toBe(true)
    expect(readAll(new DoccanoReader(), [dest]).docs.map((d) => d.annotations[0]!.annotator!.name).sort()).toEqual([ANA.name, 'Sam (demo colleague)'])
    // doccano's own example: one file, no names in it, so no coder called "example"
    const example = join(tempDir(), 'example.jsonl')
    writeFileSync(example, JSON.stringify({ text: 'Ana met Ben.', label: [[0, 3, 'PER']] }) + '\n')
    expect(readAll(new DoccanoReader(), [example]).docs[0]!.annotations[0]!.annotator).toBeUndefined()
  })
})

describe('doccano bad input', () => {
  function read(content: string) {
    const file = join(tempDir(), 'coder.jsonl')
    writeFileSync(file, content)
    return readAll(new DoccanoReader(), [file])
  }

  it('reports malformed JSON with its line and column, and goes on with the next lines', () => {
    const { docs, issues } = read('{"text": "ok", "label": []}\n{"text": "broken", "label": [[0, 2, "X"]\n{"text": "fine", "label": [[0, 4, "Y"]]}\n')
    expect(docs.map((d) => d.text)).toEqual(['ok', 'fine'])
    expect(issues).toMatchObject([{ code: 'BAD_LINE', line: 2, severity: 'error' }])
    expect(issues[0]!.message).toMatch(/line 2, column \d+/)
  })

  it('reports offsets beyond the text and an offset between the halves of an emoji', () => {
    const { docs, issues } = read(JSON.stringify({ text: 'a😊b', label: [[0, 9, 'X'], [0, 2, 'Y'], [1, 3, 'Z']] }) + '\n')
    expect(issues.map((i) => i.code)).toEqual(['SPAN_OUT_OF_RANGE', 'SPAN_OUT_OF_RANGE'])
    expect(issues[1]!.message).toContain('surrogate')
    expect(docs[0]!.annotations.map((a) => [a.label, spanText('a😊b', a.fragments[0]!)])).toEqual([['Z', '😊']])
  })

  it('says once that a Label Studio tasks file is not doccano, and which format to choose', () => {
    const file = join(tempDir(), 'tasks.json')
    const task = (id: number) => ({ id, data: { text: `Task ${id} text.` }, annotations: [{ result: [] }] })
    writeFileSync(file, JSON.stringify([1, 2, 3, 4, 5].map(task)))
    const { docs, issues } = readAll(new DoccanoReader(), [file])
    expect(docs).toEqual([])
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'NOT_THIS_FORMAT',
        severity: 'error',
        message: 'tasks.json looks like a Label Studio export (a JSON array of tasks with "data" and "annotations"), not doccano; import it again choosing the Label Studio format.'
      })
    ])
  })

  it('reports duplicate entity ids and relations to entities the line does not have', () => {
    const entities = [{ id: 1, start_offset: 0, end_offset: 1, label: 'A' }, { id: 1, start_offset: 2, end_offset: 3, label: 'B' }]
    const { docs, issues } = read(JSON.stringify({ text: 'x y z', entities, relations: [{ id: 0, from_id: 1, to_id: 7, type: 'r' }] }) + '\n')
    expect(issues.map((i) => i.code)).toEqual(['DUPLICATE_ID', 'UNKNOWN_REFERENCE'])
    expect(docs[0]!.annotations).toHaveLength(1)
  })
})

describe.skipIf(!doccanoExists)('doccano conformance (doccano/doccano examples)', () => {
  const texts = (file: string) => {
    const { docs, issues } = readAll(new DoccanoReader(), [join(DOCCANO, file)])
    expect(issues.filter((i) => i.severity === 'error')).toEqual([])
    return docs.map((d) => d.annotations.map((a) => [a.label, spanText(d.text, a.fragments[0]!)]))
  }

  it('imports the sequence-labelling export example with every span on its words', () => {
    expect(texts('data_export/pipeline/examples/sequence_labeling/example.jsonl')).toEqual([[['ORG', 'EU'], ['MISC', 'German']], [['PERSON', 'Peter Blackburn']], [['PERSON', 'Obama']]])
  })

  it('imports the relation-extraction export example (one pretty-printed object) with its relations', () => {
    const { docs } = readAll(new DoccanoReader(), [join(DOCCANO, 'data_export/pipeline/examples/relation_extraction/example.jsonl')])
    const doc = docs[0]!
    expect(doc.annotations.map((a) => [a.label, spanText(doc.text, a.fragments[0]!)])).toEqual([['ORG', 'Google'], ['DATE', 'September 4, 1998'], ['PERSON', 'Larry Page'], ['PERSON', 'Sergey Brin']])
    expect(doc.annotations[0]!.links).toEqual([{ type: 'foundedAt', to: '1' }, { type: 'foundedBy', to: '2' }, { type: 'foundedBy', to: '3' }])
  })

  it('imports the upload examples: configurable column names, relations without ids, metadata, categories', () => {
    expect(texts('data_import/pipeline/examples/sequence_labeling/example.jsonl')).toEqual([[['ORG', 'EU']], [['PERSON', 'Peter Blackburn']], [['PERSON', 'Obama']]])
    expect(texts('data_import/pipeline/examples/relation_extraction/example.jsonl')[0]).toContainEqual(['PERSON', 'Sergey Brin'])
    expect(texts('data_import/pipeline/examples/intent_detection/example.jsonl')).toEqual([[['City', 'Find a flight from Memphis'], ['City', 'Tacoma']], [['City', 'Los Angeles']]])
    const { docs, issues } = readAll(new DoccanoReader(), [join(DOCCANO, 'data_import/tests/data/sequence_labeling/example.jsonl')])
    expect(docs[0]!.metadata).toMatchObject({ wikiPageID: 1 })
    expect(issues).toMatchObject([{ code: 'BAD_LINE', line: 3 }])
  })

  it('imports a duplicated overlapping span once, with a warning', () => {
    const { docs, issues } = readAll(new DoccanoReader(), [join(DOCCANO, 'data_import/tests/data/sequence_labeling/example_overlapping.jsonl')])
    expect(docs[0]!.annotations).toHaveLength(1)
    expect(issues).toMatchObject([{ code: 'DUPLICATE_ID', severity: 'warning' }])
  })
})
