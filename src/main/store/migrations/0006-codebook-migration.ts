import type { Migration } from '../migration'

/**
 * Each codebook version records how tags were carried over from the previous one (relabelled, deleted,
 * values mapped), so tags and exports coded under an older version stay interpretable.
 */
export const m0006CodebookMigration: Migration = {
  version: 6,
  name: 'codebook-migration',
  up: (db) => {
    db.exec('ALTER TABLE codebook ADD COLUMN migration TEXT CHECK (migration IS NULL OR json_valid(migration))')
  }
}
