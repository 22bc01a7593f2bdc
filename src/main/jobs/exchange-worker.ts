import { parentPort, workerData } from 'node:worker_threads'
import { AppError } from '../../shared/errors'
import { ExportCancelled, runExport, type ExportProgress } from '../export/run-export'
import { AnnotatedImportCancelled, runAnnotatedImport } from '../import/annotated/run-annotated-import'
import { openWorkerDb } from '../store/open-project-db'
import { Store } from '../store/store'
import type { ExchangeTask, ExchangeWorkerMessage } from './exchange-worker-message'

// exports and annotated imports: their own thread and connection, so the UI never waits on them
const data = workerData as ExchangeTask
const flag = new Int32Array(data.cancelFlag)
const post = (m: ExchangeWorkerMessage) => parentPort!.postMessage(m)
const isCancelled = () => Atomics.load(flag, 0) === 1
const store = new Store(openWorkerDb(data.projectPath), data.projectPath)

try {
  if (data.task === 'export') {
    const onProgress = (p: ExportProgress) => post({ type: 'progress', done: p.done, total: p.total, articles: p.annotations, message: p.message })
    const report = runExport(store, data.options, { isCancelled, onProgress }, data.user)
    post({ type: 'done', report })
  } else {
    const report = runAnnotatedImport(store, data.options, data.user, {
      isCancelled,
      onProgress: (p) => post({ type: 'progress', done: p.done, total: 0, articles: p.annotations, message: p.message })
    })
    post({ type: 'done', report })
  }
} catch (error) {
  if (error instanceof ExportCancelled || error instanceof AnnotatedImportCancelled) post({ type: 'cancelled' })
  else if (error instanceof AppError) post({ type: 'failed', code: error.code, message: error.message })
  else post({ type: 'failed', code: 'INTERNAL', message: (error as Error).message })
} finally {
  store.close()
}
