import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { unzipSync, zipSync } from 'fflate'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { AnnotationService } from '../../../src/main/annotations/annotation-service'
import { HUILA, SECOND } from '../../helpers/coded-project'
import { fuzzParams, fuzzTimeout } from '../../helpers/fuzz/fuzz-params'
import { fuzzTally } from '../../helpers/fuzz/fuzz-tally'
import { importFilesCase } from '../../helpers/fuzz/import-files-case'
import { applyZipOp, HOSTILE_ENTRY_NAMES, zipOp } from '../../helpers/fuzz/mutate-zip'
import { applyFilesMutation, filesMutation, type Files } from '../../helpers/fuzz/mutate-files'
import { projectTemplate, type ProjectTemplate } from '../../helpers/fuzz/project-template'
import { exportPack, projectWithArticles } from '../../helpers/pack-fixtures'
import { ANA, BEN, addArticle, cleanupTemp, cpIndexOf } from '../../helpers/project'

const tally = fuzzTally('annotation pack')
let entries: Files
let project: ProjectTemplate

beforeAll(() => {
  // Ben's pack: tags with a note, an attribute, a link and a discontinuous span, over both shared articles
  const ben = projectWithArticles()
  const gunmen = ben.tag(BEN, ben.huila, 'Actor', 'Gunmen', 'armed men')
  const attacked = ben.tag(BEN, ben.huila, 'Event', 'attacked')
  ben.service.update(BEN, { id: attacked, attributes: { fatalities_reported: 7 } })
  ben.service.link(BEN, { from: attacked, type: 'perpetrator', to: gunmen })
  const eln = cpIndexOf(SECOND, 'ELN')
  const clan = cpIndexOf(SECOND, 'Clan del Golfo')
  ben.service.create(BEN, { articleId: ben.second, label: 'Actor', fragments: [{ start: eln, end: eln + 3 }, { start: clan, end: clan + 14 }] })
  entries = unzipSync(new Uint8Array(readFileSync(exportPack(ben.store, BEN, { includeText: true }).file)))
  // Ana's project, where every pack is imported: the same two articles, one tag of hers
  project = projectTemplate((store) => {
    const huila = addArticle(store, HUILA, 'huila.txt')
    addArticle(store, SECOND, 'second.txt')
    const start = cpIndexOf(HUILA, 'attacked')
    new AnnotationService(store).create(ANA, { articleId: huila, label: 'Event', fragments: [{ start, end: start + 8 }] })
  })
})
afterAll(() => {
  tally.print()
  cleanupTemp()
})

const options = fc.record({ addMissingArticles: fc.boolean(), force: fc.boolean(), skipInvalid: fc.boolean(), dryRun: fc.constantFrom(false, false, false, true) })
const PACK = { format: 'pack' as const }
const inFolder = (dir: string) => [join(dir, 'ben.spanpack')]

/** The entries with the manifest's hashes and sizes redone, so only the change itself is wrong (as a careful forger would). */
function rehash(files: Files): Files {
  const manifestBytes = files['pack.json']
  if (!manifestBytes) return files
  let manifest: { files?: Record<string, unknown> }
  try {
    manifest = JSON.parse(Buffer.from(manifestBytes).toString('utf8'))
  } catch {
    return files
  }
  if (!manifest || typeof manifest !== 'object' || !manifest.files || typeof manifest.files !== 'object') return files
  for (const name of ['articles.jsonl', 'codebook.json']) {
    const bytes = files[name] ?? new Uint8Array()
    const entry = manifest.files[name]
    manifest.files[name] = { ...(entry && typeof entry === 'object' ? entry : {}), sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length }
  }
  try {
    return { ...files, 'pack.json': Buffer.from(JSON.stringify(manifest)) }
  } catch {
    // a manifest nested too deeply for JSON.stringify stays as the change left it
    return files
  }
}

describe('annotation pack import survives hostile input: an AppError or clear issues, no partial write, no hang', () => {
  it('mutated packs: entries changed (articles.jsonl, codebook.json, pack.json), hashes redone or not, then zipped again', () => {
    fc.assert(
      // articles.jsonl most often: changes there get past the manifest and codebook checks to the tags themselves
      fc.property(filesMutation, fc.constantFrom(true, true, false), fc.constantFrom('articles.jsonl', 'articles.jsonl', null), options, (mutation, redo, target, o) => {
        const changed = applyFilesMutation(entries, mutation, (name) => target === null || name === target)
        tally.add(importFilesCase(project, { 'ben.spanpack': zipSync(redo ? rehash(changed) : changed) }, { ...PACK, ...o }, inFolder))
      }),
      fuzzParams(150)
    )
  }, fuzzTimeout())

  it('mutated pack files: the zip\'s bytes, declared sizes and entry count changed', () => {
    fc.assert(
      fc.property(fc.array(zipOp, { minLength: 1, maxLength: 3 }), options, (ops, o) => {
        tally.add(importFilesCase(project, { 'ben.spanpack': ops.reduce(applyZipOp, zipSync(entries)) }, { ...PACK, ...o }, inFolder))
      }),
      fuzzParams(70)
    )
  }, fuzzTimeout())

  it('random files: arbitrary bytes, or a zip of arbitrary entries, as a .spanpack', () => {
    const content = fc.oneof(
      fc.uint8Array({ maxLength: 1000 }),
      fc.dictionary(fc.constantFrom('pack.json', 'articles.jsonl', 'codebook.json', 'a/b', ...HOSTILE_ENTRY_NAMES), fc.uint8Array({ maxLength: 200 })).map((e) => zipSync(e))
    )
    fc.assert(
      fc.property(content, options, (bytes, o) => {
        tally.add(importFilesCase(project, { 'ben.spanpack': bytes }, { ...PACK, ...o }, inFolder))
      }),
      fuzzParams(50)
    )
  }, fuzzTimeout())
})
