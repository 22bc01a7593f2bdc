import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { BackupEntry, BackupKind } from '../../../shared/backups/backup-entry'
import { AppError } from '../../../shared/errors'
import { backupFolderOf } from './backup-folder'
import { fsyncFile, readManifest, writeManifest } from './backup-manifest'
import { backupsToPrune } from './prune-backups'
import { checkProjectOffThread } from './check-project-off-thread'

export interface BackupOptions {
  now?: () => Date
}

/**
 * Copies the project with SQLite's online backup API into its backup folder (in a worker, from a snapshot,
 * while the app keeps writing), turns the copy into a self-contained file (rollback journal, no -wal),
 * verifies it, records it and rotates old copies. A failed backup leaves no file and the manifest unchanged.
 */
export async function makeBackup(projectFile: string, kind: BackupKind, options: BackupOptions = {}): Promise<BackupEntry> {
  const started = Date.now()
  const now = (options.now ?? (() => new Date()))()
  const folder = backupFolderOf(projectFile)
  const file = `backup-${stamp(now)}-${kind}.spanwise`
  const final = join(folder, file)
  const partial = `${final}.partial`
  try {
    mkdirSync(folder, { recursive: true })
    const copy = await checkProjectOffThread(partial, projectFile)
    fsyncFile(partial)
    renameSync(partial, final)
    const entry: BackupEntry = { file, kind, createdAt: now.toISOString(), ...copy, tookMs: Date.now() - started }
    const entries = [entry, ...readManifest(folder).filter((e) => e.file !== file)]
    const dropped = backupsToPrune(entries)
    writeManifest(folder, entries.filter((e) => !dropped.includes(e)))
    for (const e of dropped) rmSync(join(folder, e.file), { force: true })
    return entry
  } catch (error) {
    for (const f of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`]) if (existsSync(f)) rmSync(f, { force: true })
    if (error instanceof AppError) throw error
    throw new AppError('BACKUP_FAILED', `Could not write a backup of ${projectFile} into ${folder}: ${(error as Error).message}. Check there is free disk space and the folder is writable.`)
  }
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-').replace('Z', '')
}
