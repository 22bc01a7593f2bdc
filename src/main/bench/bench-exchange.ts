import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runExport } from '../export/run-export'
import { runAnnotatedImport } from '../import/annotated/run-annotated-import'
import { annotatedImportOptions } from '../../shared/exchange/annotated-import'
import { exportOptions } from '../../shared/exchange/export-options'
import { runImport } from '../import/run-import'
import { createProjectDb } from '../store/open-project-db'
import { Store } from '../store/store'
import { TagBulkWriter } from '../store/tag-bulk-writer'
import { median, report } from './stats'
import { createRng, syntheticArticle, vocabulary, zipfSampler } from './synthetic-corpus'

const USER = { id: '00000000-0000-4000-8000-000000000001', name: 'Bench' }
const LABELS = ['Actor', 'Event', 'Claim', 'Place']

/** B12 and B11: native JSONL export of `tags` annotations (with and without quotes) and its re-import, each beside a floor. */
export function benchExchange(tags: number, runs: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'sw-bench-ex-'))
  const file = join(dir, 'ex.spanwise')
  const store = new Store(createProjectDb(file), file)
  try {
    const articles = Math.max(1, Math.round(tags / 100))
    const rng = createRng(7)
    const words = vocabulary(20_000, rng)
    const draw = zipfSampler(words.length, rng)
    const lines: string[] = []
    for (let i = 0; i < articles; i++) lines.push(JSON.stringify(syntheticArticle(words, draw, rng, 5000, i)))
    runImport(store.db, [{ kind: 'bytes', name: 'ex.jsonl', bytes: Buffer.from(lines.join('\n')) }], { encoding: 'utf-8' })
    store.ensureAnnotator(USER)
    const writer = new TagBulkWriter(store.db)
    const texts = store.db.prepare('SELECT id, text FROM article ORDER BY id').all() as { id: number; text: string }[]
    const now = new Date().toISOString()
    store.db.pragma('cache_size = -262144')
    // a second floor for B11: the same tags written straight into the schema, with no file to read or check
    const direct = performance.now()
    store.db.transaction(() => {
      writer.begin()
      let n = 0
      for (const a of texts) {
        const step = Math.floor((a.text.length - 20) / 100)
        for (let k = 0; k < 100 && n < tags; k++, n++) {
          const start = k * step
          const end = start + 5 + (k % 12)
          writer.write({
            id: crypto.randomUUID(),
            articleId: a.id,
            annotatorId: USER.id,
            label: LABELS[k % 4]!,
            fragments: [{ start, end, quote: a.text.slice(start, end), prefix: a.text.slice(Math.max(0, start - 32), start), suffix: a.text.slice(end, end + 32) }],
            attributes: {},
            note: '',
            status: 'draft',
            codebookVersion: 1,
            missing: [],
            mentions: [],
            createdAt: now,
            updatedAt: now
          })
        }
      }
      writer.finish()
    })()
    const directMs = performance.now() - direct
    const count = store.db.prepare('SELECT count(*) FROM annotation').pluck().get() as number
    const label = `${(count / 1e6).toLocaleString()}M`

    // floor: every annotation row, plain JSON.stringify per row, written to one file
    const floors: number[] = []
    for (let r = 0; r < runs; r++) {
      const t = performance.now()
      const fd = openSync(join(dir, `floor-${r}.jsonl`), 'w')
      let buf = ''
      for (const row of store.db.prepare('SELECT * FROM annotation').iterate()) {
        buf += `${JSON.stringify(row)}\n`
        if (buf.length > 1 << 20) {
          writeSync(fd, buf)
          buf = ''
        }
      }
      writeSync(fd, buf)
      closeSync(fd)
      floors.push(performance.now() - t)
      rmSync(join(dir, `floor-${r}.jsonl`))
    }
    const floor = median(floors)
    for (const quotes of [false, true]) {
      const times: number[] = []
      let growth = 0
      for (let r = 0; r < runs; r++) {
        const dest = join(dir, `native-${quotes}-${r}`)
        global.gc?.()
        const before = process.memoryUsage().rss
        let peak = before
        const t = performance.now()
        runExport(store, exportOptions.parse({ format: 'native', destination: dest, quotes }), { onProgress: () => (peak = Math.max(peak, process.memoryUsage().rss)) })
        times.push(performance.now() - t)
        growth = Math.max(growth, Math.max(peak, process.memoryUsage().rss) - before)
        if (r < runs - 1 || quotes) rmSync(dest, { recursive: true, force: true })
      }
      report(`B12 export ${label} tags, native JSONL ${quotes ? 'with quotes' : 'no quotes'}`, median(times), floor, quotes ? '≤ 3.5 s' : '≤ 1.5 s')
      console.log(`${''.padEnd(46)} RSS growth ${(growth / 2 ** 20).toFixed(0)} MB (target ≤ 100 MB)`)
    }

    // import: the no-quotes export into a fresh project, beside a bare insert loop of the same number of rows
    const source = join(dir, `native-false-${runs - 1}`, 'articles.jsonl')
    const importTimes: number[] = []
    const bareTimes: number[] = []
    for (let r = 0; r < runs; r++) {
      const targetFile = join(dir, `target-${r}.spanwise`)
      const target = new Store(createProjectDb(targetFile), targetFile)
      try {
        const t = performance.now()
        const result = runAnnotatedImport(target, annotatedImportOptions.parse({ format: 'native', paths: [source], annotator: 'bench' }), USER)
        importTimes.push(performance.now() - t)
        if (!result.committed || result.annotations !== count) throw new Error(`bench import wrote ${result.annotations} of ${count} tags`)
        target.db.exec('CREATE TABLE bare (id TEXT, article_id INTEGER, label TEXT, start INTEGER, end INTEGER)')
        const insert = target.db.prepare('INSERT INTO bare VALUES (?, ?, ?, ?, ?)')
        const b = performance.now()
        target.db.transaction(() => {
          for (let i = 0; i < count; i++) insert.run(String(i), 1 + (i % 100), 'Actor', i, i + 5)
        })()
        bareTimes.push(performance.now() - b)
      } finally {
        target.close()
        rmSync(targetFile, { force: true })
        rmSync(`${targetFile}-wal`, { force: true })
        rmSync(`${targetFile}-shm`, { force: true })
      }
    }
    const perSecond = (count / median(importTimes)) * 1000
    report(`B11 import ${label} tags, native JSONL`, median(importTimes), median(bareTimes), '≥ 500,000 rows/s')
    const rate = (ms: number) => Math.round((count / ms) * 1000).toLocaleString()
    console.log(`${''.padEnd(46)} ${Math.round(perSecond).toLocaleString()} rows/s (bare 5-column insert loop ${rate(median(bareTimes))} rows/s; the same tags written straight into the project schema, tag row + 6 index entries + fragment, no file: ${rate(directMs)} rows/s)`)
  } finally {
    store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
