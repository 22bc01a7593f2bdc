import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { exportedFiles } from '../../helpers/fuzz/exported-files'
import { fuzzParams, fuzzTimeout } from '../../helpers/fuzz/fuzz-params'
import { fuzzProjects } from '../../helpers/fuzz/fuzz-projects'
import { fuzzTally } from '../../helpers/fuzz/fuzz-tally'
import { hostileString } from '../../helpers/fuzz/hostile-values'
import { importFilesCase } from '../../helpers/fuzz/import-files-case'
import { applyFilesMutation, filesMutation, type Files } from '../../helpers/fuzz/mutate-files'
import { cleanupTemp } from '../../helpers/project'

const tally = fuzzTally('W3C Web Annotation')
const W3C = { format: 'w3c' as const, annotator: 'Fuzz', createLabels: ['Weapon'] }
let seeds: Files
let projects: ReturnType<typeof fuzzProjects>

beforeAll(() => {
  seeds = exportedFiles('w3c')
  projects = fuzzProjects(seeds, W3C)
})
afterAll(() => {
  tally.print()
  cleanupTemp()
})

const options = fc.record({ skipInvalid: fc.boolean(), dryRun: fc.constantFrom(false, false, false, true) })
// the export folder, the collection file in it, or one page on its own (its texts then found through the folder above)
const entry = fc.constantFrom((dir: string) => [dir], (dir: string) => [join(dir, 'annotations.jsonld')], (dir: string) => [join(dir, 'pages/000001.jsonld')])

// annotations whose selectors disagree with the text: hostile quotes, positions out of range, negative, fractional or huge
const number = fc.oneof(fc.integer({ min: -3, max: 200 }), fc.constantFrom(1.5, -0.5, 1e308, 2 ** 53, Number.MAX_SAFE_INTEGER))
const quote = fc.oneof(hostileString, fc.constantFrom('Gunmen', 'officers', '😊', '\uDE0A', '\uD83D', 'q\u0307', 'e\u0301', ''))
const selector = fc.oneof(
  fc.record({ type: fc.constant('TextQuoteSelector'), exact: quote, prefix: fc.option(quote, { nil: undefined }), suffix: fc.option(quote, { nil: undefined }) }),
  fc.record({ type: fc.constant('TextPositionSelector'), start: number, end: number })
)
const body = fc.record({ type: fc.constant('TextualBody'), purpose: fc.constantFrom('tagging', 'describing', 'commenting', 'assessing'), value: fc.oneof(fc.constantFrom('Actor', 'Event', '{"event_type":"battle"}', 'draft'), hostileString), format: fc.constantFrom('text/plain', 'application/json') })
const annotation = (source: string) =>
  fc.record({
    type: fc.constant('Annotation'),
    id: fc.constantFrom('urn:a1', 'urn:a2', 'urn:a3'),
    motivation: fc.constantFrom('tagging', 'tagging', 'tagging', 'linking'),
    // a label body first, so most annotations get as far as their selectors
    body: fc.tuple(fc.constantFrom('Actor', 'Event', 'Weapon', 'Nope', 'toString'), fc.array(body, { maxLength: 2 })).map(([label, more]) => [{ type: 'TextualBody', purpose: 'tagging', value: label }, ...more]),
    target: fc.array(
      fc.oneof(
        { weight: 4, arbitrary: fc.record({ type: fc.constant('SpecificResource'), source: fc.constantFrom(source, source, 'urn:other'), selector: fc.array(selector, { maxLength: 2 }) }) },
        { weight: 1, arbitrary: fc.constantFrom('urn:a1', 'urn:a2') }
      ),
      { maxLength: 2 }
    )
  })

describe('W3C Web Annotation import survives hostile input: an AppError or clear issues, no partial write, no hang', () => {
  it('mutated export folders (pages, sources.jsonl, texts), imported as a folder, a collection or one page', () => {
    fc.assert(
      fc.property(fc.constantFrom('empty', 'imported' as const), filesMutation, entry, options, (project, mutation, paths, o) => {
        tally.add(importFilesCase(projects[project], applyFilesMutation(seeds, mutation), { ...W3C, ...o }, paths))
      }),
      fuzzParams(140)
    )
  }, fuzzTimeout())

  it('generated annotations over a real text: quotes that do not occur or split characters, positions out of range', () => {
    const page = 'pages/000001.jsonld'
    const source = JSON.parse(Buffer.from(seeds[page]!).toString('utf8')).items[0].target[0].source as string
    fc.assert(
      fc.property(fc.array(annotation(source), { minLength: 1, maxLength: 5 }), options, (items, o) => {
        const files = { ...seeds, [page]: Buffer.from(JSON.stringify({ type: 'AnnotationPage', items })) }
        tally.add(importFilesCase(projects.empty, files, { ...W3C, ...o }))
      }),
      fuzzParams(100)
    )
  }, fuzzTimeout())

  it('random files: arbitrary bytes or JSON as a .jsonld file', () => {
    const content = fc.oneof(fc.uint8Array({ maxLength: 1000 }), fc.jsonValue({ maxDepth: 5 }).map((v) => Buffer.from(JSON.stringify(v))))
    fc.assert(
      fc.property(content, options, (bytes, o) => {
        tally.add(importFilesCase(projects.empty, { 'annotations.jsonld': bytes }, { ...W3C, ...o }))
      }),
      fuzzParams(50)
    )
  }, fuzzTimeout())
})
