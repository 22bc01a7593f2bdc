import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'

/** Every table a user action writes, with its key order; the full-text index is derived and left out. */
const TABLES: [string, string][] = [
  ['import_batch', 'id'],
  ['article', 'id'],
  ['annotation', 'id'],
  ['fragment', 'annotation_id, idx'],
  ['relation', 'from_id, idx'],
  ['mention', 'annotation_id, attribute, actor_id'],
  ['change_log', 'id'],
  ['annotator', 'id']
]

/**
 * A hash of the project's whole user-visible state. `withoutBatch` leaves one import out (its batch row and
 * articles), to compare a state that has a finished import with the state before it.
 */
export function stateDigest(db: Database.Database, withoutBatch: number | null = null): string {
  const hash = createHash('sha256')
  for (const [table, order] of TABLES) {
    // a discarded import leaves only a record that it failed, no articles; that record is bookkeeping
    const batches = `WHERE state = 'done'${withoutBatch === null ? '' : ` AND id IS NOT ${withoutBatch}`}`
    const where = table === 'import_batch' ? batches : table === 'article' && withoutBatch !== null ? `WHERE import_batch_id IS NOT ${withoutBatch}` : ''
    hash.update(table)
    // heartbeats are bookkeeping of a running import, not user state
    for (const row of db.prepare(`SELECT * FROM ${table} ${where} ORDER BY ${order}`).all() as Record<string, unknown>[]) {
      if (table === 'import_batch') delete row.heartbeat_at
      hash.update(JSON.stringify(row))
    }
  }
  return hash.digest('hex').slice(0, 16)
}
