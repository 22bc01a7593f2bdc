import type { ImportSource, JobFinished, JobProgress } from '@shared/contract'
import { api } from '../../api/client'
import { createStore } from '../../state/createStore'
import { notifyError } from '../../state/notices'

export interface ImportState {
  jobId: string | null
  progress: JobProgress | null
  finished: JobFinished | null
  /** What was sent, so files rejected as invalid UTF-8 can be sent again as Windows-1252. */
  sources: ImportSource[]
}

export const importState = createStore<ImportState>({ jobId: null, progress: null, finished: null, sources: [] })

api.on('job.progress', (p) => importState.set((s) => (s.jobId === p.jobId ? { ...s, progress: p } : s)))
api.on('job.finished', (f) => importState.set((s) => (s.jobId === f.jobId ? { ...s, jobId: null, finished: f } : s)))

export async function startImport(sources: ImportSource[], encoding: 'utf-8' | 'windows-1252' = 'utf-8'): Promise<void> {
  if (sources.length === 0) return
  try {
    importState.set({ jobId: null, progress: null, finished: null, sources })
    const { jobId } = await api.call('import.start', { sources, encoding })
    importState.set((s) => ({ ...s, jobId, progress: { jobId, kind: 'import', done: 0, total: sources.length, articles: 0, message: 'starting' } }))
  } catch (error) {
    notifyError(error)
  }
}

export async function cancelImport(): Promise<void> {
  const { jobId } = importState.get()
  if (jobId) await api.call('jobs.cancel', { jobId })
}
