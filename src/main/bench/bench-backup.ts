import { closeSync, copyFileSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { AppError } from '../../shared/errors'
import { runImport } from '../import/run-import'
import { makeBackup } from '../store/backup/make-backup'
import { findDamage } from '../store/find-damage'
import { createProjectDb, openProjectDb } from '../store/open-project-db'
import { Store } from '../store/store'
import { TagBulkWriter } from '../store/tag-bulk-writer'
import { median, report } from './stats'
import { createRng, syntheticJsonl } from './synthetic-corpus'

const CODER = { id: '00000000-0000-4000-8000-0000000000b1', name: 'Backup coder' }

/** B17 backup of a project with `articles` articles and `tags` tags; B18 damage detection when it is opened. */
export async function benchBackup(articles: number, tags: number, runs: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sw-bench-backup-'))
  const file = join(dir, 'big.spanwise')
  const store = new Store(createProjectDb(file), file)
  try {
    runImport(store.db, [{ kind: 'bytes', name: 'big.jsonl', bytes: syntheticJsonl(articles, 5000, 17) }], { encoding: 'utf-8' })
    store.ensureAnnotator(CODER)
    const ids = store.db.prepare('SELECT id, char_count FROM article ORDER BY id').all() as { id: number; char_count: number }[]
    const rng = createRng(5)
    const writer = new TagBulkWriter(store.db)
    const now = new Date().toISOString()
    store.db.transaction(() => {
      writer.begin()
      for (let t = 0; t < tags; t++) {
        const a = ids[t % ids.length]!
        const start = Math.floor(rng() * (a.char_count - 30))
        writer.write({
          id: crypto.randomUUID(), articleId: a.id, annotatorId: CODER.id, label: ['Actor', 'Event', 'Claim'][t % 3]!,
          fragments: [{ start, end: start + 12, quote: '', prefix: '', suffix: '' }], attributes: t % 3 === 1 ? { fatalities_low: t % 9 } : {},
          note: '', status: 'draft', codebookVersion: 1, missing: [], mentions: [], createdAt: now, updatedAt: now
        })
      }
      writer.finish()
    })()
    store.db.pragma('wal_checkpoint(TRUNCATE)')
    const mb = (statSync(file).size / 2 ** 20).toFixed(0)

    const copies: number[] = []
    const backups: number[] = []
    const pauses: number[] = []
    for (let r = 0; r < runs; r++) {
      let t = performance.now()
      copyFileSync(file, join(dir, 'plain-copy'))
      copies.push(performance.now() - t)
      const loop = monitorEventLoopDelay({ resolution: 5 })
      loop.enable()
      t = performance.now()
      const entry = await makeBackup(file, 'manual')
      backups.push(performance.now() - t)
      loop.disable()
      pauses.push(loop.max / 1e6)
      if (entry.tags !== tags) throw new Error(`the backup holds ${entry.tags} of ${tags} tags`)
    }
    report(`B17 verified backup, ${articles.toLocaleString()} articles + ${tags.toLocaleString()} tags (${mb} MB)`, median(backups), median(copies), 'a few seconds, in the background')
    report(`B17 longest event-loop pause during a backup`, median(pauses), null, '≤ 100 ms (the app stays responsive)')
    store.close()

    const checks: number[] = []
    const detections: number[] = []
    for (let r = 0; r < runs; r++) {
      let t = performance.now()
      if (findDamage(file) !== null) throw new Error('the sound project was reported damaged')
      checks.push(performance.now() - t)
      const damaged = join(dir, `damaged-${r}.spanwise`)
      copyFileSync(file, damaged)
      // zero 16 pages in the middle of the file, as a failing disk would
      const fd = openSync(damaged, 'r+')
      writeSync(fd, Buffer.alloc(16 * 4096), 0, 16 * 4096, Math.floor(statSync(damaged).size / 8192) * 4096)
      closeSync(fd)
      t = performance.now()
      const outcome = await openProjectDb(damaged).then(
        (db) => (db.close(), 'opened'),
        (error: unknown) => (error instanceof AppError ? error.code : String(error))
      )
      detections.push(performance.now() - t)
      if (outcome !== 'PROJECT_DAMAGED') throw new Error(`a damaged project was not detected (${outcome})`)
    }
    report(`B18 damage check on open (quick_check, ${mb} MB)`, median(checks), null, 'part of every open')
    report(`B18 damaged project detected and moved aside`, median(detections), median(checks), 'before anything is written')
  } finally {
    if (store.db.open) store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
