import { parentPort, workerData } from 'node:worker_threads'
import { ImportCancelled, readImportFiles, type ImportInput, type ImportSink, type PreparedArticle } from '../import/read-import-files'
import type { ImportReadMessage } from './import-read-message'

interface ReadWorkerData {
  inputs: ImportInput[]
  encoding: 'utf-8' | 'windows-1252'
  cancelFlag: SharedArrayBuffer
  inFlight: SharedArrayBuffer
}

/** Slices of articles the writer may have queued before this reader waits: bounds memory on huge imports. */
const MAX_IN_FLIGHT = 8

// reads, decodes and hashes ahead of the writer thread, so file I/O and parsing overlap the SQLite work
const data = workerData as ReadWorkerData
const cancelled = new Int32Array(data.cancelFlag)
const queue = new Int32Array(data.inFlight)
const isCancelled = () => Atomics.load(cancelled, 0) === 1
const post = (m: ImportReadMessage) => parentPort!.postMessage(m)

// one message per slice of articles, not per file: a message costs more than reading a small file
const SLICE = 250
let slice: PreparedArticle[] = []
let sliceAt = { index: 0, name: '' }
let lastProgress = 0
const sendSlice = () => {
  if (!slice.length) return
  for (let n = Atomics.load(queue, 0); n >= MAX_IN_FLIGHT; n = Atomics.load(queue, 0)) {
    if (isCancelled()) throw new ImportCancelled()
    Atomics.wait(queue, 0, n, 100)
  }
  Atomics.add(queue, 0, 1)
  post({ type: 'articles', list: slice, ...sliceAt })
  slice = []
}

const sink: ImportSink = {
  start: (total) => post({ type: 'start', total }),
  issue: (issue) => post({ type: 'issue', issue }),
  progress: (index, name) => {
    const t = Date.now()
    if (t - lastProgress < 100) return
    lastProgress = t
    post({ type: 'progress', index, name })
  },
  articles: (list, index, name) => {
    for (const a of list) slice.push(a)
    sliceAt = { index, name }
    if (slice.length >= SLICE) sendSlice()
  }
}

try {
  readImportFiles(data.inputs, data.encoding, sink, isCancelled)
  sendSlice()
  post({ type: 'done' })
} catch (error) {
  post(error instanceof ImportCancelled ? { type: 'cancelled' } : { type: 'failed', message: (error as Error).message })
}
