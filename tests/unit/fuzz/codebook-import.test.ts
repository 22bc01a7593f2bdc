import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importCodebook } from '../../../src/main/codebook/import-codebook'
import { CodebookService } from '../../../src/main/codebook/codebook-service'
import { codebookMigrationSchema } from '../../../src/shared/codebook/codebook-migration'
import type { Codebook } from '../../../src/shared/codebook/codebook-schema'
import { codedProject } from '../../helpers/coded-project'
import { expectConsistentProject } from '../../helpers/fuzz/expect-consistent-project'
import { expectAppError } from '../../helpers/fuzz/expect-safe-import'
import { fuzzParams, fuzzTimeout, HANG_LIMIT_MS } from '../../helpers/fuzz/fuzz-params'
import { fuzzTally } from '../../helpers/fuzz/fuzz-tally'
import { hostileString } from '../../helpers/fuzz/hostile-values'
import { changeFile, type FileChange } from '../../helpers/fuzz/mutate-files'
import { byteOp } from '../../helpers/fuzz/mutate-bytes'
import { jsonOp } from '../../helpers/fuzz/mutate-json'
import { textOp } from '../../helpers/fuzz/mutate-text'
import { templateOf, type ProjectTemplate } from '../../helpers/fuzz/project-template'
import { dumpTables } from '../../helpers/pack-fixtures'
import { ANA, cleanupTemp } from '../../helpers/project'

const tally = fuzzTally('codebook')
let seed: Uint8Array
let project: ProjectTemplate

beforeAll(() => {
  // a project whose tags use labels, attributes, values and links, so a save must carry them or refuse to orphan them;
  // its own codebook is the seed, so most changes are small enough to save
  const coded = codedProject()
  seed = Buffer.from(JSON.stringify(coded.store.codebooks.get(), null, 2))
  project = templateOf(coded)
})
afterAll(() => {
  tally.print()
  cleanupTemp()
})

/** Reads a codebook file's text as the app does: a Codebook, or an AppError saying what is wrong; never anything else, never slowly. */
function readCodebook(text: string): Codebook | null {
  const started = performance.now()
  try {
    return importCodebook(text)
  } catch (error) {
    expectAppError(error)
    expect(error.code).toBe('VALIDATION')
    return null
  } finally {
    expect(performance.now() - started, 'one input must not take near-forever').toBeLessThan(HANG_LIMIT_MS)
  }
}

/** Saves an accepted codebook over the coded project's: a new version with its tags carried, or an AppError that changed nothing. */
function saveCodebook(codebook: Codebook, migration: unknown): string {
  const { store, dispose } = project.open()
  try {
    const parsed = codebookMigrationSchema.safeParse(migration)
    const baseVersion = store.codebooks.currentVersion()
    try {
      new CodebookService(store).save(ANA, { codebook, note: 'fuzz', migration: parsed.success ? parsed.data : { labels: {}, attributes: [], values: [], links: [], retype: [] }, baseVersion })
    } catch (error) {
      expectAppError(error)
      expect(dumpTables(store)).toEqual(project.tables)
      return 'refused on save'
    }
    expect(store.codebooks.currentVersion()).toBe(baseVersion + 1)
    expectConsistentProject(store)
    return 'saved'
  } finally {
    dispose()
  }
}

const change: fc.Arbitrary<Exclude<FileChange, { kind: 'remove' }>> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('text' as const), ops: fc.array(textOp, { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bytes' as const), ops: fc.array(byteOp, { minLength: 1, maxLength: 2 }) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('json' as const), line: fc.nat(), ops: fc.array(jsonOp, { minLength: 1, maxLength: 4 }) }) }
)
const label = fc.constantFrom('Actor', 'Event', 'Place', 'Claim', 'Weapon', 'Nope', '')
const migration = fc.record({
  labels: fc.dictionary(label, fc.oneof(fc.record({ to: label }), fc.constant({ delete: true }))),
  attributes: fc.array(fc.record({ label, from: fc.constantFrom('event_type', 'entity', 'x'), to: fc.constantFrom('event_type', null, 'Bad Key') }), { maxLength: 2 }),
  values: fc.array(fc.record({ label, attribute: fc.constantFrom('event_type', 'mention_form'), from: fc.constantFrom('violence_against_civilians', 'acronym', 'x'), to: fc.constantFrom('battles', null) }), { maxLength: 2 }),
  links: fc.array(fc.record({ relation: fc.constantFrom('perpetrator', 'victim', 'x'), from: label, target: label, to: fc.constantFrom('victim', null) }), { maxLength: 2 })
})

describe('codebook import survives hostile input: a VALIDATION AppError naming each problem, or a codebook that saves cleanly', () => {
  it('mutated codebook files, then saved over a coded project with a random tag migration', () => {
    fc.assert(
      fc.property(change, migration, (c, m) => {
        const codebook = readCodebook(Buffer.from(changeFile(seed, c)).toString('utf8'))
        tally.add(codebook ? saveCodebook(codebook, m) : 'refused on import')
      }),
      fuzzParams(250)
    )
  }, fuzzTimeout())

  it('random text: arbitrary strings and JSON values', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 500 }), hostileString, fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v))), (text) => {
        tally.add(readCodebook(text) ? 'accepted' : 'refused on import')
      }),
      fuzzParams(200)
    )
  }, fuzzTimeout())
})
