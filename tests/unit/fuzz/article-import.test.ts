import fc from 'fast-check'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { runImport } from '../../../src/main/import/run-import'
import { HUILA, SECOND } from '../../helpers/coded-project'
import { fuzzParams, fuzzTimeout } from '../../helpers/fuzz/fuzz-params'
import { fuzzTally } from '../../helpers/fuzz/fuzz-tally'
import { hostileString } from '../../helpers/fuzz/hostile-values'
import { importArticlesCase } from '../../helpers/fuzz/import-articles-case'
import { applyFilesMutation, filesMutation, type Files } from '../../helpers/fuzz/mutate-files'
import { projectTemplate, type ProjectTemplate } from '../../helpers/fuzz/project-template'
import { writeFiles } from '../../helpers/fuzz/write-files'
import { cleanupTemp } from '../../helpers/project'

const tally = fuzzTally('articles (.txt, .md, .jsonl, .csv)')
const utf8 = (s: string) => Buffer.from(s, 'utf8')
const record = (title: string, text: string, extra: Record<string, unknown> = {}) => ({ title, text, source: 'El Tiempo', url: 'https://example.org/a', published: '2025-03-02', language: 'es', ...extra })
const SEEDS: Files = {
  'huila.txt': utf8(HUILA),
  'second.md': utf8(`# ${SECOND}\n\nDelegates met in *Quibdó*.\r\n`),
  'articles.jsonl': utf8([record('Talks', 'Talks resumed in Havana 😊 on Monday.'), record('Ceasefire', 'The front agreed 𝔸.\n\nNo more.', { tags: ['a'], n: 1 })].map((r) => JSON.stringify(r)).join('\n')),
  'articles.csv': utf8('title,text,source,date\r\n"Quoted, title","Text with ""quotes"", commas\nand a line break",Semana,3 March 2025\r\nPlain,Just text 👨🏻‍🚒,,2025-03-04\r\n')
}
let projects: { empty: ProjectTemplate; imported: ProjectTemplate }

beforeAll(() => {
  projects = {
    empty: projectTemplate(),
    imported: projectTemplate((store) => {
      const { dir, dispose } = writeFiles(SEEDS)
      runImport(store.db, [{ kind: 'path', path: dir }], { encoding: 'utf-8' })
      dispose()
    })
  }
})
afterAll(() => {
  tally.print()
  cleanupTemp()
})

const encoding = fc.constantFrom('utf-8' as const, 'utf-8' as const, 'windows-1252' as const)
const name = fc.constantFrom('a.txt', 'a.md', 'a.markdown', 'a.jsonl', 'a.ndjson', 'a.csv', 'A.TXT')

describe('the article import survives hostile input: clear issues, only the articles it reports, no hang', () => {
  it('mutated files of every type', () => {
    fc.assert(
      fc.property(fc.constantFrom('empty', 'imported' as const), filesMutation, encoding, (project, mutation, enc) => {
        tally.add(importArticlesCase(projects[project], applyFilesMutation(SEEDS, mutation), enc))
      }),
      fuzzParams(150)
    )
  }, fuzzTimeout())

  it('generated records: JSONL and CSV rows with fields of the wrong type, hostile text and dates', () => {
    const field = fc.oneof(hostileString, fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('31 February 2025', '2025-13-45', 'Mon, 3 Mar 2025 10:00:00 GMT', '0000-00-00', '+275760-09-13', '1e400'))
    const row = fc.record({ title: field, text: fc.oneof(hostileString, field), published: field, source: field, extra: field }, { requiredKeys: [] })
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }), fc.boolean(), encoding, (rows, asCsv, enc) => {
        const jsonl = rows.map((r) => JSON.stringify(r)).join('\n')
        const cell = (v: unknown) => `"${String(typeof v === 'string' ? v : JSON.stringify(v ?? '')).replace(/"/g, '""')}"`
        const csv = ['title,text,published,source,extra', ...rows.map((r) => [r.title, r.text, r.published, r.source, r.extra].map(cell).join(','))].join('\r\n')
        tally.add(importArticlesCase(projects.empty, asCsv ? { 'rows.csv': utf8(csv) } : { 'rows.jsonl': utf8(jsonl) }, enc))
      }),
      fuzzParams(100)
    )
  }, fuzzTimeout())

  it('random files: arbitrary bytes under every supported name', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), name, encoding, (bytes, n, enc) => {
        tally.add(importArticlesCase(projects.empty, { [n]: bytes }, enc))
      }),
      fuzzParams(60)
    )
  }, fuzzTimeout())
})
