import type { AnnotationStatus } from '../../shared/domain'
import type { Db } from './open-project-db'

export interface BulkTag {
  id: string
  articleId: number
  annotatorId: string
  label: string
  fragments: { start: number; end: number; quote: string; prefix: string; suffix: string }[]
  attributes: Record<string, unknown>
  note: string
  status: AnnotationStatus
  codebookVersion: number | null
  missing: string[]
  /** Actor ids per actor attribute, for the mention index. */
  mentions: { attribute: string; actorId: string }[]
  createdAt: string
  updatedAt: string
  /** The imported file it came from ("brat:news/1.ann"); null or absent: the project's own (native files). */
  origin?: string | null
}

/**
 * Plain inserts for imports, which write many tags at once and need none of the per-edit bookkeeping. Use
 * only inside a transaction that calls begin() first and finish() before committing.
 */
export class TagBulkWriter {
  private readonly touched = new Set<number>()
  private triggers: string[] = []
  private readonly recount
  private readonly db: Db
  private readonly insertTag
  private readonly insertFragment
  private readonly insertLink
  private readonly insertMention
  private readonly deleteLayerStmt
  private readonly deleteImportedStmt
  private readonly touchedStmt
  private readonly outcomesStmt
  private readonly deleteTagStmt

  constructor(db: Db) {
    this.db = db
    this.recount = db.prepare('UPDATE article SET tag_count = (SELECT count(*) FROM annotation WHERE article_id = @id) WHERE id = @id')
    this.insertTag = db.prepare(`
      INSERT INTO annotation (id, article_id, annotator_id, label, start, end, attributes, note, status, codebook_version, missing, created_at, updated_at, origin)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    this.insertFragment = db.prepare('INSERT INTO fragment (article_id, annotation_id, idx, start, end, quote, prefix, suffix) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    this.insertLink = db.prepare('INSERT INTO relation (from_id, idx, type, to_id) VALUES (?, ?, ?, ?)')
    this.insertMention = db.prepare('INSERT OR IGNORE INTO mention (annotation_id, attribute, actor_id) SELECT ?, ?, id FROM actor WHERE id = ?')
    this.deleteLayerStmt = db.prepare('DELETE FROM annotation WHERE article_id = ? AND annotator_id = ?')
    // 'import': a tag imported before origins were recorded, from a file nobody knows any more
    this.deleteImportedStmt = db.prepare(`
      DELETE FROM annotation WHERE article_id = @articleId AND annotator_id = @annotatorId AND origin IN (@origin, 'import')
        AND id NOT IN (SELECT entity_id FROM change_log WHERE article_id = @articleId AND entity = 'annotation')`)
    this.outcomesStmt = db.prepare<[number, string], { id: string; status: AnnotationStatus; label: string; start: number; end: number; attributes: string }>(
      "SELECT id, status, label, start, end, attributes FROM annotation WHERE article_id = ? AND annotator_id = ? AND status IN ('accepted', 'rejected')"
    )
    this.touchedStmt = db.prepare<[number], string>("SELECT DISTINCT entity_id FROM change_log WHERE article_id = ? AND entity = 'annotation'").pluck()
    this.deleteTagStmt = db.prepare('DELETE FROM annotation WHERE id = ? AND article_id = ?')
  }

  /**
   * Takes the per-tag count triggers away until finish(): even when they do nothing, firing them cost more than
   * the insert itself. Dropping them is part of the import's transaction, so a rollback or crash brings them back.
   */
  begin(): void {
    this.triggers = this.db.prepare<[], string>(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'annotation' AND name LIKE 'annotation_count_%'`).pluck().all()
    this.db.exec("DROP TRIGGER IF EXISTS annotation_count_insert; DROP TRIGGER IF EXISTS annotation_count_delete")
  }

  /** Recounts the articles this writer touched and puts the count triggers back. */
  finish(): void {
    for (const id of this.touched) this.recount.run({ id })
    this.touched.clear()
    for (const sql of this.triggers) this.db.exec(sql)
    this.triggers = []
  }

  /** Removes one coder's tags on an article (a re-imported layer replaces the old one); returns how many. */
  deleteLayer(articleId: number, annotatorId: string): number {
    this.touched.add(articleId)
    return this.deleteLayerStmt.run(articleId, annotatorId).changes
  }

  /**
   * Removes what an earlier import of this file left in one coder's layer of the article (a re-import replaces it),
   * sparing tags made in the workbench, other files' tags and imported tags someone has since edited; returns how many.
   */
  deleteImported(articleId: number, annotatorId: string, origin: string): number {
    this.touched.add(articleId)
    return this.deleteImportedStmt.run({ articleId, annotatorId, origin }).changes
  }

  /** A reviewer's verdicts (accepted, rejected) on one coder's tags in the article, with what each verdict was about. */
  reviewOutcomes(articleId: number, annotatorId: string): Map<string, { status: AnnotationStatus; label: string; start: number; end: number; attributes: string }> {
    return new Map(this.outcomesStmt.all(articleId, annotatorId).map((r) => [r.id, r]))
  }

  /** Ids of the article's tags that an action in the workbench created, edited or deleted. */
  touchedInWorkbench(articleId: number): Set<string> {
    return new Set(this.touchedStmt.all(articleId))
  }

  /** Removes a tag of this article by id (a re-imported native tag replaces itself); a tag of another article is never touched. */
  deleteTag(id: string, articleId: number): number {
    this.touched.add(articleId)
    return this.deleteTagStmt.run(id, articleId).changes
  }

  write(t: BulkTag): void {
    let start = Infinity
    let end = 0
    for (const f of t.fragments) {
      if (f.start < start) start = f.start
      if (f.end > end) end = f.end
    }
    this.touched.add(t.articleId)
    this.insertTag.run(t.id, t.articleId, t.annotatorId, t.label, start, end, JSON.stringify(t.attributes), t.note, t.status, t.codebookVersion, JSON.stringify(t.missing), t.createdAt, t.updatedAt, t.origin ?? null)
    for (let i = 0; i < t.fragments.length; i++) {
      const f = t.fragments[i]!
      this.insertFragment.run(t.articleId, t.id, i, f.start, f.end, f.quote, f.prefix, f.suffix)
    }
    for (const m of t.mentions) this.insertMention.run(t.id, m.attribute, m.actorId)
  }

  /** Links go in after every tag of the article exists. */
  link(from: string, links: { type: string; to: string }[]): void {
    links.forEach((l, i) => this.insertLink.run(from, i, l.type, l.to))
  }
}
