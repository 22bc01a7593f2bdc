import { randomUUID } from 'node:crypto'
import { dirname, join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { JobFinished, JobKind, JobReport } from '../../shared/contract'
import type { ImportReport } from '../../shared/domain'
import type { AnnotatedImportOptions, AnnotatedImportReport } from '../../shared/exchange/annotated-import'
import type { ExportOptions } from '../../shared/exchange/export-options'
import type { ExportResult } from '../../shared/exchange/export-result'
import { AppError, type ErrorCode } from '../../shared/errors'
import type { ImportInput } from '../import/run-import'
import type { EventSink } from './event-sink'
import type { ExchangeTask, ExchangeWorkerMessage } from './exchange-worker-message'
import type { ImportWorkerMessage } from './import-worker-message'

interface RunningJob {
  cancelFlag: Int32Array
  finished: Promise<JobReport | null>
}

type WorkerMessage = ImportWorkerMessage | ExchangeWorkerMessage

const WHAT: Record<JobKind, string> = { import: 'import', export: 'export', 'annotated-import': 'import' }

/** Runs imports and exports in worker threads, reports progress as events, and cancels them on request. */
export class JobRunner {
  private readonly jobs = new Map<string, RunningJob>()
  private lastError: { code: ErrorCode; message: string } | null = null

  constructor(
    private readonly emit: EventSink,
    private readonly workerPath: string
  ) {}

  /** Starts an import of plain articles; `onDone` runs on the calling thread after the worker has committed everything. */
  startImport(projectPath: string, inputs: ImportInput[], encoding: 'utf-8' | 'windows-1252', onDone?: (report: ImportReport) => void): string {
    return this.start('import', this.workerPath, { projectPath, inputs, encoding }, onDone as (r: JobReport) => void)
  }

  /** Starts an export; the files appear under the destination only when the worker has written them all. A pack holds `user`'s tags. */
  startExport(projectPath: string, options: ExportOptions, onDone?: (report: ExportResult) => void, user: { id: string; name: string } | null = null): string {
    return this.start('export', this.exchangeWorker(), { task: 'export', projectPath, options, user } satisfies Omit<ExchangeTask, 'cancelFlag'>, onDone as (r: JobReport) => void)
  }

  /** Starts an import of articles with their tags (or its dry run). */
  startAnnotatedImport(projectPath: string, options: AnnotatedImportOptions, user: { id: string; name: string }, onDone?: (report: AnnotatedImportReport) => void): string {
    return this.start('annotated-import', this.exchangeWorker(), { task: 'annotated-import', projectPath, options, user }, onDone as (r: JobReport) => void)
  }

  private exchangeWorker(): string {
    return join(dirname(this.workerPath), 'exchange-worker.js')
  }

  private start(kind: JobKind, file: string, data: object, onDone?: (report: JobReport) => void): string {
    if (this.jobs.size > 0) throw new AppError('JOB_RUNNING', 'An import or export is already running; wait for it to finish or cancel it first.')
    const jobId = randomUUID()
    const cancelBuffer = new SharedArrayBuffer(4)
    const worker = new Worker(file, { workerData: { ...data, cancelFlag: cancelBuffer } })
    const finished = new Promise<JobReport | null>((resolve) => {
      let settled = false
      const finish = (outcome: 'done' | 'cancelled' | 'failed', report: JobReport | null, error?: { code: ErrorCode; message: string }) => {
        if (settled) return
        settled = true
        this.jobs.delete(jobId)
        this.lastError = error ?? null
        if (report) onDone?.(report)
        this.emit('job.finished', {
          jobId,
          kind,
          outcome,
          report,
          error: error ? { code: error.code, message: kind === 'import' ? `The import failed and nothing was kept: ${error.message}` : error.message } : null
        } as JobFinished)
        resolve(report)
      }
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') this.emit('job.progress', { jobId, kind, done: m.done, total: m.total, articles: m.articles, message: m.message })
        else if (m.type === 'done') finish('done', m.report)
        else if (m.type === 'cancelled') finish('cancelled', null)
        else finish('failed', null, { code: 'code' in m ? m.code : 'INTERNAL', message: m.message })
      })
      worker.on('error', (error) => finish('failed', null, { code: 'INTERNAL', message: error.message }))
      worker.on('exit', (code) =>
        finish(code === 0 ? 'cancelled' : 'failed', null, code === 0 ? undefined : { code: 'INTERNAL', message: `the ${WHAT[kind]} worker exited with code ${code}` })
      )
    })
    this.jobs.set(jobId, { cancelFlag: new Int32Array(cancelBuffer), finished })
    return jobId
  }

  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId)
    if (!job) return false
    Atomics.store(job.cancelFlag, 0, 1)
    return true
  }

  /** Resolves with the job's report (null if it was cancelled or failed; then `failure` says why). */
  wait<R extends JobReport = ImportReport>(jobId: string): Promise<R | null> {
    return (this.jobs.get(jobId)?.finished ?? Promise.resolve(null)) as Promise<R | null>
  }

  /** Why the last job failed, if it did. */
  get failure(): { code: ErrorCode; message: string } | null {
    return this.lastError
  }

  get busy(): boolean {
    return this.jobs.size > 0
  }
}
