import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runExport } from '../../../src/main/export/run-export'
import { runAnnotatedImport } from '../../../src/main/import/annotated/run-annotated-import'
import type { Store } from '../../../src/main/store/store'
import { annotatedImportOptions } from '../../../src/shared/exchange/annotated-import'
import { exportOptions, type ExportFilter } from '../../../src/shared/exchange/export-options'
import { dumpTables } from '../../helpers/pack-fixtures'
import { ANA, BEN, cleanupTemp, createTempProject, tempDir } from '../../helpers/project'
import { CARLA, DAN, reviewedProject } from '../../helpers/reviewed-project'

afterEach(cleanupTemp)

interface Line {
  annotations: { id: string; label: string; annotator: { id: string }; comments: { author: { name: string }; body: string }[] }[]
  adjudications: { decision: string; goldId: string | null; reason: string; decidedBy: { name: string } }[]
  doneMarks: { annotator: { id: string; name: string }; doneAt: string }[]
}

function exported(store: Store, filter: ExportFilter = {}) {
  const out = join(tempDir(), 'out')
  runExport(store, exportOptions.parse({ format: 'native', destination: out, filter }))
  const file = join(out, 'articles.jsonl')
  const [header, ...articles] = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l))
  return { file, out, header: header as { annotators: { id: string; name: string }[] }, articles: articles as Line[] }
}

/** The review records a file's lines hold, as the manifest should count them. */
const carried = (lines: Line[]) => ({
  comments: lines.flatMap((l) => l.annotations.flatMap((t) => t.comments)).length,
  adjudications: lines.flatMap((l) => l.adjudications).length,
  doneMarks: lines.flatMap((l) => l.doneMarks).length
})

const importInto = (store: Store, file: string, extra: Record<string, unknown> = {}) =>
  runAnnotatedImport(store, annotatedImportOptions.parse({ format: 'native', paths: [file], annotator: 'Imported', ...extra }), ANA)

/** Rewrites one article line of an exported file (1: the first article). */
function editLine(file: string, n: number, edit: (line: Record<string, any>) => void): void {
  const lines = readFileSync(file, 'utf8').trim().split('\n')
  const line = JSON.parse(lines[n]!)
  edit(line)
  lines[n] = JSON.stringify(line)
  writeFileSync(file, `${lines.join('\n')}\n`)
}

describe('native JSONL carries the review records', () => {
  it('writes each article’s decisions oldest first, its done marks and each tag’s comment thread; the header names every coder they name', () => {
    const p = reviewedProject()
    const { out, header, articles } = exported(p.store)
    const [first, second] = articles as [Line, Line]
    expect(first.adjudications.map((d) => [d.decision, d.decidedBy.name])).toEqual([
      ['accept', 'Ana'],
      ['reject', 'Ben'],
      ['merge', 'Ana'],
      ['accept', 'Ana'],
      ['reject', 'Ana']
    ])
    expect(first.adjudications[1]!.reason).toBe('')
    // the last decision's gold tag was deleted: the decision stays, naming a tag the file does not hold
    expect(first.adjudications[3]!.goldId).toBe(p.undone)
    expect(first.annotations.some((t) => t.id === p.undone)).toBe(false)
    const event = first.annotations.find((t) => t.id === p.event.id)!
    expect(event.comments.map((c) => [c.author.name, c.body])).toEqual([
      ['Ben', 'Is "7" right?\n\tSee the “police report” 😊'],
      [CARLA.name, 'q\u0307 — agreed \u2028 <b>']
    ])
    expect(first.doneMarks.map((m) => m.annotator.id)).toEqual([ANA.id, BEN.id])
    expect(second.doneMarks.map((m) => m.annotator.name)).toEqual([CARLA.name])
    expect(second.adjudications).toEqual([])
    expect(header.annotators.map((a) => a.name)).toEqual(expect.arrayContaining(['Ana', 'Ben', CARLA.name, DAN.name, 'Gold standard']))
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))
    expect(manifest.cannotCarry).toEqual([])
    expect(manifest.counts).toMatchObject(carried(articles))
    expect(manifest.counts).toMatchObject({ adjudications: 5, doneMarks: 3 })
  })

  it('follows the filter: decisions go with their article, comments with their tag, done marks with their coder', () => {
    const p = reviewedProject()
    const bensFile = exported(p.store, { annotators: ['Ben'] })
    const bens = bensFile.articles as [Line, Line]
    // the manifest counts what the filtered file holds
    expect(JSON.parse(readFileSync(join(bensFile.out, 'manifest.json'), 'utf8')).counts).toMatchObject({ ...carried(bens), adjudications: 5, doneMarks: 1 })
    expect(bens[0].adjudications).toHaveLength(5)
    expect(bens[0].annotations.every((t) => t.annotator.id === BEN.id)).toBe(true)
    // Ana's comment on Ben's tag goes with the tag; Ana's and Carla's done marks stay home
    expect(bens[1].annotations.find((t) => t.id === p.both.id)!.comments.map((c) => c.body)).toEqual(['ELN ≠ Clan'])
    expect(bens.map((a) => a.doneMarks.map((m) => m.annotator.name))).toEqual([['Ben'], []])
    const events = exported(p.store, { labels: ['Event'] }).articles as [Line, Line]
    expect(events[0].annotations.flatMap((t) => t.comments)).toHaveLength(2)
    expect(events.map((a) => a.doneMarks.length)).toEqual([2, 1])
    // a tag status filter leaves the accepted event and its thread out; decisions and done marks do not depend on it
    const rejected = exported(p.store, { statuses: ['rejected'] }).articles as [Line, Line]
    // the merge's gold tag dropped the Mobile Column's canonical actor, so Ana's version of it is rejected too
    expect(rejected[0].annotations.map((t) => t.id).sort()).toEqual([p.gunmen.id, p.column.id].sort())
    expect(rejected.map((a) => [a.adjudications.length, a.doneMarks.length])).toEqual([
      [5, 2],
      [0, 1]
    ])
    const second = exported(p.store, { articleIds: [p.a2] })
    expect(second.articles).toHaveLength(1)
    expect(second.articles[0]!.adjudications).toEqual([])
    // the header still names every coder, so the records of a filtered file resolve too
    expect(second.header.annotators.map((a) => a.id)).toEqual(expect.arrayContaining([ANA.id, BEN.id, CARLA.id]))
  })

  it('imports a filtered file’s decisions although the tags they name are not in it, as the project that made them keeps them', () => {
    const p = reviewedProject()
    const { file } = exported(p.store, { annotators: ['Ben'] })
    const target = createTempProject().store
    const report = importInto(target, file)
    expect(report).toMatchObject({ committed: true, errors: 0, review: { adjudications: 5, comments: 1, doneMarks: 1 } })
    const [a1] = target.db.prepare('SELECT id FROM article ORDER BY id').pluck().all() as number[]
    expect(target.review.decisions(a1!).map((d) => [d.id, d.goldExists])).toEqual(p.store.review.decisions(p.a1).map((d) => [d.id, false]))
  })
})

