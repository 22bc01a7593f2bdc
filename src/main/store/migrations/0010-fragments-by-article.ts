import type { Migration } from '../migration'

/**
 * Keeps each article's fragments together: keyed by their tag's random UUID, the fragment rows sat scattered
 * over the file, so exporting or importing a million tags spent most of its time on cache misses. The key
 * now starts with the article, and the foreign key points at a new (article, tag) index of annotation, so
 * deleting a tag still removes its fragments through that same key. Bulk writes now drop the count triggers
 * inside their transaction (TagBulkWriter), so the bulk_write switch of migration 7 goes.
 */
export const m0010FragmentsByArticle: Migration = {
  version: 10,
  name: 'fragments-by-article',
  up: (db) => {
    db.exec(`
      CREATE UNIQUE INDEX annotation_in_article ON annotation(article_id, id);
      CREATE TABLE fragment_by_article (
        article_id INTEGER NOT NULL,
        annotation_id TEXT NOT NULL,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL CHECK (start >= 0),
        end INTEGER NOT NULL CHECK (end > start),
        quote TEXT NOT NULL,
        prefix TEXT NOT NULL,
        suffix TEXT NOT NULL,
        PRIMARY KEY (article_id, annotation_id, idx),
        FOREIGN KEY (article_id, annotation_id) REFERENCES annotation(article_id, id) ON DELETE CASCADE
      ) STRICT, WITHOUT ROWID;
      INSERT INTO fragment_by_article (article_id, annotation_id, idx, start, end, quote, prefix, suffix)
        SELECT n.article_id, f.annotation_id, f.idx, f.start, f.end, f.quote, f.prefix, f.suffix
        FROM fragment f JOIN annotation n ON n.id = f.annotation_id ORDER BY n.article_id, f.annotation_id, f.idx;
      DROP TABLE fragment;
      ALTER TABLE fragment_by_article RENAME TO fragment;
      DROP TRIGGER IF EXISTS annotation_count_insert;
      DROP TRIGGER IF EXISTS annotation_count_delete;
      CREATE TRIGGER annotation_count_insert AFTER INSERT ON annotation BEGIN
        UPDATE article SET tag_count = tag_count + 1 WHERE id = new.article_id;
      END;
      CREATE TRIGGER annotation_count_delete AFTER DELETE ON annotation BEGIN
        UPDATE article SET tag_count = tag_count - 1 WHERE id = old.article_id;
      END;
      DROP TABLE IF EXISTS bulk_write;
    `)
  }
}
