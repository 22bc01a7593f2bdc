import { zipSync } from 'fflate'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { exportedFiles } from '../../helpers/fuzz/exported-files'
import { fuzzParams, fuzzTimeout } from '../../helpers/fuzz/fuzz-params'
import { fuzzProjects } from '../../helpers/fuzz/fuzz-projects'
import { fuzzTally } from '../../helpers/fuzz/fuzz-tally'
import { importFilesCase } from '../../helpers/fuzz/import-files-case'
import { applyByteOps, byteOp } from '../../helpers/fuzz/mutate-bytes'
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
      fuzzParams(150)
    )
  }, fuzzTimeout())

  it('mutated zip exports (entries changed, then the archive bytes)', () => {
    fc.assert(
      fc.property(fc.constantFrom('empty', 'imported' as const), filesMutation, fc.array(byteOp, { maxLength: 2 }), options, (project, mutation, zipOps, o) => {
        const zip = applyByteOps(zipSync(applyFilesMutation(seeds, mutation)), zipOps)
        tally.add(importFilesCase(projects[project], { 'export.zip': zip }, { ...DOCCANO, ...o }))
      }),
      fuzzParams(100)
    )
  }, fuzzTimeout())

  it('random files: arbitrary bytes, or lines of arbitrary JSON', () => {
    const content = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }),
      fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 8 }).map((lines) => Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n')))
    )
    fc.assert(
      fc.property(content, fc.constantFrom('Ana.jsonl', 'all.json', 'x.zip'), options, (bytes, name, o) => {
        tally.add(importFilesCase(projects.empty, { [name]: bytes }, { ...DOCCANO, ...o }))
      }),
      fuzzParams(100)
    )
  }, fuzzTimeout())
})
