import { AppError } from '../../shared/errors'

/** A full disk or an unwritable place, said as the user can act on it; other errors pass through unchanged. */
export function exportIoError(error: unknown, destination: string): unknown {
  const e = error as NodeJS.ErrnoException
  if (e?.code === 'ENOSPC') return new AppError('IO', `The disk is full: the export to ${destination} stopped and nothing was kept. Free some space and export again.`)
  if (e?.code === 'EACCES' || e?.code === 'EPERM' || e?.code === 'EROFS') {
    return new AppError('IO', `Cannot write the export to ${destination} (${e.code}); nothing was kept. Choose a folder you can write to.`)
  }
  return error
}
