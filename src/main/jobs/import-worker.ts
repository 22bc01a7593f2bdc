import { join } from 'node:path'
import { parentPort, Worker, workerData } from 'node:worker_threads'
import { ImportWriter } from '../import/import-writer'
import { ImportCancelled, type ImportInput } from '../import/read-import-files'
import { openWorkerDb } from '../store/open-project-db'
import type { ImportReadMessage } from './import-read-message'
import type { ImportWorkerMessage } from './import-worker-message'

interface ImportWorkerData {
  projectPath: string
  inputs: ImportInput[]
  encoding: 'utf-8' | 'windows-1252'
  cancelFlag: SharedArrayBuffer
}

// the writer: its own thread and connection, so the UI thread never waits on an import; a reader
// thread (import-read-worker) prepares articles ahead of it
const data = workerData as ImportWorkerData
const flag = new Int32Array(data.cancelFlag)
const post = (m: ImportWorkerMessage) => parentPort!.postMessage(m)
const db = openWorkerDb(data.projectPath)
const writer = new ImportWriter(db, { onProgress: (p) => post({ type: 'progress', ...p }), isCancelled: () => Atomics.load(flag, 0) === 1 })
const inFlight = new SharedArrayBuffer(4)
const queue = new Int32Array(inFlight)
const reader = new Worker(join(__dirname, 'import-read-worker.js'), { workerData: { inputs: data.inputs, encoding: data.encoding, cancelFlag: data.cancelFlag, inFlight } })
let ended = false

const end = (m: ImportWorkerMessage) => {
  if (ended) return
  ended = true
  post(m)
  db.close()
  void reader.terminate()
}
const fail = (error: unknown) => {
  if (ended) return
  writer.abort(error)
  end(error instanceof ImportCancelled ? { type: 'cancelled' } : { type: 'failed', message: (error as Error).message })
}

reader.on('message', (m: ImportReadMessage) => {
  if (ended) return
  try {
    switch (m.type) {
      case 'start':
        return writer.start(m.total)
      case 'issue':
        return writer.issue(m.issue)
      case 'progress':
        return writer.progress(m.index, m.name)
      case 'articles':
        writer.articles(m.list, m.index, m.name)
        Atomics.sub(queue, 0, 1)
        Atomics.notify(queue, 0)
        return
      case 'done':
        return end({ type: 'done', report: writer.finish() })
      case 'cancelled':
        throw new ImportCancelled()
      case 'failed':
        throw new Error(m.message)
    }
  } catch (error) {
    fail(error)
  }
})
reader.on('error', fail)
// after any messages still queued from the reader
reader.on('exit', (code) => setImmediate(() => fail(new Error(`the import reader stopped unexpectedly (exit code ${code})`))))
