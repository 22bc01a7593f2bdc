/** Row shapes exactly as SQLite returns them. */
export interface DbArticleSummaryRow {
  id: number
  uid: string
  title: string
  source: string
  published: string
  language: string
  status: string
  file_name: string
  char_count: number
  tag_count: number
  imported_at: string
}

export interface DbArticleRow extends DbArticleSummaryRow {
  text: string
  hash: string
  url: string
  metadata: string
  note: string
}

export interface DbAnnotationRow {
  id: string
  article_id: number
  annotator_id: string
  annotator_name: string
  label: string
  attributes: string
  note: string
  status: string
  codebook_version: number | null
  missing: string
  created_at: string
  updated_at: string
}

export interface DbChangeRow {
  id: number
  action_id: string
  at: string
  annotator_id: string
  article_id: number | null
  entity: string
  entity_id: string
  op: string
  before: string | null
  after: string | null
  undo_state: string
  description: string
}

export interface DbCodebookVersionRow {
  version: number
  json: string
  note: string
  created_by: string | null
  created_at: string
  migration: string | null
}
