import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { BACKUP_KINDS, type BackupEntry } from '../../../shared/backups/backup-entry'

const MANIFEST = 'manifest.json'

const entrySchema = z.object({
  file: z.string().regex(/^[\w.-]+$/),
  kind: z.enum(BACKUP_KINDS),
  createdAt: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  schemaVersion: z.number().int().nonnegative(),
  articles: z.number().int().nonnegative(),
  tags: z.number().int().nonnegative(),
  tookMs: z.number().nonnegative()
})
const manifestSchema = z.object({ format: z.literal('spanwise-backups'), version: z.literal(1), entries: z.array(entrySchema) })

/** The backups recorded in `folder`, newest first; entries whose file is gone are left out, and an unreadable manifest reads as empty. */
export function readManifest(folder: string): BackupEntry[] {
  const path = join(folder, MANIFEST)
  if (!existsSync(path)) return []
  try {
    const parsed = manifestSchema.parse(JSON.parse(readFileSync(path, 'utf8')))
    return parsed.entries.filter((e) => existsSync(join(folder, e.file))).sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  } catch {
    return []
  }
}

/** Replaces the manifest atomically (write, fsync, rename), so a crash leaves the old or the new one, never half. */
export function writeManifest(folder: string, entries: BackupEntry[]): void {
  const path = join(folder, MANIFEST)
  const tmp = `${path}.tmp`
  writeFileSync(tmp, JSON.stringify({ format: 'spanwise-backups', version: 1, entries }, null, 2))
  fsyncFile(tmp)
  renameSync(tmp, path)
  fsyncFile(folder)
}

/** Flushes a file or folder to disk, so a rename that follows is not reordered before the data. */
export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}
