import { existsSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { AppError } from '../../shared/errors'

/** Why an export could not be written, said as the user can act on it (what, where, what to do); other errors pass through unchanged. */
export function exportIoError(error: unknown, destination: string): unknown {
  const e = error as NodeJS.ErrnoException | null
  const code = e?.code
  if (typeof code !== 'string') return error
  const folder = dirname(destination)
  const cannot = `Cannot export to ${destination}`
  switch (code) {
    case 'ENOSPC':
      return new AppError('IO', `The disk is full: the export to ${destination} stopped and nothing was kept. Free some space on the disk that holds ${folder}, or choose a folder on another disk, and export again.`)
    case 'EDQUOT':
      return new AppError('IO', `Your storage quota is used up: the export to ${destination} stopped and nothing was kept. Free some of your space on the disk that holds ${folder}, or choose a folder on another disk, and export again.`)
    case 'EACCES':
    case 'EPERM': {
      // on Windows a file held open by another program refuses its replacement the same way
      const inUse = existsSync(destination) ? ` If the earlier ${destination} is open in another program, close it.` : ''
      return new AppError('IO', `${cannot}: you are not allowed to write in ${folder}, so nothing was kept. Choose a folder you can write to, or ask for write access to it.${inUse}`)
    }
    case 'EBUSY':
      return new AppError('IO', `${cannot}: ${destination} is in use by another program, so nothing was kept. Close the program using it and export again, or choose another name.`)
    case 'EROFS':
      return new AppError('IO', `${cannot}: ${folder} is on a read-only disk (a locked memory card, a CD or a read-only network share), so nothing was kept. Choose a folder on a disk you can write to.`)
    case 'ENOTDIR': {
      const file = fileInTheWay(folder)
      return new AppError('IO', `${cannot}: ${file ? `${file} is a file, not a folder` : `part of the path is a file, not a folder`}, so nothing was kept. Choose a folder to export into.`)
    }
    case 'ENAMETOOLONG':
      return new AppError('IO', `${cannot}: the name or the whole path is too long for this system, so nothing was kept. Choose a shorter name, or a folder nearer the top of the disk.`)
    case 'EEXIST':
    case 'ENOTEMPTY':
      return new AppError('IO', `${cannot}: something named ${destination} appeared while the export was being written, so nothing was kept. Choose another name, or move that away and export again.`)
    case 'ENOENT':
      return new AppError('IO', `${cannot}: the folder ${folder} does not exist or can no longer be reached (removed, or its disk unplugged), so nothing was kept. Create it or choose another place, and export again.`)
  }
  // any other refusal by the system (a failing disk, a dropped network share): its code kept for whoever helps
  if (/^E[A-Z]+$/.test(code) && e?.syscall) {
    return new AppError('IO', `${cannot}: the system could not write there (${code}), so nothing was kept. Check that the disk is connected and working, and export again or choose another place.`)
  }
  return error
}

/** The file standing where `path` or one of its parent folders should be, if any. */
function fileInTheWay(path: string): string | null {
  for (let p = path; ; p = dirname(p)) {
    try {
      return statSync(p).isDirectory() ? null : p
    } catch {
      // missing, or below the file we are looking for: try the parent
    }
    if (dirname(p) === p) return null
  }
}
