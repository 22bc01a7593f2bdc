import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { AppError } from '../../../shared/errors'
import { APPLICATION_ID } from '../application-id'

export interface VerifiedCopy {
  bytes: number
  sha256: string
  schemaVersion: number
  articles: number
  tags: number
}

/**
 * Worker source (eval'd, so it needs no build entry). With a source, its own read-only connection first copies
 * the project with the online backup API in one step (one consistent snapshot; the app's writes go on
 * meanwhile) and makes the copy a rollback-journal file. Then it checks the target and hashes it.
 * The app's event loop is never blocked.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const { readFileSync, statSync, openSync, readSync, closeSync } = require('node:fs')
const Database = require(workerData.sqlite)
;(async () => {
  if (workerData.source) {
    const source = new Database(workerData.source, { readonly: true, fileMustExist: true })
    try {
      await source.backup(workerData.target, { progress: () => 1e9 })
    } finally {
      source.close()
    }
    const journal = new Database(workerData.target, { fileMustExist: true })
    journal.pragma('journal_mode = DELETE')
    journal.close()
  }
  const copy = new Database(workerData.target, { readonly: true, fileMustExist: true })
  let result
  try {
    const integrity = copy.pragma('integrity_check(5)').map((r) => r.integrity_check)
    const orphans = copy.pragma('foreign_key_check').length
    const exists = copy.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").pluck()
    const count = (t) => (exists.get(t) ? copy.prepare('SELECT count(*) FROM ' + t).pluck().get() : 0)
    result = { integrity, orphans, appId: copy.pragma('application_id', { simple: true }), schemaVersion: copy.pragma('user_version', { simple: true }), articles: count('article'), tags: count('annotation') }
  } finally {
    copy.close()
  }
  const hash = createHash('sha256')
  const chunk = Buffer.alloc(1 << 20)
  const fd = openSync(workerData.target, 'r')
  try {
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) hash.update(chunk.subarray(0, n))
  } finally {
    closeSync(fd)
  }
  parentPort.postMessage({ ...result, sha256: hash.digest('hex'), bytes: statSync(workerData.target).size })
})().catch((error) => parentPort.postMessage({ error: String((error && error.message) || error) }))
`

interface WorkerResult {
  integrity?: string[]
  orphans?: number
  appId?: number
  schemaVersion?: number
  articles?: number
  tags?: number
  sha256?: string
  bytes?: number
  error?: string
}

/**
 * Off the main thread: copies `source` to `target` when a source is given, then checks `target` is a whole,
 * sound Spanwise project (integrity_check, foreign keys, application_id) and hashes it. Throws BACKUP_FAILED.
 */
export async function checkProjectOffThread(target: string, source: string | null = null): Promise<VerifiedCopy> {
  const what = source ? `the copy of ${source}` : target
  const sqlite = createRequire(__filename).resolve('better-sqlite3')
  const r = await new Promise<WorkerResult>((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { source, target, sqlite } })
    worker.once('message', resolve)
    worker.once('error', reject)
    worker.once('exit', (code) => code !== 0 && reject(new Error(`the backup worker stopped with code ${code}`)))
  })
  if (r.error) throw new AppError('BACKUP_FAILED', `${what} cannot be read as a project: ${r.error}`)
  if (r.integrity!.length !== 1 || r.integrity![0] !== 'ok') throw new AppError('BACKUP_FAILED', `${what} failed its integrity check: ${r.integrity!.join('; ')}`)
  if (r.orphans) throw new AppError('BACKUP_FAILED', `${what} has ${r.orphans} rows whose references are broken.`)
  if (r.appId !== APPLICATION_ID) throw new AppError('BACKUP_FAILED', `${what} is not a Spanwise project.`)
  return { bytes: r.bytes!, sha256: r.sha256!, schemaVersion: r.schemaVersion!, articles: r.articles!, tags: r.tags! }
}
