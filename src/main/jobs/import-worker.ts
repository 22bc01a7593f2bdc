import { parentPort, workerData } from 'node:worker_threads'
import { ImportCancelled, runImport, type ImportInput } from '../import/run-import'
import { openWorkerDb } from '../store/open-project-db'
import type { ImportWorkerMessage } from './import-worker-message'

interface ImportWorkerData {
  projectPath: string
  inputs: ImportInput[]
  encoding: 'utf-8' | 'windows-1252'
  cancelFlag: SharedArrayBuffer
}

// runs in its own thread with its own connection, so the UI thread never waits on an import
const data = workerData as ImportWorkerData
const flag = new Int32Array(data.cancelFlag)
const post = (m: ImportWorkerMessage) => parentPort!.postMessage(m)
const db = openWorkerDb(data.projectPath)
try {
  const report = runImport(db, data.inputs, {
    encoding: data.encoding,
    onProgress: (p) => post({ type: 'progress', ...p }),
    isCancelled: () => Atomics.load(flag, 0) === 1
  })
  post({ type: 'done', report })
} catch (error) {
  if (error instanceof ImportCancelled) post({ type: 'cancelled' })
  else post({ type: 'failed', message: (error as Error).message })
} finally {
  db.close()
}
