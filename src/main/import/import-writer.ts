import type { ImportIssue, ImportReport } from '../../shared/domain'
import { ArticleRepository, type NewArticle } from '../store/article-repository'
import type { Db } from '../store/open-project-db'
import { BATCH_SIZE } from './import-limits'
import { currentImportOwner, importOwnerAlive } from './import-owner'
import { ImportCancelled, type ImportSink, type PreparedArticle } from './read-import-files'

export interface ImportProgress {
  done: number
  total: number
  articles: number
  message: string
}

export interface ImportWriterOptions {
  onProgress?: (p: ImportProgress) => void
  isCancelled?: () => boolean
}

/**
 * Writes what the reader prepares in transactions of BATCH_SIZE articles, deduplicated by text hash.
 * Every article carries the import's batch id, so a cancelled or failed import is removed entirely.
 */
export class ImportWriter implements ImportSink {
  private readonly articlesRepo: ArticleRepository
  private readonly batchId: number
  private readonly heartbeat
  private readonly restorePragmas: () => void
  private readonly issues: ImportIssue[] = []
  private pending: NewArticle[] = []
  private total = 0
  private imported = 0
  private duplicates = 0
  private firstArticleId: number | null = null
  private lastProgress = 0
  private readonly flush

  constructor(
    private readonly db: Db,
    private readonly options: ImportWriterOptions = {}
  ) {
    this.articlesRepo = new ArticleRepository(db)
    this.batchId = Number(db.prepare("INSERT INTO import_batch (state, started_at, heartbeat_at, owner) VALUES ('running', ?, ?, ?)").run(now(), now(), currentImportOwner()).lastInsertRowid)
    this.heartbeat = db.prepare('UPDATE import_batch SET heartbeat_at = ? WHERE id = ?')
    // batches need no fsync of their own: until the import is marked done it is discarded on failure,
    // and the final commit (synchronous FULL again) makes every batch durable with it
    const synchronous = db.pragma('synchronous', { simple: true }) as number
    const cacheSize = db.pragma('cache_size', { simple: true }) as number
    db.pragma('synchronous = NORMAL')
    // random-keyed indexes (hash, uid) and the FTS index outgrow the default 2 MB page cache within a few thousand articles
    db.pragma('cache_size = -131072')
    this.restorePragmas = () => {
      db.pragma(`synchronous = ${synchronous}`)
      db.pragma(`cache_size = ${cacheSize}`)
    }
    this.flush = db.transaction((batch: NewArticle[]) => {
      for (const id of this.articlesRepo.insertBatch(batch)) {
        if (id === null) this.duplicates++
        else {
          this.imported++
          this.firstArticleId ??= id
        }
      }
      this.heartbeat.run(now(), this.batchId)
    })
  }

  start(total: number): void {
    this.total = total
  }

  issue(issue: ImportIssue): void {
    this.issues.push(issue)
  }

  progress(fileIndex: number, fileName: string, force = false): void {
    const t = Date.now()
    if (!force && t - this.lastProgress < 100) return
    this.lastProgress = t
    this.options.onProgress?.({ done: fileIndex, total: this.total, articles: this.imported + this.pending.length, message: fileName })
  }

  articles(list: PreparedArticle[], fileIndex: number, fileName: string): void {
    const importedAt = now()
    for (const a of list) this.pending.push({ ...a, importBatchId: this.batchId, importedAt })
    if (this.pending.length < BATCH_SIZE) return
    if (this.options.isCancelled?.()) throw new ImportCancelled()
    this.flush(this.pending)
    this.pending = []
    this.progress(fileIndex, fileName)
  }

  /** Writes the rest and marks the import done; its articles then count as saved. */
  finish(): ImportReport {
    if (this.options.isCancelled?.()) throw new ImportCancelled()
    this.flush(this.pending)
    this.pending = []
    this.restorePragmas()
    const report: ImportReport = { files: this.total, imported: this.imported, duplicates: this.duplicates, issues: this.issues, firstArticleId: this.firstArticleId }
    this.db
      .prepare("UPDATE import_batch SET state = 'done', finished_at = ?, summary = ? WHERE id = ?")
      .run(now(), JSON.stringify({ files: this.total, imported: this.imported, duplicates: this.duplicates, issues: this.issues.length }), this.batchId)
    this.progress(this.total, 'done', true)
    return report
  }

  /** Removes everything this import wrote. */
  abort(error: unknown): void {
    this.restorePragmas()
    discardBatch(this.db, this.batchId, error instanceof ImportCancelled ? 'cancelled' : 'failed')
  }
}

const STALE_BATCH_MS = 120_000

function now(): string {
  return new Date().toISOString()
}

/** Removes every article of an unfinished import in one transaction. */
export function discardBatch(db: Db, batchId: number, state: 'cancelled' | 'failed'): void {
  db.transaction(() => {
    db.prepare('DELETE FROM article WHERE import_batch_id = ?').run(batchId)
    db.prepare('UPDATE import_batch SET state = ?, finished_at = ? WHERE id = ?').run(state, new Date().toISOString(), batchId)
  })()
}

/**
 * Removes imports a killed process left half-done: at once when their process is gone, otherwise once
 * no heartbeat came for two minutes (another app instance on another machine may still be writing).
 */
export function discardAbandonedImports(db: Db, busyHere = false): number {
  const cutoff = new Date(Date.now() - STALE_BATCH_MS).toISOString()
  const running = db.prepare("SELECT id, owner, heartbeat_at AS heartbeat FROM import_batch WHERE state = 'running'").all() as { id: number; owner: string | null; heartbeat: string }[]
  const own = currentImportOwner()
  // this process's own running batch is abandoned only if no job of ours is running
  const abandoned = running.filter((b) => b.heartbeat < cutoff || !importOwnerAlive(b.owner) || (b.owner === own && !busyHere))
  for (const b of abandoned) discardBatch(db, b.id, 'failed')
  return abandoned.length
}
