import type Database from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import type { Migration } from './migration'
import { MIGRATIONS } from './migrations'

/** Applies every pending migration up to `target` in one transaction: all of them or none. */
export function migrate(db: Database.Database, target?: number, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number
  const last = target ?? migrations[migrations.length - 1]!.version
  if (current > last) throw new AppError('PROJECT_TOO_NEW', `schema version ${current} is newer than ${last}`)
  const pending = migrations.filter((m) => m.version > current && m.version <= last)
  db.transaction(() => {
    for (const m of pending) {
      m.up(db)
      db.pragma(`user_version = ${m.version}`)
    }
  })()
  return last
}