describe('native JSONL import checks the review records', () => {
  it('refuses a malformed decision, comment or done mark with its line and path, and writes nothing', () => {
    const p = reviewedProject()
    const { file } = exported(p.store)
    editLine(file, 1, (line) => {
      line.adjudications[2].candidates[0].label = 5
      line.adjudications[3].decision = 'maybe'
      line.annotations.find((t: { id: string }) => t.id === p.event.id).comments[1].body = ''
    })
    editLine(file, 2, (line) => {
      line.doneMarks[0].annotator = { id: CARLA.id }
    })
    const target = createTempProject().store
    const before = dumpTables(target)
    const report = importInto(target, file)
    expect(report.committed).toBe(false)
    const messages = report.issues.filter((i) => i.code === 'BAD_LINE').map((i) => [i.line, i.message])
    expect(messages).toEqual(
      expect.arrayContaining([
        [2, expect.stringMatching(/line 2, adjudication 3: candidates\.0\.label: /)],
        [2, expect.stringMatching(/line 2, adjudication 4: decision: /)],
        [2, expect.stringMatching(/line 2, tag \d+: comments\.1\.body: a comment needs text/)],
        [3, expect.stringMatching(/line 3, done mark 1: annotator\.name: /)]
      ])
    )
    expect(dumpTables(target)).toEqual(before)
  })

  it('refuses a decision that names another article’s tag or reuses an id; skipping invalid input imports the rest', () => {
    const p = reviewedProject()
    const { file } = exported(p.store)
    editLine(file, 2, (line) => {
      const [elsewhere, again] = JSON.parse(readFileSync(file, 'utf8').split('\n')[1]!).adjudications
      line.adjudications = [{ ...elsewhere, id: '66666666-6666-4666-8666-666666666666' }, again]
    })
    const target = createTempProject().store
    const refused = importInto(target, file)
    expect(refused.committed).toBe(false)
    expect(refused.issues.map((i) => [i.code, i.line])).toEqual(
      expect.arrayContaining([
        ['UNKNOWN_REFERENCE', 3],
        ['DUPLICATE_ID', 3]
      ])
    )
    expect(refused.issues.find((i) => i.code === 'UNKNOWN_REFERENCE')!.message).toMatch(/names tag .* which belongs to another article/)
    const skipped = importInto(target, file, { skipInvalid: true })
    expect(skipped).toMatchObject({ committed: true, review: { adjudications: 5 } })
    expect(target.db.prepare('SELECT count(*) FROM adjudication').pluck().get()).toBe(5)
  })

  it('says when comments or records are left out with their tag or article, and reads files written before review records were exported', () => {
    const p = reviewedProject()
    const { file } = exported(p.store)
    editLine(file, 1, (line) => {
      line.annotations.find((t: { id: string }) => t.id === p.event.id).label = 'Rumour'
    })
    const target = createTempProject().store
    const report = importInto(target, file, { labelMap: { Rumour: null } })
    expect(report).toMatchObject({ committed: true, review: { comments: 1 } })
    expect(report.issues.find((i) => i.code === 'NOT_CARRIED')!.message).toMatch(/line 2: the 2 comments on tag .* were left out with the tag/)
    const missing = importInto(createTempProject().store, file, { labelMap: { Rumour: null }, addMissingArticles: false })
    expect(missing.issues.filter((i) => i.code === 'NOT_CARRIED').map((i) => i.line)).toEqual([2, 3])
    const old = exported(p.store).file
    for (const n of [1, 2])
      editLine(old, n, (line) => {
        delete line.adjudications
        delete line.doneMarks
        for (const t of line.annotations) delete t.comments
      })
    const fromOld = importInto(createTempProject().store, old)
    expect(fromOld).toMatchObject({ committed: true, errors: 0, annotations: 10, review: { adjudications: 0, comments: 0, doneMarks: 0 } })
  })
})
