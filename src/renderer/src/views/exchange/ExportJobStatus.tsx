import type { ReactNode } from 'react'
import type { ExportResult } from '@shared/exchange/export-result'
import type { useExportJob } from './useExportJob'
import { plural } from '@shared/plural'

/** An export job's progress bar, its failure, or its result (`done` says what was written) with the format's warnings. */
export function ExportJobStatus({ job, busy, done }: { job: ReturnType<typeof useExportJob>; busy: string; done: (result: ExportResult) => ReactNode }) {
  const { progress, error, result } = job
  return (
    <>
      {progress && (
        <div role="status">
          {busy} {progress.done}/{plural(progress.total, 'article')}, {plural(progress.articles, 'tag')}
          <progress max={progress.total || 1} value={progress.done} aria-label="Export progress" />
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <div className="export-result" role="status">
          <p>{done(result)}</p>
          {result.warnings.length > 0 && (
            <ul aria-label="Export warnings">
              {result.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  )
}
