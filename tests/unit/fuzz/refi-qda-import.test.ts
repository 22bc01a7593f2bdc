import { unzipSync, zipSync } from 'fflate'
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

const tally = fuzzTally('REFI-QDA')
const REFI = { format: 'refi-qda' as const, annotator: 'Fuzz', createLabels: ['Weapon'] }
// the unzipped project (project.qde, sources/…) and the codebook beside it
let inside: Files
let codebook: Uint8Array
let projects: ReturnType<typeof fuzzProjects>

beforeAll(() => {
  const seeds = exportedFiles('refi-qda')
  inside = unzipSync(seeds['project.qdpx']!)
  codebook = seeds['codebook.qdc']!
  projects = fuzzProjects(seeds, REFI)
})
afterAll(() => {
  tally.print()
  cleanupTemp()
})

const options = fc.record({ skipInvalid: fc.boolean(), dryRun: fc.constantFrom(false, false, false, true) })

// XML's own hostile inputs: entity expansion (billion laughs), external entities, deep nesting, CDATA, numeric references to NUL and surrogates
const laughs = `<!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa">${'bcdefgh'
  .split('')
  .map((e, i) => `<!ENTITY ${e} "${`&${'abcdefg'[i]};`.repeat(10)}">`)
  .join('')}]>`
const XML_HOSTILE = [
  laughs,
  '<!DOCTYPE Project [<!ENTITY x SYSTEM "../secret.txt">]>',
  '<!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
  `${'<a>'.repeat(20_000)}${'</a>'.repeat(20_000)}`,
  '<![CDATA[ ]]> ]]>',
  '&h;',
  '&x;',
  '&#0;',
  '&#xD800;',
  '&#x1F60A;',
  '<Project xmlns="urn:QDA-XML:project:1.0">',
  '<PlainTextSelection guid="x" startPosition="0" endPosition="99999999999999999999"><Coding guid="y"><CodeRef targetGUID="6b1519f2-a348-5d54-ae4b-fbbaa196d65f"/></Coding></PlainTextSelection>'
]
const xmlChange = fc.record({ at: fc.nat(), text: fc.constantFrom(...XML_HOSTILE) })
/** The files with `change` inserted into project.qde after a tag's end, where a parser must meet it (between elements, or inside text). */
function withXml(files: Files, change: { at: number; text: string } | null): Files {
  const qde = files['project.qde']
  if (!change || !qde) return files
  const xml = Buffer.from(qde).toString('utf8')
  const ends = [...xml.matchAll(/>/g)].map((m) => m.index + 1)
  const at = ends.length ? ends[change.at % ends.length]! : 0
  return { ...files, 'project.qde': Buffer.from(xml.slice(0, at) + change.text + xml.slice(at)) }
}

describe('REFI-QDA import survives hostile input: an AppError or clear issues, no partial write, no hang', () => {
  it('mutated .qdpx projects: entries changed (XML, sources, codebook), then zipped again', () => {
    fc.assert(
      fc.property(fc.constantFrom('empty', 'imported' as const), filesMutation, fc.option(xmlChange), options, (project, mutation, xml, o) => {
        const { 'codebook.qdc': qdc, ...entries } = applyFilesMutation({ ...inside, 'codebook.qdc': codebook }, mutation)
        const qdpx = zipSync(withXml(entries, xml))
        tally.add(importFilesCase(projects[project], { 'project.qdpx': qdpx, ...(qdc ? { 'codebook.qdc': qdc } : {}) }, { ...REFI, ...o }))
      }),
      fuzzParams(110)
    )
  }, fuzzTimeout())

  it('mutated .qdpx archives: the zip\'s bytes, declared sizes and entry count changed, entries with hostile names added', () => {
    const extra = fc.dictionary(fc.constantFrom(...HOSTILE_ENTRY_NAMES, 'sources/extra.txt', 'Sources/x.jpg'), fc.uint8Array({ maxLength: 100 }), { maxKeys: 2 })
    fc.assert(
      fc.property(extra, fc.array(zipOp, { minLength: 1, maxLength: 3 }), options, (more, ops, o) => {
        tally.add(importFilesCase(projects.empty, { 'project.qdpx': ops.reduce(applyZipOp, zipSync({ ...inside, ...more })) }, { ...REFI, ...o }))
      }),
      fuzzParams(70)
    )
  }, fuzzTimeout())

  it('mutated bare projects: project.qde with its sources folder beside it', () => {
    fc.assert(
      fc.property(filesMutation, fc.option(xmlChange), options, (mutation, xml, o) => {
        tally.add(importFilesCase(projects.empty, withXml(applyFilesMutation(inside, mutation), xml), { ...REFI, ...o }))
      }),
      fuzzParams(70)
    )
  }, fuzzTimeout())

  it('random files: arbitrary bytes as .qdpx, .qde and .qdc', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1000 }), fc.constantFrom('x.qdpx', 'x.qde', 'x.qdc'), options, (bytes, name, o) => {
        tally.add(importFilesCase(projects.empty, { [name]: bytes }, { ...REFI, ...o }))
      }),
      fuzzParams(40)
    )
  }, fuzzTimeout())
})
