import defaultCodebook from '../../../../resources/codebook/default-codebook.json'
import type { Migration } from '../migration'

/**
 * Versioned codebooks: every version is kept, so each tag's codebook_version stays interpretable.
 * Version 1 is the default codebook; existing tags were coded with its Actor/Event/Claim labels.
 */
export const m0003Codebook: Migration = {
  version: 3,
  name: 'codebook',
  up: (db) => {
    db.exec(`
      CREATE TABLE codebook (
        version INTEGER PRIMARY KEY,
        json TEXT NOT NULL CHECK (json_valid(json)),
        note TEXT NOT NULL DEFAULT '',
        created_by TEXT REFERENCES annotator(id),
        created_at TEXT NOT NULL
      ) STRICT;
    `)
    db.prepare("INSERT INTO codebook (version, json, note, created_at) VALUES (1, ?, 'the default codebook', ?)").run(JSON.stringify(defaultCodebook), new Date().toISOString())
    db.exec('UPDATE annotation SET codebook_version = 1 WHERE codebook_version IS NULL')
  }
}
