import { useState } from 'react'
import type { JobProgress, MethodInput } from '@shared/contract'
import type { ExportResult } from '@shared/exchange/export-result'
import { api } from '../../api/client'
import { runJob } from './runJob'

/** An export job as a dialog follows it: start, progress, the running job's id (to cancel), then the result or what went wrong. */
export function useExportJob() {
  const [progress, setProgress] = useState<JobProgress | null>(null)
  const [jobId, setJobId] = useState<string | null>(null)
  const [result, setResult] = useState<ExportResult | null>(null)
  const [error, setError] = useState<string | null>(null)

  const start = async (options: MethodInput<'export.start'>) => {
    setError(null)
    setResult(null)
    setProgress({ jobId: '', kind: 'export', done: 0, total: 0, articles: 0, message: 'starting' })
    try {
      const finished = await runJob(() => api.call('export.start', options), setProgress, setJobId)
      if (finished.kind === 'export' && finished.outcome === 'done' && finished.report) setResult(finished.report)
      else setError(finished.outcome === 'cancelled' ? 'Export cancelled: nothing was written.' : (finished.error?.message ?? 'The export failed: nothing was written.'))
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setProgress(null)
      setJobId(null)
    }
  }

  const cancel = () => jobId && void api.call('jobs.cancel', { jobId })
  // a new destination makes the last outcome beside it stale
  const dismiss = () => {
    setError(null)
    setResult(null)
  }
  return { progress, jobId, result, error, start, cancel, dismiss }
}
