import { zipSync } from 'fflate'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { exportedFiles } from '../../helpers/fuzz/exported-files'
import { fuzzParams, fuzzTimeout } from '../../helpers/fuzz/fuzz-params'
import { fuzzProjects } from '../../helpers/fuzz/fuzz-projects'
import { fuzzTally } from '../../helpers/fuzz/fuzz-tally'
import { importFilesCase } from '../../helpers/fuzz/import-files-case'
import { applyZipOp, HOSTILE_ENTRY_NAMES, zipOp } from '../../helpers/fuzz/mutate-zip'
import { applyFilesMutation, filesMutation, type Files } from '../../helpers/fuzz/mutate-files'
import { cleanupTemp } from '../../helpers/project'

const tally = fuzzTally('doccano')
const DOCCANO = { format: 'doccano' as const, annotator: 'Fuzz', createLabels: ['Weapon'] }
let seeds: Files
let projects: ReturnType<typeof fuzzProjects>

beforeAll(() => {
  seeds = exportedFiles('doccano')
  projects = fuzzProjects(seeds, DOCCANO)
})
afterAll(() => {
  tally.print()
  cleanupTemp()
})

const options = fc.record({ skipInvalid: fc.boolean(), dryRun: fc.constantFrom(false, false, false, true) })

describe('doccano import survives hostile input: an AppError or clear issues, no partial write, no hang', () => {
  it('mutated JSONL exports', () => {
    fc.assert(
      fc.property(fc.constantFrom('empty', 'imported' as const), filesMutation, options, (project, mutation, o) => {
        tally.add(importFilesCase(projects[project], applyFilesMutation(seeds, mutation), { ...DOCCANO, ...o }))
      }),
      fuzzParams(110)
    )
  }, fuzzTimeout())

  it('mutated zip exports (entries changed, then the archive: its bytes, declared sizes and entry count)', () => {
    fc.assert(
      fc.property(fc.constantFrom('empty', 'imported' as const), filesMutation, fc.array(zipOp, { maxLength: 2 }), options, (project, mutation, zipOps, o) => {
        const zip = zipOps.reduce(applyZipOp, zipSync(applyFilesMutation(seeds, mutation)))
        tally.add(importFilesCase(projects[project], { 'export.zip': zip }, { ...DOCCANO, ...o }))
      }),
      fuzzParams(70)
    )
  }, fuzzTimeout())

  it('random files: arbitrary bytes, lines of arbitrary JSON, or a zip of entries with hostile names', () => {
    const content = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }),
      fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 8 }).map((lines) => Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n'))),
      fc.dictionary(fc.constantFrom('Ana.jsonl', 'all.json', ...HOSTILE_ENTRY_NAMES), fc.uint8Array({ maxLength: 200 }), { maxKeys: 4 }).map((e) => zipSync(e))
    )
    fc.assert(
      fc.property(content, fc.constantFrom('Ana.jsonl', 'all.json', 'x.zip'), options, (bytes, name, o) => {
        tally.add(importFilesCase(projects.empty, { [name]: bytes }, { ...DOCCANO, ...o }))
      }),
      fuzzParams(60)
    )
  }, fuzzTimeout())
})
