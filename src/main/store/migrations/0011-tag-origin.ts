import type { Migration } from '../migration'

/**
 * Records which imported file each tag came from (NULL: made in the workbench), so a re-import replaces only
 * that file's tags, never a coder's hand-made ones nor another file's. Tags already in a project that no action
 * ever touched came from an import of unknown file: 'import', which the next import for that coder replaces as before.
 */
export const m0011TagOrigin: Migration = {
  version: 11,
  name: 'tag-origin',
  up: (db) => {
    db.exec(`
      ALTER TABLE annotation ADD COLUMN origin TEXT;
      UPDATE annotation SET origin = 'import'
        WHERE annotator_id != 'gold' AND id NOT IN (SELECT entity_id FROM change_log WHERE entity = 'annotation');
    `)
  }
}
