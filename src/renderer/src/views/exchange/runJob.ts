import type { JobFinished, JobProgress } from '@shared/contract'
import { api } from '../../api/client'

/**
 * Follows a worker job from its start call to its end: progress events go to `onProgress`, and the promise
 * settles with the finished event. Listening starts before the call, so a quick job's events are not missed.
 */
export async function runJob(start: () => Promise<{ jobId: string }>, onProgress: (p: JobProgress) => void, onStarted?: (jobId: string) => void): Promise<JobFinished> {
  let jobId: string | null = null
  const early: JobFinished[] = []
  let resolveFinished: (f: JobFinished) => void = (f) => early.push(f)
  const offProgress = api.on('job.progress', (p) => {
    if (p.jobId === jobId) onProgress(p)
  })
  const offFinished = api.on('job.finished', (f) => {
    if (jobId === null || f.jobId === jobId) resolveFinished(f)
  })
  try {
    const started = await start()
    jobId = started.jobId
    onStarted?.(jobId)
    const mine = early.find((f) => f.jobId === jobId)
    if (mine) return mine
    return await new Promise<JobFinished>((resolve) => {
      resolveFinished = (f) => f.jobId === jobId && resolve(f)
    })
  } finally {
    offProgress()
    offFinished()
  }
}
