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

const tally = fuzzTally('Label Studio')
const LABEL_STUDIO = { format: 'label-studio' as const, annotator: 'Fuzz', createLabels: ['Weapon'] }
let seeds: Files
let projects: ReturnType<typeof fuzzProjects>

beforeAll(() => {
  seeds = exportedFiles('label-studio')
  projects = fuzzProjects(seeds, LABEL_STUDIO)
})
afterAll(() => {
  tally.print()
  cleanupTemp()
})

const options = fc.record({ skipInvalid: fc.boolean(), dryRun: fc.constantFrom(false, false, false, true) })

// results whose offsets and quotes disagree with the task text (UTF-16 offsets: emoji halves, inclusive ends, out of range)
const TEXT = 'Hoy 😊 𝔸 q\u0307 en Cali: el ELN atacó una patrulla. El ELN negó el ataque.'
const offset = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: -2, max: 80 }) }, { weight: 1, arbitrary: fc.constantFrom(5, 1.5, -1, 1e308, 2 ** 53) })
const regionId = fc.oneof(fc.constantFrom('r1', 'r2', 'r1#2', 'r2#1', 'x'), fc.constant({ toString: 1 }))
const result = fc.oneof(
  { weight: 4, arbitrary: fc.record({ id: regionId, type: fc.constant('labels'), from_name: fc.constant('label'), value: fc.record({ start: offset, end: offset, text: fc.oneof(fc.constantFrom('ELN', '😊', '\uD83D', ''), hostileString), labels: fc.array(fc.constantFrom('Actor', 'Event', 'Weapon', 'Nope', '', 'constructor'), { maxLength: 2 }) }) }) },
  { weight: 1, arbitrary: fc.record({ id: regionId, type: fc.constantFrom('choices', 'textarea', 'number', 'rating', 'taxonomy', 'toString'), from_name: fc.constantFrom('Event.event_type', 'Actor.entity', 'x'), value: fc.record({ choices: fc.array(fc.oneof(fc.constantFrom('true', 'battle'), hostileString), { maxLength: 2 }), text: fc.array(hostileString, { maxLength: 2 }), number: fc.oneof(fc.integer(), fc.constant(1e308)) }) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('relation'), from_id: regionId, to_id: regionId, direction: fc.constantFrom('right', 'left', 'bi'), labels: fc.array(fc.constantFrom('perpetrator', ''), { maxLength: 1 }) }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }
)
const task = fc.record({
  id: fc.oneof(fc.nat(5), fc.constant(null)),
  data: fc.record({ text: fc.constantFrom(TEXT, '', '\uFEFF\u0000'), title: fc.option(hostileString, { nil: undefined }), uid: fc.constantFrom(undefined, 'u1', 'u1') }),
  annotations: fc.array(fc.record({ completed_by: fc.oneof(fc.nat(3), fc.record({ id: fc.nat(3), email: hostileString }), fc.constant(null)), was_cancelled: fc.boolean(), result: fc.array(result, { maxLength: 6 }) }), { maxLength: 2 }),
  predictions: fc.option(fc.array(fc.record({ model_version: hostileString, result: fc.array(result, { maxLength: 3 }) }), { maxLength: 1 }), { nil: undefined })
})

describe('Label Studio import survives hostile input: an AppError or clear issues, no partial write, no hang', () => {
  it('mutated exports (tasks.json and label_config.xml)', () => {
    fc.assert(
      fc.property(fc.constantFrom('empty', 'imported' as const), filesMutation, options, (project, mutation, o) => {
        tally.add(importFilesCase(projects[project], applyFilesMutation(seeds, mutation), { ...LABEL_STUDIO, ...o }))
      }),
      fuzzParams(110)
    )
  }, fuzzTimeout())

  it('generated tasks: regions off the text or splitting emoji, fragments, relations to nowhere, attributes of every type', () => {
    fc.assert(
      fc.property(fc.array(task, { minLength: 1, maxLength: 3 }), fc.boolean(), options, (tasks, withConfig, o) => {
        const files = { 'tasks.json': Buffer.from(JSON.stringify(tasks)), ...(withConfig ? { 'label_config.xml': seeds['label_config.xml']! } : {}) }
        tally.add(importFilesCase(projects.empty, files, { ...LABEL_STUDIO, ...o }))
      }),
      fuzzParams(100)
    )
  }, fuzzTimeout())

  it('random files: arbitrary bytes or JSON as the export, arbitrary bytes as the config', () => {
    const content = fc.oneof(fc.uint8Array({ maxLength: 1000 }), fc.jsonValue({ maxDepth: 5 }).map((v) => Buffer.from(JSON.stringify(v))))
    fc.assert(
      fc.property(content, fc.uint8Array({ maxLength: 300 }), options, (bytes, config, o) => {
        tally.add(importFilesCase(projects.empty, { 'export.json': bytes, 'config.xml': config }, { ...LABEL_STUDIO, ...o }))
      }),
      fuzzParams(50)
    )
  }, fuzzTimeout())
})
