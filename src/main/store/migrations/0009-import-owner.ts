import type { Migration } from '../migration'

/** Which process runs an import ("host|pid"), so reopening after a crash discards its half-import at once instead of after the heartbeat goes stale. */
export const m0009ImportOwner: Migration = {
  version: 9,
  name: 'import-owner',
  up: (db) => {
    db.exec('ALTER TABLE import_batch ADD COLUMN owner TEXT')
  }
}
