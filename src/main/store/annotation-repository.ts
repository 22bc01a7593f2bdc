import type { Annotation, AnnotationStatus } from '../../shared/domain'
import type { Db } from './open-project-db'
import type { DbAnnotationRow } from './rows'

/** An annotation as the change log stores it: everything needed to restore it exactly. */
export type AnnotationSnapshot = Omit<Annotation, 'annotatorName'> & { codebookVersion: number | null }

const SELECT = `
  SELECT n.id, n.article_id, n.annotator_id, u.name AS annotator_name, n.label, n.attributes, n.note, n.status,
         n.codebook_version, n.created_at, n.updated_at,
         (SELECT json_group_array(json_array(f.start, f.end, f.quote, f.prefix, f.suffix))
            FROM (SELECT * FROM fragment f WHERE f.annotation_id = n.id ORDER BY f.idx) f) AS fragments
  FROM annotation n JOIN annotator u ON u.id = n.annotator_id`

/** SQL for annotations and their fragments. */
export class AnnotationRepository {
  private readonly getStmt
  private readonly byArticleStmt
  private readonly upsertStmt
  private readonly deleteFragmentsStmt
  private readonly insertFragmentStmt
  private readonly deleteStmt

  constructor(db: Db) {
    this.getStmt = db.prepare<[string], DbAnnotationRow>(`${SELECT} WHERE n.id = ?`)
    this.byArticleStmt = db.prepare<[number], DbAnnotationRow>(`${SELECT} WHERE n.article_id = ? ORDER BY n.start, n.end DESC, n.created_at`)
    this.upsertStmt = db.prepare(`
      INSERT INTO annotation (id, article_id, annotator_id, label, start, end, attributes, note, status, codebook_version, created_at, updated_at)
      VALUES (@id, @articleId, @annotatorId, @label, @start, @end, @attributes, @note, @status, @codebookVersion, @createdAt, @updatedAt)
      ON CONFLICT (id) DO UPDATE SET label = excluded.label, start = excluded.start, end = excluded.end, attributes = excluded.attributes,
        note = excluded.note, status = excluded.status, codebook_version = excluded.codebook_version, updated_at = excluded.updated_at`)
    this.deleteFragmentsStmt = db.prepare('DELETE FROM fragment WHERE annotation_id = ?')
    this.insertFragmentStmt = db.prepare(
      'INSERT INTO fragment (annotation_id, idx, start, end, quote, prefix, suffix) VALUES (?, ?, ?, ?, ?, ?, ?)'
    )
    this.deleteStmt = db.prepare('DELETE FROM annotation WHERE id = ?')
  }

  get(id: string): Annotation | null {
    const row = this.getStmt.get(id)
    return row ? toAnnotation(row) : null
  }

  /** The stored state of a tag, including what the DTO leaves out, for the change log. */
  snapshot(id: string): AnnotationSnapshot | null {
    const row = this.getStmt.get(id)
    if (!row) return null
    const { annotatorName: _name, ...rest } = toAnnotation(row)
    return { ...rest, codebookVersion: row.codebook_version }
  }

  listByArticle(articleId: number): Annotation[] {
    return this.byArticleStmt.all(articleId).map(toAnnotation)
  }

  /** Writes a snapshot (insert or replace, fragments included); call inside a transaction. */
  write(s: AnnotationSnapshot): void {
    this.upsertStmt.run({
      id: s.id,
      articleId: s.articleId,
      annotatorId: s.annotatorId,
      label: s.label,
      start: Math.min(...s.fragments.map((f) => f.start)),
      end: Math.max(...s.fragments.map((f) => f.end)),
      attributes: JSON.stringify(s.attributes),
      note: s.note,
      status: s.status,
      codebookVersion: s.codebookVersion,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt
    })
    this.deleteFragmentsStmt.run(s.id)
    s.fragments.forEach((f, i) => this.insertFragmentStmt.run(s.id, i, f.start, f.end, f.quote, f.prefix, f.suffix))
  }

  delete(id: string): boolean {
    return this.deleteStmt.run(id).changes === 1
  }
}

function toAnnotation(row: DbAnnotationRow): Annotation {
  const fragments = (JSON.parse(row.fragments) as [number, number, string, string, string][]).map(([start, end, quote, prefix, suffix]) => ({
    start,
    end,
    quote,
    prefix,
    suffix
  }))
  return {
    id: row.id,
    articleId: row.article_id,
    annotatorId: row.annotator_id,
    annotatorName: row.annotator_name,
    label: row.label,
    fragments,
    attributes: JSON.parse(row.attributes) as Record<string, unknown>,
    note: row.note,
    status: row.status as AnnotationStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}
