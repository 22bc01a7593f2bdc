import type { useExportJob } from './useExportJob'

/** An export dialog's main button: it starts the export (the form's submit), and cancels it while it runs. */
export function ExportButton({ job, label, ready }: { job: ReturnType<typeof useExportJob>; label: string; ready: boolean }) {
  return job.jobId ? (
    <button type="button" onClick={job.cancel}>
      Cancel export
    </button>
  ) : (
    <button type="submit" className="primary" disabled={!ready || job.progress !== null}>
      {label}
    </button>
  )
}
