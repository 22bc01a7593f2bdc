import { existsSync, statSync } from 'node:fs'
import type Database from 'better-sqlite3'
import type { BackupEntry, BackupKind } from '../../../shared/backups/backup-entry'
import { backupFolderOf } from './backup-folder'
import { readManifest } from './backup-manifest'
import { makeBackup, type BackupOptions } from './make-backup'

export interface BackupSchedulerOptions extends BackupOptions {
  /** Minutes between automatic backups while the project keeps changing; 0 turns automatic backups off. */
  intervalMinutes: number
  /** Delay before the on-open backup, so it does not compete with the first screen (default 5 s). */
  openDelayMs?: number
  /** A running import writes through another connection; backing up then would restart on every batch. */
  isBusy: () => boolean
  onError: (error: unknown) => void
}

/**
 * Automatic backups of the open project: one on open when the file changed since the newest backup (unless one was
 * made by hand meanwhile and nothing was written since), then one every interval in which something was written.
 * Backups never overlap; stop() waits for a running one.
 */
export class BackupScheduler {
  private timer: NodeJS.Timeout | null = null
  private running: Promise<BackupEntry> | null = null
  private writtenAtLastBackup: string
  private backedUpSinceOpen = false
  private stopped = false

  constructor(
    private readonly db: Database.Database,
    private readonly file: string,
    private readonly options: BackupSchedulerOptions
  ) {
    this.writtenAtLastBackup = this.writeMark()
  }

  get busy(): boolean {
    return this.running !== null
  }

  start(): void {
    if (this.options.intervalMinutes <= 0) return
    const newest = readManifest(backupFolderOf(this.file))[0]
    const changed = !newest || lastWritten(this.file) > Date.parse(newest.createdAt)
    const first = setTimeout(() => void this.openCheck(changed), this.options.openDelayMs ?? 5000)
    first.unref()
    this.timer = first
  }

  /** The on-open backup, then the periodic checks. A backup made by hand meanwhile already holds the opening state. */
  private async openCheck(changedSinceNewest: boolean): Promise<void> {
    while (this.running) await this.running.catch(() => undefined)
    if (this.stopped) return
    if (this.backedUpSinceOpen) this.backupIfChanged()
    else if (changedSinceNewest) this.backgroundBackup()
    this.timer = setInterval(() => this.backupIfChanged(), this.options.intervalMinutes * 60_000)
    this.timer.unref()
  }

  /** The periodic check: backs up when something was written since the last backup and no import is running. */
  backupIfChanged(): boolean {
    if (this.stopped || this.running || this.options.isBusy() || this.writeMark() === this.writtenAtLastBackup) return false
    this.backgroundBackup()
    return true
  }

  /** Backs up now (waiting for a running backup first, so two never copy at once). */
  async backup(kind: BackupKind): Promise<BackupEntry> {
    while (this.running) await this.running.catch(() => undefined)
    const mark = this.writeMark()
    this.running = makeBackup(this.file, kind, this.options)
    try {
      const entry = await this.running
      this.writtenAtLastBackup = mark
      this.backedUpSinceOpen = true
      return entry
    } finally {
      this.running = null
    }
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    await this.running?.catch(() => undefined)
  }

  private backgroundBackup(): void {
    if (this.running) return
    // closing the project abandons a running copy on purpose; that is not an error to report
    this.backup('auto').catch((error: unknown) => this.stopped || this.options.onError(error))
  }

  /** Changes through this connection plus commits by other connections (imports run in a worker). */
  private writeMark(): string {
    if (!this.db.open) return ''
    const changes = this.db.prepare('SELECT total_changes()').pluck().get() as number
    return `${changes}:${this.db.pragma('data_version', { simple: true }) as number}`
  }
}

/** When the project was last written: the file or its -wal, whichever is newer. */
function lastWritten(file: string): number {
  const wal = `${file}-wal`
  // a -wal SQLite has just created on open is empty and says nothing about writes
  const walWritten = existsSync(wal) && statSync(wal).size > 0 ? statSync(wal).mtimeMs : 0
  return Math.max(statSync(file).mtimeMs, walWritten)
}
