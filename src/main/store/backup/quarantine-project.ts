import { existsSync, renameSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import type { DamagedProject } from '../../../shared/backups/backup-entry'
import { AppError } from '../../../shared/errors'
import { backupFolderOf } from './backup-folder'
import { readManifest } from './backup-manifest'

/**
 * Moves a damaged project (with its -wal and -shm, which belong to it) aside under a dated name, so
 * nothing is ever written into it and a restore or salvage can put a sound file at the original path.
 */
export function quarantineProject(file: string, problem: string, now = new Date()): AppError {
  const ext = extname(file)
  const movedTo = join(dirname(file), `${basename(file, ext)}.damaged-${now.toISOString().replace(/[:.]/g, '-')}${ext || '.spanwise'}`)
  for (const side of ['-wal', '-shm']) if (existsSync(file + side)) renameSync(file + side, movedTo + side)
  renameSync(file, movedTo)
  const details: DamagedProject = { path: file, movedTo, problem, backups: readManifest(backupFolderOf(file)) }
  const offer = details.backups.length
    ? `The newest backup is from ${details.backups[0]!.createdAt}; restore it, or salvage what can still be read.`
    : 'There is no backup of it; salvage what can still be read.'
  return new AppError('PROJECT_DAMAGED', `${basename(file)} is damaged (${problem}). It was moved aside, untouched, to ${basename(movedTo)}. ${offer}`, details)
}

/** True when `file` has backups, i.e. it was a project this app opened before, whatever its bytes say now. */
export function hasBackups(file: string): boolean {
  return readManifest(backupFolderOf(file)).length > 0
}
