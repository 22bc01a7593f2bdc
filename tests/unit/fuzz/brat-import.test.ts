import fc from 'fast-check'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { exportedFiles } from '../../helpers/fuzz/exported-files'
import { fuzzParams, fuzzTimeout } from '../../helpers/fuzz/fuzz-params'
import { fuzzProjects } from '../../helpers/fuzz/fuzz-projects'
import { fuzzTally } from '../../helpers/fuzz/fuzz-tally'
import { hostileString, HOSTILE_NUMBERS } from '../../helpers/fuzz/hostile-values'
import { importFilesCase } from '../../helpers/fuzz/import-files-case'
import { applyFilesMutation, filesMutation, type Files } from '../../helpers/fuzz/mutate-files'
import { cleanupTemp } from '../../helpers/project'

const tally = fuzzTally('brat')
const BRAT = { format: 'brat' as const, annotator: 'Fuzz', createLabels: ['Weapon'] }
let seeds: Files
let projects: ReturnType<typeof fuzzProjects>

beforeAll(() => {
  seeds = exportedFiles('brat')
  projects = fuzzProjects(seeds, BRAT)
})
afterAll(() => {
  tally.print()
  cleanupTemp()
})

const options = fc.record({ skipInvalid: fc.boolean(), dryRun: fc.constantFrom(false, false, false, true) })

// .ann lines from brat's grammar with ids drawn from a few, so references, duplicates, overlaps and bad offsets meet
const id = (kind: string) => fc.nat(4).map((n) => `${kind}${n + 1}`)
const offset = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 120 }) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) })
const type = fc.constantFrom('Actor', 'Event', 'Place', 'Weapon', 'Unknown type', '', 'Actor\u0000', 'constructor', '__proto__')
const annLine = fc.oneof(
  fc.tuple(id('T'), type, fc.array(fc.tuple(offset, offset), { minLength: 1, maxLength: 3 }), fc.option(hostileString)).map(([i, t, spans, text]) => `${i}\t${t} ${spans.map(([s, e]) => `${s} ${e}`).join(';')}${text === null ? '' : `\t${text}`}`),
  fc.tuple(id('E'), type, id('T'), fc.array(fc.tuple(fc.constantFrom('Agent', 'Agent2', 'Place', 'x:y'), fc.oneof(id('T'), id('E'))), { maxLength: 3 })).map(([i, t, trig, args]) => `${i}\t${t}:${trig}${args.map(([r, a]) => ` ${r}:${a}`).join('')}`),
  fc.tuple(id('R'), fc.constantFrom('perpetrator', 'victim', 'located_at'), id('T'), fc.oneof(id('T'), id('E'), id('R'))).map(([i, t, a, b]) => `${i}\t${t} Arg1:${a} Arg2:${b}`),
  fc.tuple(id('A'), fc.constantFrom('event_type', 'fatalities_reported', 'x'), fc.oneof(id('T'), id('E'), id('R')), fc.option(fc.constantFrom('7', 'violence_against_civilians', ''))).map(([i, n, t, v]) => `${i}\t${n} ${t}${v === null ? '' : ` ${v}`}`),
  fc.tuple(id('#'), id('T'), hostileString).map(([i, t, text]) => `${i}\tAnnotatorNotes ${t}\t${text}`),
  fc.tuple(id('#'), id('T'), fc.jsonValue({ maxDepth: 2 })).map(([i, t, v]) => `${i}\tAnnotatorNotes ${t}\tSpanwise attributes: ${JSON.stringify(v)}`),
  fc.tuple(id('N'), id('T'), hostileString).map(([i, t, text]) => `${i}\tReference ${t} spanwise.entity:${text.replace(/\s/g, '') || 'x'}\t${text}`),
  fc.array(id('T'), { minLength: 1, maxLength: 3 }).map((ids) => `*\tEquiv ${ids.join(' ')}`),
  hostileString
)

describe('brat import survives hostile input: an AppError or clear issues, no partial write, no hang', () => {
  it('mutated exports (.ann, .txt, annotation.conf, visual.conf, articles.tsv)', () => {
    fc.assert(
      fc.property(fc.constantFrom('empty', 'imported' as const), filesMutation, options, (project, mutation, o) => {
        tally.add(importFilesCase(projects[project], applyFilesMutation(seeds, mutation), { ...BRAT, ...o }))
      }),
      fuzzParams(140)
    )
  }, fuzzTimeout())

  it('generated .ann files over a real text: overlapping, out-of-range and negative spans, dangling references', () => {
    const txt = Object.keys(seeds).find((n) => n.endsWith('.txt'))!
    fc.assert(
      fc.property(fc.array(annLine, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), options, (lines, eol, o) => {
        const files = { [txt]: seeds[txt]!, [txt.replace(/\.txt$/, '.ann')]: Buffer.from(lines.join(eol)), 'annotation.conf': seeds['annotation.conf']! }
        tally.add(importFilesCase(projects.empty, files, { ...BRAT, ...o }))
      }),
      fuzzParams(100)
    )
  }, fuzzTimeout())

  it('random files: arbitrary bytes as .ann, .txt and the configuration files', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1000 }), fc.uint8Array({ maxLength: 1000 }), fc.constantFrom('annotation.conf', 'visual.conf', 'articles.tsv'), fc.uint8Array({ maxLength: 500 }), options, (ann, txt, conf, confBytes, o) => {
        tally.add(importFilesCase(projects.empty, { 'doc.ann': ann, 'doc.txt': txt, [conf]: confBytes }, { ...BRAT, ...o }))
      }),
      fuzzParams(60)
    )
  }, fuzzTimeout())
})
