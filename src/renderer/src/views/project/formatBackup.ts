import type { BackupEntry, BackupKind } from '@shared/backups/backup-entry'
import { plural } from '@shared/plural'

const KIND_WORDS: Record<BackupKind, string> = {
  auto: 'automatic',
  manual: 'made by hand',
  'before-migration': 'before an upgrade',
  'before-restore': 'before a restore'
}

/** "21 Nov 2026, 16:58 · automatic · 12 articles, 340 tags · 2.1 MB" for a backup list row. */
export function describeBackup(e: BackupEntry): string {
  const when = new Date(e.createdAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
  const size = e.bytes >= 1 << 20 ? `${(e.bytes / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(e.bytes / 1024))} KB`
  return `${when} · ${KIND_WORDS[e.kind]} · ${plural(e.articles, 'article')}, ${plural(e.tags, 'tag')} · ${size}`
}
