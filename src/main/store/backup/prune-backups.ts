import type { BackupEntry, BackupKind } from '../../../shared/backups/backup-entry'

/** How many backups rotation keeps: the newest few, then one per day and one per week for automatic ones. */
export const BACKUP_RETENTION = { recentAuto: 5, dailyAuto: 7, weeklyAuto: 4, manual: 10, 'before-migration': 5, 'before-restore': 5 } as const

/** The entries rotation drops (pure): every kind stays bounded while older history thins out to days and weeks. */
export function backupsToPrune(entries: readonly BackupEntry[]): BackupEntry[] {
  const keep = new Set<BackupEntry>()
  const newestFirst = [...entries].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  const ofKind = (kind: BackupKind) => newestFirst.filter((e) => e.kind === kind)
  for (const kind of ['manual', 'before-migration', 'before-restore'] as const) for (const e of ofKind(kind).slice(0, BACKUP_RETENTION[kind])) keep.add(e)
  const auto = ofKind('auto')
  for (const e of auto.slice(0, BACKUP_RETENTION.recentAuto)) keep.add(e)
  keepNewestPer(auto, (e) => e.createdAt.slice(0, 10), BACKUP_RETENTION.dailyAuto, keep)
  keepNewestPer(auto, (e) => weekOf(new Date(e.createdAt)), BACKUP_RETENTION.weeklyAuto, keep)
  return newestFirst.filter((e) => !keep.has(e))
}

function keepNewestPer(newestFirst: BackupEntry[], bucket: (e: BackupEntry) => string, buckets: number, keep: Set<BackupEntry>): void {
  const seen = new Set<string>()
  for (const e of newestFirst) {
    const b = bucket(e)
    if (seen.has(b)) continue
    if (seen.size === buckets) break
    seen.add(b)
    keep.add(e)
  }
}

/** Monday-based week number since the epoch; enough to tell weeks apart. */
function weekOf(d: Date): string {
  return String(Math.floor((d.getTime() / 86_400_000 + 3) / 7))
}
