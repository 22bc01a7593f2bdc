import fc from 'fast-check'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { exportedFiles } from '../../helpers/fuzz/exported-files'
import { fuzzParams, fuzzTimeout } from '../../helpers/fuzz/fuzz-params'
import { fuzzProjects } from '../../helpers/fuzz/fuzz-projects'
import { fuzzTally } from '../../helpers/fuzz/fuzz-tally'
import { importFilesCase } from '../../helpers/fuzz/import-files-case'
import { applyFilesMutation, filesMutation, type Files } from '../../helpers/fuzz/mutate-files'
import { cleanupTemp } from '../../helpers/project'
import { reviewedProject } from '../../helpers/reviewed-project'

const tally = fuzzTally('native JSONL')
const NATIVE = { format: 'native' as const, annotator: 'Fuzz' }
let seeds: Files
let projects: ReturnType<typeof fuzzProjects>

beforeAll(() => {
  // reviewed, so mutations reach decisions, comment threads and done marks too
  seeds = exportedFiles('native', reviewedProject())
  projects = fuzzProjects(seeds, NATIVE)
})
afterAll(() => {
  tally.print()
  cleanupTemp()
})

const options = fc.record({ skipInvalid: fc.boolean(), dryRun: fc.constantFrom(false, false, false, true) })

describe('Spanwise JSONL import survives hostile input: an AppError or clear issues, no partial write, no hang', () => {
  it('mutated exports (header, articles, tags, codebooks, actors, review records)', () => {
    fc.assert(
      fc.property(fc.constantFrom('empty', 'imported' as const), filesMutation, options, (project, mutation, o) => {
        tally.add(importFilesCase(projects[project], applyFilesMutation(seeds, mutation), { ...NATIVE, ...o }))
      }),
      fuzzParams(150)
    )
  }, fuzzTimeout())

  it('random files: arbitrary bytes, or the real header followed by arbitrary JSON lines', () => {
    const header = Buffer.from(seeds['articles.jsonl']!).toString('utf8').split('\n')[0]!
    const content = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }),
      fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 6 }).map((lines) => Buffer.from([header, ...lines.map((l) => JSON.stringify(l))].join('\n')))
    )
    fc.assert(
      fc.property(content, options, (bytes, o) => {
        tally.add(importFilesCase(projects.empty, { 'articles.jsonl': bytes }, { ...NATIVE, ...o }))
      }),
      fuzzParams(70)
    )
  }, fuzzTimeout())
})
