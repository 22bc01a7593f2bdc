import { createHash, randomUUID } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { basename, extname } from 'node:path'
import type { ImportIssue, ImportReport } from '../../shared/domain'
import { countCodePoints } from '../../shared/offsets'
import type { NewArticle } from '../store/article-repository'
import { ArticleRepository } from '../store/article-repository'
import type { Db } from '../store/open-project-db'
import { canonicalize } from './canonicalize'
import { collectFiles, isSupported } from './collect-files'
import { decodeText, FileRejected } from './decode-text'
import { BATCH_SIZE, MAX_TABLE_BYTES, MAX_TEXT_BYTES, TABLE_EXTENSIONS } from './import-limits'
import { readRecords } from './read-records'

/** A file to import: a path on disk, or bytes sent by a browser (named as the user's file). */
export type ImportInput = { kind: 'path'; path: string } | { kind: 'bytes'; name: string; bytes: Uint8Array }

export interface ImportProgress {
  done: number
  total: number
  articles: number
  message: string
}

export interface RunImportOptions {
  encoding: 'utf-8' | 'windows-1252'
  onProgress?: (p: ImportProgress) => void
  isCancelled?: () => boolean
}

export class ImportCancelled extends Error {
  constructor() {
    super('the import was cancelled')
  }
}

const STALE_BATCH_MS = 120_000

/**
 * Imports files as articles in batches of BATCH_SIZE, deduplicated by the hash of their canonical text.
 * All of an import's articles carry its batch id, so a cancelled or failed import is removed entirely.
 */
