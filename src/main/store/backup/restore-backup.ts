import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { BackupEntry } from '../../../shared/backups/backup-entry'
import { AppError } from '../../../shared/errors'
import { backupFolderOf } from './backup-folder'
import { fsyncFile, readManifest } from './backup-manifest'
import { checkProjectOffThread } from './check-project-off-thread'

/** The manifest entry for `file` in the project's backup folder, or NOT_FOUND. */
export function findBackup(projectFile: string, file: string): BackupEntry {
  const entry = readManifest(backupFolderOf(projectFile)).find((e) => e.file === file)
  if (!entry) throw new AppError('NOT_FOUND', `There is no backup called ${file} for ${projectFile}; choose one from the list of backups.`)
  return entry
}

/**
 * Puts a verified backup in place of the project file. The project must be closed. The copy is checked
 * (hash and integrity) before anything is replaced, and lands by an atomic rename, so a failure at any
 * point leaves the old file (or none, if it was moved aside) and never a half-written one.
 */
export async function restoreBackup(projectFile: string, entry: BackupEntry): Promise<void> {
  const source = join(backupFolderOf(projectFile), entry.file)
  if (!existsSync(source)) throw new AppError('NOT_FOUND', `The backup file ${source} is missing; choose another backup.`)
  const checked = await checkProjectOffThread(source)
  if (checked.sha256 !== entry.sha256)
    throw new AppError('BACKUP_FAILED', `The backup ${entry.file} has changed since it was written (its checksum differs), so it is not trusted. Choose another backup.`)
  const incoming = `${projectFile}.restoring`
  try {
    copyFileSync(source, incoming)
    fsyncFile(incoming)
    // stale -wal/-shm beside the target would be replayed into the restored file
    for (const side of ['-wal', '-shm', '-journal']) rmSync(projectFile + side, { force: true })
    renameSync(incoming, projectFile)
    fsyncFile(dirname(projectFile))
  } catch (error) {
    rmSync(incoming, { force: true })
    throw new AppError('IO', `Could not restore ${entry.file} to ${projectFile}: ${(error as Error).message}`)
  }
}
