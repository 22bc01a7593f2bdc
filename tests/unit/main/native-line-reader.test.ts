import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { NativeLineReader } from '../../../src/main/export/native/native-line-reader'
import { NativeWriter } from '../../../src/main/export/native/native-writer'
import { DatasetReader, readContext } from '../../../src/main/export/read-dataset'
import { runImport } from '../../../src/main/import/run-import'
import type { Store } from '../../../src/main/store/store'
import { TagBulkWriter } from '../../../src/main/store/tag-bulk-writer'
import { ANNOTATION_STATUSES, type AnnotationStatus } from '../../../src/shared/domain'
import { exportOptions, type ExportFilter } from '../../../src/shared/exchange/export-options'
import { DECISIONS } from '../../../src/shared/review/adjudication'
import { reviewedProject } from '../../helpers/reviewed-project'
import { fuzzParams, fuzzTimeout } from '../../helpers/fuzz/fuzz-params'
import { HOSTILE_STRINGS } from '../../helpers/fuzz/hostile-values'
import { ANA, BEN, cleanupTemp, cpSlice, createTempProject } from '../../helpers/project'

afterEach(cleanupTemp)

/** A tag id no project tag has: a decision's gold tag that was deleted since. */
const GONE = '99999999-9999-4999-8999-999999999999'

/** What the object path (DatasetReader + NativeWriter.article) writes for the articles, and its counts. */
function objectPath(store: Store, filter: ExportFilter, quotes: boolean) {
  const ctx = readContext(store, exportOptions.parse({ format: 'native', destination: '/unused', filter, quotes }))
  const written: string[] = []
  const writer = new NativeWriter()
  writer.start(ctx, { write: (text) => written.push(text) })
  const reader = new DatasetReader(store, filter, writer)
  let annotations = 0
  let links = 0
  for (const batch of reader.batches()) {
    for (const article of batch) {
      writer.article(article)
      annotations += article.annotations.length
      for (const t of article.annotations) links += t.links.length
    }
  }
  return { text: written.slice(1).join(''), annotations, links, dropped: reader.droppedLinks }
}

/** What SQLite writes for the same articles. */
function sqlPath(store: Store, filter: ExportFilter, quotes: boolean) {
  const reader = new NativeLineReader(store, filter, { quotes, withText: true })
  const parts: Uint8Array[] = []
  let annotations = 0
  let links = 0
  for (const batch of reader.batches()) {
    for (const line of batch) {
      parts.push(line.bytes)
      annotations += line.annotations
      links += line.links
    }
  }
  return { text: Buffer.concat(parts).toString('utf8'), annotations, links, dropped: reader.droppedLinks() }
}

const FILTERS: ExportFilter[] = [{}, { labels: ['Actor'] }, { annotators: ['Ben'] }, { annotators: [ANA.id], labels: ['Event', 'Actor'] }, { articleIds: [2] }, { articleStatuses: ['done'] }, { statuses: ['draft'] }]

