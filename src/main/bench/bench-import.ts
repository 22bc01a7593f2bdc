import { execSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import Database from 'better-sqlite3'
import { JobRunner } from '../jobs/job-runner'
import { createProjectDb } from '../store/open-project-db'
import { median, report } from './stats'
import { createRng, syntheticArticle, vocabulary, zipfSampler } from './synthetic-corpus'

/** B1: import a folder of 10,000 ~5 KB text files through the real worker, next to a bare insert + FTS floor. */
export async function benchImport(workerPath: string, count: number, runs: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sw-bench-import-'))
  const files = join(dir, 'articles')
  mkdirSync(files)
  const rng = createRng(42)
  const words = vocabulary(20_000, rng)
  const draw = zipfSampler(words.length, rng)
  for (let i = 0; i < count; i++) {
    const a = syntheticArticle(words, draw, rng, 5000, i)
    writeFileSync(join(files, `${String(i).padStart(5, '0')}.txt`), `${a.title}\n\n${a.text}`)
  }
  const cold = dropCaches()
  const times: number[] = []
  const stalls: number[] = []
  for (let r = 0; r < runs; r++) {
    const project = join(dir, `p${r}.spanwise`)
    createProjectDb(project).close()
    const jobs = new JobRunner(() => {}, workerPath)
    const loop = monitorEventLoopDelay({ resolution: 5 })
    loop.enable()
    const t0 = performance.now()
    const jobId = jobs.startImport(project, [{ kind: 'path', path: files }], 'utf-8')
    const result = await jobs.wait(jobId)
    times.push(performance.now() - t0)
    loop.disable()
    stalls.push(loop.max / 1e6)
    if (result?.imported !== count) throw new Error(`bench import imported ${result?.imported} of ${count}`)
  }
  const floors: number[] = []
  for (let r = 0; r < runs; r++) floors.push(floorInsert(files, join(dir, `floor${r}.db`)))
  report(`B1 import ${count} files, warm (median of ${runs})`, median(times), median(floors), '≤ 2.5 s warm')
  report('B1 main-thread max event-loop stall', Math.max(...stalls), null, '≤ 50 ms')
  if (cold) {
    dropCaches()
    const project = join(dir, 'cold.spanwise')
    createProjectDb(project).close()
    const jobs = new JobRunner(() => {}, workerPath)
    const t0 = performance.now()
    await jobs.wait(jobs.startImport(project, [{ kind: 'path', path: files }], 'utf-8'))
    report(`B1 import ${count} files, cold page cache`, performance.now() - t0, null, '≤ 3.5 s cold')
  } else console.log('B1 cold-cache run skipped: cannot drop the page cache here (needs root and /proc/sys/vm/drop_caches)')
  rmSync(dir, { recursive: true, force: true })
}

/** The floor: read the same files and insert them with FTS5 indexing, no decoding checks, hashing or batching logic. */
function floorInsert(folder: string, file: string): number {
  const t0 = performance.now()
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, title TEXT, text TEXT);
    CREATE VIRTUAL TABLE f USING fts5(title, text, content = 't', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');`)
  const ins = db.prepare('INSERT INTO t (title, text) VALUES (?, ?)')
  db.transaction(() => {
    for (const name of readdirSync(folder)) {
      const text = readFileSync(join(folder, name), 'utf8')
      ins.run(name, text)
    }
    db.exec("INSERT INTO f(f) VALUES ('rebuild')")
  })()
  db.close()
  return performance.now() - t0
}

function dropCaches(): boolean {
  try {
    execSync('sync && echo 3 > /proc/sys/vm/drop_caches', { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
