import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { BratWriter } from '../../../src/main/export/brat/brat-writer'
import type { ExportArticle } from '../../../src/main/export/export-dataset'
import { BratReader } from '../../../src/main/import/annotated/brat/brat-reader'
import { parseAnnotationConf } from '../../../src/main/import/annotated/brat/parse-annotation-conf'
import type { ImportedDocument } from '../../../src/main/import/annotated/imported-document'
import type { Codebook } from '../../../src/shared/codebook/codebook-schema'
import { ArticleOffsets, quoteRange } from '../../../src/shared/offsets'
import { exportContext, filesIn, readAll, runWriter } from '../../helpers/brat-fixtures'
import { cleanupTemp, tempDir } from '../../helpers/project'
import { annFacts, confViolations } from '../../helpers/brat-ann-facts'

const TUTORIALS = join(__dirname, '../../../../shared/conformance/brat/example-data/tutorials')
const exists = existsSync(TUTORIALS)
if (!exists) console.warn(`brat conformance tests skipped: ${TUTORIALS} is missing (see shared/conformance/brat/SOURCE.md for what to copy there)`)

afterAll(cleanupTemp)

/** A codebook for the tutorial labels: each event label gets the roles its E lines use, attributes from annotation.conf. */
function tutorialCodebook(dir: string, docs: ImportedDocument[]): Codebook {
  const conf = parseAnnotationConf(readFileSync(join(dir, 'annotation.conf'), 'utf8'))
  const entities = conf.entities.map((t) => t.name)
  const events = conf.events.map((t) => t.name)
  const labelOfKey = new Map(docs.flatMap((d) => d.annotations.map((a) => [`${d.name}/${a.key}`, a.label] as const)))
  const relations = new Map<string, Set<string>>()
  for (const d of docs)
    for (const a of d.annotations)
      for (const l of a.key.startsWith('E') ? (a.links ?? []) : []) {
        const key = `${a.label}\t${l.type}`
        relations.set(key, (relations.get(key) ?? new Set()).add(labelOfKey.get(`${d.name}/${l.to}`)!))
      }
  const attributesOf = (label: string) =>
    conf.attributes
      .filter((a) => a.targets.includes(label) || a.targets.includes(events.includes(label) ? '<EVENT>' : '<ENTITY>'))
      .map((a) => ({
        key: a.name,
        name: a.name,
        description: '',
        type: a.values ? ('single' as const) : ('boolean' as const),
        required: false,
        many: false,
        ...(a.values && { values: a.values.map((v) => ({ value: v, label: v, description: '' })) })
      }))
  return {
    format: 'spanwise-codebook',
    version: 1,
    name: 'brat tutorial',
    description: '',
    labels: [...entities, ...events].map((name, order) => ({ name, description: '', color: '#000000', hotkey: null, parent: null, order, attributes: attributesOf(name) })),
    relations: [...relations].map(([key, to]) => {
      const [from, type] = key.split('\t') as [string, string]
      return { type, name: type, description: '', from, to: [...to], cardinality: 'many' as const }
    }),
    rules: []
  }
}

/** The documents as articles to export, tags and links keyed by the file's own ids. */
function asArticles(docs: ImportedDocument[]): ExportArticle[] {
  return docs.map((d, i) => {
    const offsets = new ArticleOffsets(d.text)
    return {
      id: i + 1,
      uid: d.name,
      title: d.fileName!.replace(/\.txt$/, ''),
      text: d.text,
      hash: '',
      source: '',
      url: '',
      published: '',
      language: 'en',
      fileName: d.fileName!,
      metadata: {},
      status: 'done',
      note: '',
      importedAt: '',
      annotations: d.annotations.map((a) => ({
        id: a.key,
        articleId: i + 1,
        annotatorId: 'brat',
        annotatorName: 'brat',
        label: a.label,
        fragments: a.fragments.map((f) => ({ start: f.start, end: f.end, ...quoteRange(offsets, f) })),
        attributes: a.attributes ?? {},
        note: a.note ?? '',
        status: 'submitted',
        links: a.links ?? [],
        missing: [],
        createdAt: '',
        updatedAt: '',
        codebookVersion: 1
      }))
    }
  })
}

describe.skipIf(!exists)('brat conformance: nlplab/brat example-data/tutorials', () => {
  for (const collection of ['news', 'bio']) {
    const dir = join(TUTORIALS, collection)

    it(`${collection}: every document reads with no error, and every span's quote is the .txt slice at its code-point offsets`, () => {
      const { docs, issues } = readAll(new BratReader(), [dir])
      expect(docs.map((d) => d.fileName)).toEqual(filesIn(dir, '.txt'))
      expect(issues.filter((i) => i.severity === 'error')).toEqual([])
      let spans = 0
      for (const d of docs) {
        const offsets = new ArticleOffsets(d.text)
        for (const a of d.annotations)
          for (const f of a.fragments) {
            expect(f.quote, `${d.name} ${a.key}`).toBeDefined()
            expect(offsets.slice(f), `${d.name} ${a.key}`).toBe(f.quote)
            spans++
          }
      }
      // a tag per T line, except triggers, which become the tag of their E line
      const tLines = filesIn(dir, '.ann').flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l.startsWith('T')))
      expect(spans).toBe(tLines.length)
    })

    it(`${collection}: read and written back, the .ann files state the same annotations, except notes on relations and foreign references`, () => {
      const { docs, issues } = readAll(new BratReader(), [dir])
      const notCarried = issues.filter((i) => i.code === 'NOT_CARRIED').map((i) => `${i.file}:${i.line}`)
      // news 000 line 17 is "N1 Reference T5 Wikipedia:64488"; 110 line 12 is "#3 AnnotatorNotes R1"
      expect(notCarried).toEqual(collection === 'news' ? ['news/000-introduction.ann:17', 'news/110-note_annotation.ann:12'] : ['bio/110-note_annotation.ann:12'])
      const codebook = tutorialCodebook(dir, docs)
      const { folder, notes } = runWriter(new BratWriter(), exportContext(codebook), asArticles(docs), tempDir())
      expect(notes.counts['renamedLabels']).toBe(0)
      const conf = parseAnnotationConf(readFileSync(join(folder, 'annotation.conf'), 'utf8'))
      const writtenAnn = notes.files.filter((f) => f.endsWith('.ann'))
      let compared = 0
      for (const [i, d] of docs.entries()) {
        const base = d.fileName!.replace(/\.txt$/, '')
        const original = annFacts(readFileSync(join(dir, `${base}.ann`), 'utf8'))
        const written = readFileSync(join(folder, writtenAnn[i]!), 'utf8')
        expect(readFileSync(join(folder, writtenAnn[i]!.replace(/\.ann$/, '.txt')), 'utf8')).toBe(d.text)
        const carried = original.facts.filter((f) => !f.startsWith('reference Wikipedia:'))
        expect(annFacts(written).facts, base).toEqual(carried)
        expect(confViolations(written, conf), base).toEqual([])
        compared += carried.length
      }
      expect(compared).toBeGreaterThan(100)
    })
  }
})
