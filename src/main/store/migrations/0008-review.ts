import type { Migration } from '../migration'

import { GOLD_LAYER } from '../../../shared/review/layer-owner'

export { GOLD_LAYER }

/**
 * Review: a gold layer, per-coder "done" marks (blind coding), adjudication decisions, comment threads on
 * tags, and which colleague pack each imported layer came from (so an older pack cannot undo a newer one).
 */
export const m0008Review: Migration = {
  version: 8,
  name: 'review',
  up: (db) => {
    db.prepare('INSERT INTO annotator (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING').run(
      GOLD_LAYER,
      'Gold standard',
      '2026-01-01T00:00:00.000Z'
    )
    db.exec(`
      CREATE TABLE coder_progress (
        article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
        annotator_id TEXT NOT NULL REFERENCES annotator(id),
        done_at TEXT NOT NULL,
        PRIMARY KEY (article_id, annotator_id)
      ) STRICT, WITHOUT ROWID;

      -- append-only: one row per decision, kept even when the gold tag it made is later edited or undone
      CREATE TABLE adjudication (
        id TEXT PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
        decision TEXT NOT NULL CHECK (decision IN ('accept', 'merge', 'edit', 'reject')),
        candidates TEXT NOT NULL CHECK (json_valid(candidates)),
        chosen_id TEXT,
        gold_id TEXT,
        reason TEXT NOT NULL DEFAULT '',
        guideline TEXT NOT NULL DEFAULT '',
        decided_by TEXT NOT NULL REFERENCES annotator(id),
        decided_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX adjudication_by_article ON adjudication(article_id, decided_at);

      CREATE TABLE tag_comment (
        id TEXT PRIMARY KEY,
        annotation_id TEXT NOT NULL REFERENCES annotation(id) ON DELETE CASCADE,
        author_id TEXT NOT NULL REFERENCES annotator(id),
        body TEXT NOT NULL CHECK (length(body) > 0),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX tag_comment_by_tag ON tag_comment(annotation_id, created_at);

      CREATE TABLE pack_layer (
        article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
        annotator_id TEXT NOT NULL REFERENCES annotator(id),
        pack_id TEXT NOT NULL,
        pack_created_at TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        PRIMARY KEY (article_id, annotator_id)
      ) STRICT, WITHOUT ROWID;

      CREATE INDEX annotation_by_layer ON annotation(article_id, annotator_id);
    `)
  }
}
