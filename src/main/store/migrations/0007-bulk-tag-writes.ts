import type { Migration } from '../migration'

/**
 * Lets bulk imports skip the per-tag count triggers: each fire rewrites the whole article row (its text
 * included), which made importing a million tags take minutes. While `bulk_write` holds a row (only ever
 * inside an import's transaction) the triggers stay quiet and the import recounts the articles it touched.
 */
export const m0007BulkTagWrites: Migration = {
  version: 7,
  name: 'bulk-tag-writes',
  up: (db) => {
    db.exec(`
      CREATE TABLE bulk_write (id INTEGER PRIMARY KEY) STRICT;
      DROP TRIGGER annotation_count_insert;
      DROP TRIGGER annotation_count_delete;
      CREATE TRIGGER annotation_count_insert AFTER INSERT ON annotation WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
        UPDATE article SET tag_count = tag_count + 1 WHERE id = new.article_id;
      END;
      CREATE TRIGGER annotation_count_delete AFTER DELETE ON annotation WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
        UPDATE article SET tag_count = tag_count - 1 WHERE id = old.article_id;
      END;
    `)
  }
}