export function runImport(db: Db, inputs: ImportInput[], options: RunImportOptions): ImportReport {
  const articles = new ArticleRepository(db)
  const issues: ImportIssue[] = []
  const files: { name: string; load: () => Uint8Array; size: () => number }[] = []
  let skipped = 0
  for (const input of inputs) {
    if (input.kind === 'bytes') {
      files.push({ name: input.name, load: () => input.bytes, size: () => input.bytes.length })
      continue
    }
    const found = collectFiles([input.path])
    skipped += found.skipped
    for (const m of found.missing) issues.push({ file: m, severity: 'error', code: 'UNREADABLE', message: `${m}: no such file or folder` })
    for (const f of found.files) files.push({ name: f, load: () => readFileSync(f), size: () => statSync(f).size })
  }

  const now = () => new Date().toISOString()
  const batchId = Number(
    db.prepare("INSERT INTO import_batch (state, started_at, heartbeat_at) VALUES ('running', ?, ?)").run(now(), now()).lastInsertRowid
  )
  const heartbeat = db.prepare('UPDATE import_batch SET heartbeat_at = ? WHERE id = ?')
  let imported = 0
  let duplicates = 0
  let firstArticleId: number | null = null
  let pending: NewArticle[] = []
  const flush = db.transaction((batch: NewArticle[]) => {
    for (const id of articles.insertBatch(batch)) {
      if (id === null) duplicates++
      else {
        imported++
        firstArticleId ??= id
      }
    }
    heartbeat.run(now(), batchId)
  })
  let lastProgress = 0
  const progress = (done: number, message: string, force = false) => {
    const t = Date.now()
    if (!force && t - lastProgress < 100) return
    lastProgress = t
    options.onProgress?.({ done, total: files.length, articles: imported + pending.length, message })
  }

  // batches need no fsync of their own: until the import is marked done it is discarded on failure,
  // and the final commit (synchronous FULL again) makes every batch durable with it
  const synchronous = db.pragma('synchronous', { simple: true }) as number
  const cacheSize = db.pragma('cache_size', { simple: true }) as number
  db.pragma('synchronous = NORMAL')
  // random-keyed indexes (hash, uid) and the FTS index outgrow the default 2 MB page cache within a few thousand articles
  db.pragma('cache_size = -131072')
  const restore = () => {
    db.pragma(`synchronous = ${synchronous}`)
    db.pragma(`cache_size = ${cacheSize}`)
  }
  try {
    files.forEach((file, index) => {
      if (options.isCancelled?.()) throw new ImportCancelled()
      const name = file.name
      const shortName = basename(name)
      progress(index, shortName)
      const report = (issue: Omit<ImportIssue, 'file' | 'severity'>, severity: 'error' | 'warning' = 'error') =>
        issues.push({ file: name, severity, ...issue, message: `${shortName}${issue.line ? ` (line ${issue.line})` : ''}: ${issue.message}` })
      if (!isSupported(name)) {
        report({ code: 'UNSUPPORTED_TYPE', message: `${extname(name) || 'files without an extension'} cannot be imported; use .txt, .md, .jsonl or .csv` })
        return
      }
      const isTable = (TABLE_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase())
      const limit = isTable ? MAX_TABLE_BYTES : MAX_TEXT_BYTES
      let size: number
      try {
        size = file.size()
      } catch (error) {
        report({ code: 'UNREADABLE', message: `cannot be read (${(error as Error).message})` })
        return
      }
      if (size > limit) {
        report({ code: 'FILE_TOO_LARGE', message: `the file is ${mb(size)}, above the ${mb(limit)} limit for ${isTable ? 'JSONL/CSV files' : 'one article'}; split it into smaller files` })
        return
      }
      let bytes: Uint8Array
      let decoded: { text: string; encoding: string }
      try {
        bytes = file.load()
        decoded = decodeText(bytes, options.encoding)
      } catch (error) {
        if (error instanceof FileRejected) report({ code: error.code, message: error.message, byteOffset: error.byteOffset })
        else report({ code: 'UNREADABLE', message: `cannot be read (${(error as Error).message})` })
        return
      }
      const originalSha256 = createHash('sha256').update(bytes).digest('hex')
      const { records, issues: recordIssues } = readRecords(name, decoded.text)
      for (const r of recordIssues) report(r)
      for (const record of records) {
        const { text, removed } = canonicalize(record.text)
        if (text.trim() === '') {
          report({ line: record.line, code: isTable ? 'EMPTY_TEXT' : 'EMPTY_FILE', message: isTable ? 'the text is empty' : 'the file has no text' })
          continue
        }
        if (Buffer.byteLength(text) > MAX_TEXT_BYTES) {
          report({ line: record.line, code: 'FILE_TOO_LARGE', message: `the text is above the ${mb(MAX_TEXT_BYTES)} limit for one article` })
          continue
        }
        if (removed > 0)
          report({ line: record.line, code: 'CHARACTERS_REMOVED', message: `${removed} control or invisible formatting character(s) were removed` }, 'warning')
        pending.push({
          uid: randomUUID(),
          title: canonicalize(record.title).text.replace(/\s+/g, ' ').trim() || shortName,
          text,
          hash: createHash('sha256').update(text).digest('hex'),
          source: record.source,
          url: record.url,
          published: record.published,
          language: record.language,
          fileName: shortName,
          originalSha256,
          encoding: decoded.encoding,
          metadata: JSON.stringify(record.metadata),
          charCount: countCodePoints(text),
          importBatchId: batchId,
          importedAt: now()
        })
        if (pending.length >= BATCH_SIZE) {
          if (options.isCancelled?.()) throw new ImportCancelled()
          flush(pending)
          pending = []
          progress(index, shortName)
        }
      }
    })
    if (options.isCancelled?.()) throw new ImportCancelled()
    flush(pending)
    pending = []
  } catch (error) {
    restore()
    discardBatch(db, batchId, error instanceof ImportCancelled ? 'cancelled' : 'failed')
    throw error
  }
  restore()
  if (skipped > 0) issues.push({ file: '', severity: 'warning', code: 'UNSUPPORTED_TYPE', message: `${skipped} file(s) in the folder(s) were skipped: only .txt, .md, .jsonl and .csv are imported` })
  const report: ImportReport = { files: files.length, imported, duplicates, issues, firstArticleId }
  db.prepare("UPDATE import_batch SET state = 'done', finished_at = ?, summary = ? WHERE id = ?").run(
    now(),
    JSON.stringify({ files: files.length, imported, duplicates, issues: issues.length }),
    batchId
  )
  progress(files.length, 'done', true)
  return report
}

/** Removes every article of an unfinished import in one transaction. */
export function discardBatch(db: Db, batchId: number, state: 'cancelled' | 'failed'): void {
  db.transaction(() => {
    db.prepare('DELETE FROM article WHERE import_batch_id = ?').run(batchId)
    db.prepare('UPDATE import_batch SET state = ?, finished_at = ? WHERE id = ?').run(state, new Date().toISOString(), batchId)
  })()
}

/** Removes imports a killed process left half-done (no heartbeat for two minutes). */
export function discardAbandonedImports(db: Db): number {
  const cutoff = new Date(Date.now() - STALE_BATCH_MS).toISOString()
  const stale = db.prepare("SELECT id FROM import_batch WHERE state = 'running' AND heartbeat_at < ?").pluck().all(cutoff) as number[]
  for (const id of stale) discardBatch(db, id, 'failed')
  return stale.length
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`
}
