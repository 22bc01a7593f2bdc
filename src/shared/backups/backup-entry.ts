/** Why a backup was made; rotation keeps a bounded number of each kind. */
export const BACKUP_KINDS = ['auto', 'manual', 'before-migration', 'before-restore'] as const
export type BackupKind = (typeof BACKUP_KINDS)[number]

/** One verified copy of a project, as recorded in its backup folder's manifest. */
export interface BackupEntry {
  /** File name inside the backup folder. */
  file: string
  kind: BackupKind
  createdAt: string
  bytes: number
  sha256: string
  schemaVersion: number
  articles: number
  tags: number
  /** Milliseconds the copy and its verification took. */
  tookMs: number
}

export interface BackupList {
  folder: string
  entries: BackupEntry[]
  /** True while an automatic or manual backup is being written. */
  running: boolean
  /** Minutes between automatic backups while the project changes. */
  intervalMinutes: number
}

/** A project that failed its checks on open and was moved aside untouched. */
export interface DamagedProject {
  /** Where the project was (and where a restore or salvage puts it back). */
  path: string
  /** Where the damaged file (and its -wal/-shm) now is. */
  movedTo: string
  problem: string
  /** Verified backups, newest first. */
  backups: BackupEntry[]
}

/** What a salvage recovered, per table. */
export interface SalvageReport {
  path: string
  tables: { name: string; rows: number; unreadable: boolean }[]
  articles: number
  tags: number
}