describe('native lines built by SQLite', () => {
  it('are byte for byte what the object path writes, with the same counts, for every filter and with or without quotes', () => {
    const p = reviewedProject()
    for (const filter of FILTERS) {
      for (const quotes of [true, false]) {
        const expected = objectPath(p.store, filter, quotes)
        expect(sqlPath(p.store, filter, quotes), JSON.stringify({ filter, quotes })).toEqual(expected)
      }
    }
    // the filters above do leave links out, so the dropped count is exercised
    expect(objectPath(p.store, { labels: ['Event'] }, true).dropped).toBe(4)
    // and every kind of review record is in the lines compared
    const all = sqlPath(p.store, {}, true).text
    for (const field of ['"adjudications":[{', '"comments":[{', '"doneMarks":[{']) expect(all).toContain(field)
  })

  it('match the object path on random projects full of hostile text, attributes, links and review records', () => {
    const text = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ maxLength: 12 }))
    const words = fc.array(text, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(''))
    const coder = fc.oneof(fc.constant(ANA), fc.constant(BEN), words.map((name) => ({ id: '33333333-3333-4333-8333-333333333333', name: name || 'x' })))
    const tag = fc.record({
      article: fc.nat(),
      coder,
      label: fc.oneof(fc.constantFrom('Actor', 'Event', 'Claim'), words.filter((w) => w.length > 0)),
      spans: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 20 })), { minLength: 1, maxLength: 3 }),
      attributes: fc.dictionary(words, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
      note: words,
      status: fc.constantFrom(...ANNOTATION_STATUSES),
      codebookVersion: fc.option(fc.constant(1)),
      links: fc.array(fc.tuple(fc.nat(), words), { maxLength: 2 })
    })
    // tags are named by index into the project's tags; an index past them names a tag that no longer exists
    const decision = fc.record({
      article: fc.nat(),
      decision: fc.constantFrom(...DECISIONS),
      candidates: fc.array(fc.record({ tag: fc.nat(), coder, label: words, attributes: fc.dictionary(words, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 }) }), { minLength: 1, maxLength: 3 }),
      chosen: fc.option(fc.nat()),
      gold: fc.option(fc.nat()),
      reason: fc.oneof(fc.constant(''), words),
      guideline: words,
      decidedBy: coder,
      decidedAt: words
    })
    // SQLite's length() stops at a NUL, so the table's CHECK takes a body that starts with one for empty
    const comment = fc.record({ tag: fc.nat(), author: coder, body: words.filter((w) => w.length > 0 && !w.startsWith('\u0000')), createdAt: words })
    const doneMark = fc.record({ article: fc.nat(), coder, doneAt: words })
    const project = fc.record({
      articles: fc.array(fc.record({ text: words, title: words, source: words, extra: words }), { minLength: 1, maxLength: 4 }),
      tags: fc.array(tag, { maxLength: 12 }),
      decisions: fc.array(decision, { maxLength: 5 }),
      comments: fc.array(comment, { maxLength: 6 }),
      doneMarks: fc.array(doneMark, { maxLength: 4 }),
      filter: fc.constantFrom(...FILTERS),
      quotes: fc.boolean()
    })
    fc.assert(
      fc.property(project, ({ articles, tags, decisions, comments, doneMarks, filter, quotes }) => {
        const { store } = createTempProject()
        const lines = articles.map((a, i) => JSON.stringify({ title: a.title || `t${i}`, text: `${i} ${a.text}`, source: a.source, region: a.extra }))
        runImport(store.db, [{ kind: 'bytes', name: 'a.jsonl', bytes: Buffer.from(lines.join('\n')) }], { encoding: 'utf-8' })
        const stored = store.db.prepare('SELECT id, text FROM article ORDER BY id').all() as { id: number; text: string }[]
        const writer = new TagBulkWriter(store.db)
        const ids: { id: string; article: number }[] = []
        store.db.transaction(() => {
          writer.begin()
          for (const [i, t] of tags.entries()) {
            const article = stored[t.article % stored.length]!
            const length = Array.from(article.text).length
            const fragments = t.spans.map(([at, size]) => {
              const start = at % length
              const end = Math.min(length, start + 1 + size)
              return { start, end, quote: cpSlice(article.text, start, end), prefix: cpSlice(article.text, Math.max(0, start - 5), start), suffix: cpSlice(article.text, end, end + 5) }
            })
            store.ensureAnnotator(t.coder)
            const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`
            const now = `2026-11-21T10:00:${String(i % 60).padStart(2, '0')}.000Z`
            writer.write({ id, articleId: article.id, annotatorId: t.coder.id, label: t.label, fragments, attributes: t.attributes, note: t.note, status: t.status as AnnotationStatus, codebookVersion: t.codebookVersion, missing: [], mentions: [], createdAt: now, updatedAt: now })
            ids.push({ id, article: article.id })
          }
          for (const [i, t] of tags.entries()) if (ids.length > 0) writer.link(ids[i]!.id, t.links.map(([to, type]) => ({ type: type || 'rel', to: ids[to % ids.length]!.id })))
          writer.finish()
          const tagId = (n: number) => ids[n % (ids.length + 1)]?.id ?? GONE
          for (const [i, d] of decisions.entries()) {
            for (const who of [d.decidedBy, ...d.candidates.map((c) => c.coder)]) store.ensureAnnotator(who)
            store.review.addDecision({
              id: `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`,
              articleId: stored[d.article % stored.length]!.id,
              decision: d.decision,
              candidates: d.candidates.map((c) => ({ annotationId: tagId(c.tag), annotatorId: c.coder.id, annotatorName: c.coder.name, label: c.label, fragments: [{ start: 0, end: 1, quote: c.label }], attributes: c.attributes, links: [] })),
              chosenId: d.chosen === null ? null : tagId(d.chosen),
              goldId: d.gold === null ? null : tagId(d.gold),
              reason: d.reason,
              guideline: d.guideline,
              decidedBy: d.decidedBy.id,
              decidedAt: d.decidedAt
            })
          }
          for (const [i, c] of comments.entries()) {
            if (ids.length === 0) break
            store.ensureAnnotator(c.author)
            store.review.addComment({ id: `00000000-0000-4000-a000-${String(i).padStart(12, '0')}`, annotationId: ids[c.tag % ids.length]!.id, authorId: c.author.id, body: c.body, createdAt: c.createdAt })
          }
          for (const m of doneMarks) {
            store.ensureAnnotator(m.coder)
            store.review.setDoneAt(stored[m.article % stored.length]!.id, m.coder.id, m.doneAt)
          }
        })()
        expect(sqlPath(store, filter, quotes)).toEqual(objectPath(store, filter, quotes))
        store.close()
      }),
      fuzzParams(60, 20)
    )
  }, fuzzTimeout(20))
})
