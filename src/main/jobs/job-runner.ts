import { randomUUID } from 'node:crypto'
import { Worker } from 'node:worker_threads'
import type { ImportReport } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import type { ImportInput } from '../import/run-import'
import type { EventSink } from './event-sink'
import type { ImportWorkerMessage } from './import-worker-message'

interface RunningJob {
  cancelFlag: Int32Array
  finished: Promise<ImportReport | null>
}

/** Runs imports in worker threads, reports progress as events, and cancels them on request. */
export class JobRunner {
  private readonly jobs = new Map<string, RunningJob>()

  constructor(
    private readonly emit: EventSink,
    private readonly workerPath: string
  ) {}

  /** Starts an import; `onDone` runs on the calling thread after the worker has committed everything. */
  startImport(projectPath: string, inputs: ImportInput[], encoding: 'utf-8' | 'windows-1252', onDone?: (report: ImportReport) => void): string {
    if (this.jobs.size > 0) throw new AppError('JOB_RUNNING', 'An import is already running; wait for it to finish or cancel it first.')
    const jobId = randomUUID()
    const cancelBuffer = new SharedArrayBuffer(4)
    const worker = new Worker(this.workerPath, { workerData: { projectPath, inputs, encoding, cancelFlag: cancelBuffer } })
    const finished = new Promise<ImportReport | null>((resolve) => {
      let settled = false
      const finish = (outcome: 'done' | 'cancelled' | 'failed', report: ImportReport | null, message?: string) => {
        if (settled) return
        settled = true
        this.jobs.delete(jobId)
        if (report) onDone?.(report)
        this.emit('job.finished', {
          jobId,
          kind: 'import',
          outcome,
          report,
          error: message ? { code: 'INTERNAL', message: `The import failed and nothing was kept: ${message}` } : null
        })
        resolve(report)
      }
      worker.on('message', (m: ImportWorkerMessage) => {
        if (m.type === 'progress') this.emit('job.progress', { jobId, kind: 'import', done: m.done, total: m.total, articles: m.articles, message: m.message })
        else if (m.type === 'done') finish('done', m.report)
        else if (m.type === 'cancelled') finish('cancelled', null)
        else finish('failed', null, m.message)
      })
      worker.on('error', (error) => finish('failed', null, error.message))
      worker.on('exit', (code) => finish(code === 0 ? 'cancelled' : 'failed', null, code === 0 ? undefined : `the import worker exited with code ${code}`))
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

  /** Resolves with the job's report (null if it was cancelled or failed). */
  wait(jobId: string): Promise<ImportReport | null> {
    return this.jobs.get(jobId)?.finished ?? Promise.resolve(null)
  }

  get busy(): boolean {
    return this.jobs.size > 0
  }
}
