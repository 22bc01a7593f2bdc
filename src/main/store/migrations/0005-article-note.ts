import type { Migration } from '../migration'

/** An analyst's memo on a whole article: plain text, paragraphs separated by "\n", like a tag's note. */
export const m0005ArticleNote: Migration = {
  version: 5,
  name: 'article-note',
  up: (db) => {
    db.exec("ALTER TABLE article ADD COLUMN note TEXT NOT NULL DEFAULT ''")
  }
}
