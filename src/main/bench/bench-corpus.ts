import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { JobRunner } from '../jobs/job-runner'
import { buildFtsQuery } from '../store/fts-query'
import { createProjectDb, openProjectDb } from '../store/open-project-db'
import { Store } from '../store/store'
import { fmt, median, percentile, report } from './stats'
import { createRng, syntheticJsonl, vocabulary } from './synthetic-corpus'

/** B2, B9, B10: import 100,000 articles, then page the corpus list and run a query log against it. */
export async function benchCorpus(workerPath: string, count: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sw-bench-corpus-'))
  const file = join(dir, 'corpus.spanwise')
  createProjectDb(file).close()
  const chunk = 25_000
  const parts = join(dir, 'parts')
  mkdirSync(parts)
  for (let i = 0; i < count; i += chunk) writeFileSync(join(parts, `part${i}.jsonl`), syntheticJsonl(Math.min(chunk, count - i), 5000, 1000 + i))
  // the app's path: reader and writer worker threads
  const jobs = new JobRunner(() => {}, workerPath)
  const t0 = performance.now()
  const result = await jobs.wait(jobs.startImport(file, [{ kind: 'path', path: parts }], 'utf-8'))
  report(`B2 import ${count.toLocaleString()} articles (JSONL files, app's worker threads)`, performance.now() - t0, null, '≤ 30 s')
  if (result?.imported !== count) throw new Error(`imported ${result?.imported} of ${count}`)
  const db = await openProjectDb(file)
  const store = new Store(db, file)

  const pageTimes: number[] = []
  const floorTimes: number[] = []
  const rng = createRng(7)
  for (const sort of ['title', 'published', 'tags', 'source', 'imported'] as const) {
    let after
    for (let p = 0; p < 40; p++) {
      const t = performance.now()
      const page = store.articles.list({ sort, dir: p % 2 ? 'asc' : 'desc', limit: 100, filter: {}, after })
      pageTimes.push(performance.now() - t)
      after = page.next ?? undefined
    }
    if (process.env.SW_DEBUG) console.log(sort, pageTimes.slice(-40).map((x) => x.toFixed(1)).join(' '))
  }
  const floor = db.prepare('SELECT id, title FROM article WHERE id > ? ORDER BY id LIMIT 100')
  for (let i = 0; i < 200; i++) {
    const t = performance.now()
    floor.all(Math.floor(rng() * count))
    floorTimes.push(performance.now() - t)
  }
  report('B9 corpus list page of 100 (median, 5 sorts)', median(pageTimes), median(floorTimes), '≤ 5 ms')
  report('B9 corpus list page of 100 (p95)', percentile(pageTimes, 95), null, '≤ 5 ms')

  const words = vocabulary(20_000, createRng(1000))
  const queries: string[] = []
  for (let i = 0; i < 200; i++) {
    const kind = i % 4
    const w = () => words[Math.floor(rng() ** 2 * words.length)]!
    queries.push(kind === 0 ? w() : kind === 1 ? `${w()} ${w()}` : kind === 2 ? `"${w()} ${w()}"` : w().slice(0, 4))
  }
  const searchTimes: number[] = []
  const floorSearch: number[] = []
  const bare = db.prepare('SELECT rowid FROM article_fts WHERE article_fts MATCH ? LIMIT 50')
  for (const q of queries) {
    const t = performance.now()
    store.articles.search(q, 50)
    searchTimes.push(performance.now() - t)
    const t2 = performance.now()
    try {
      bare.all(q.includes('"') ? q : `"${q}"`)
    } catch {
      // a query the bare floor cannot parse is simply not timed
    }
    floorSearch.push(performance.now() - t2)
  }
  report('B10 search, ranked top 50 + snippets (p50)', percentile(searchTimes, 50), median(floorSearch), '≤ 10 ms')
  report('B10 search (p95)', percentile(searchTimes, 95), percentile(floorSearch, 95), '≤ 50 ms')
  report('B10 search (max)', Math.max(...searchTimes), null, '≤ 300 ms')
  const countStmt = db.prepare('SELECT count(*) FROM article_fts WHERE article_fts MATCH ?').pluck()
  const matches = (q: string) => countStmt.get(buildFtsQuery(q)) as number
  const slowest = queries.map((q, i) => [q, searchTimes[i]!] as const).sort((a, b) => b[1] - a[1]).slice(0, 5)
  console.log(`    slowest: ${slowest.map(([q, t]) => `${q} (${matches(q)} matches) ${fmt(t)}`).join(', ')}`)
  store.close()
  rmSync(dir, { recursive: true, force: true })
}
