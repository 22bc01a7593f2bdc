import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { AppError } from '../../../shared/errors'
import { APPLICATION_ID } from '../application-id'
import type { VerifiedCopy } from './verify-backup-copy'

/**
 * Worker source (eval'd, so it needs no build entry): its own read-only connection copies the project with
 * the online backup API in one step (one consistent snapshot; the app's writes go on meanwhile), makes the
 * copy a rollback-journal file, checks it and hashes it. The app's event loop is never blocked.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const { readFileSync, statSync, openSync, readSync, closeSync } = require('node:fs')
const Database = require(workerData.sqlite)
;(async () => {
  const source = new Database(workerData.source, { readonly: true, fileMustExist: true })
  try {
    await source.backup(workerData.target, { progress: () => 1e9 })
  } finally {
    source.close()
  }
  const copy = new Database(workerData.target, { fileMustExist: true })
  let result
  try {
    copy.pragma('journal_mode = DELETE')
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

/** Copies `source` to `target` off the main thread and verifies the copy; throws BACKUP_FAILED when it is not a sound project. */
export async function copyProjectOffThread(source: string, target: string): Promise<VerifiedCopy> {
  const sqlite = createRequire(__filename).resolve('better-sqlite3')
  const r = await new Promise<WorkerResult>((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { source, target, sqlite } })
    worker.once('message', resolve)
    worker.once('error', reject)
    worker.once('exit', (code) => code !== 0 && reject(new Error(`the backup worker stopped with code ${code}`)))
  })
  if (r.error) throw new AppError('BACKUP_FAILED', `Could not copy ${source}: ${r.error}`)
  if (r.integrity!.length !== 1 || r.integrity![0] !== 'ok') throw new AppError('BACKUP_FAILED', `The copy of ${source} failed its integrity check: ${r.integrity!.join('; ')}`)
  if (r.orphans) throw new AppError('BACKUP_FAILED', `The copy of ${source} has ${r.orphans} rows whose references are broken.`)
  if (r.appId !== APPLICATION_ID) throw new AppError('BACKUP_FAILED', `${source} is not a Spanwise project.`)
  return { bytes: r.bytes!, sha256: r.sha256!, schemaVersion: r.schemaVersion!, articles: r.articles!, tags: r.tags! }
}
