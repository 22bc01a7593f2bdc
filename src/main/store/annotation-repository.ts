import type { Annotation, AnnotationStatus, Fragment } from '../../shared/domain'
import type { Db } from './open-project-db'
import type { DbAnnotationRow } from './rows'

/** An annotation as the change log stores it: everything needed to restore it exactly. */
export type AnnotationSnapshot = Omit<Annotation, 'annotatorName'> & { codebookVersion: number | null }

const SELECT = `
  SELECT n.id, n.article_id, n.annotator_id, u.name AS annotator_name, n.label, n.attributes, n.note, n.status,
         n.codebook_version, n.created_at, n.updated_at
  FROM annotation n JOIN annotator u ON u.id = n.annotator_id`
const FRAGMENTS = 'SELECT f.annotation_id, f.start, f.end, f.quote, f.prefix, f.suffix FROM fragment f'

type FragmentRow = { annotation_id: string } & Fragment

/** SQL for annotations and their fragments. */
export class AnnotationRepository {
  private readonly getStmt
  private readonly byArticleStmt
  private readonly fragmentsOfStmt
  private readonly fragmentsByArticleStmt
  private readonly upsertStmt
  private readonly deleteFragmentsStmt
  private readonly insertFragmentStmt
  private readonly deleteStmt

  constructor(db: Db) {
    this.getStmt = db.prepare<[string], DbAnnotationRow>(`${SELECT} WHERE n.id = ?`)
    this.byArticleStmt = db.prepare<[number], DbAnnotationRow>(`${SELECT} WHERE n.article_id = ? ORDER BY n.start, n.end DESC, n.created_at`)
    this.fragmentsOfStmt = db.prepare<[string], FragmentRow>(`${FRAGMENTS} WHERE f.annotation_id = ? ORDER BY f.idx`)
    this.fragmentsByArticleStmt = db.prepare<[number], FragmentRow>(
      `${FRAGMENTS} JOIN annotation n ON n.id = f.annotation_id WHERE n.article_id = ? ORDER BY f.annotation_id, f.idx`
    )
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
    return row ? toAnnotation(row, this.fragmentsOfStmt.all(id)) : null
  }

  /** The stored state of a tag, including what the DTO leaves out, for the change log. */
  snapshot(id: string): AnnotationSnapshot | null {
    const row = this.getStmt.get(id)
    if (!row) return null
    const { annotatorName: _name, ...rest } = toAnnotation(row, this.fragmentsOfStmt.all(id))
    return { ...rest, codebookVersion: row.codebook_version }
  }

  /** Every tag of an article in text order; two flat queries, so 2,000 tags cost milliseconds. */
  listByArticle(articleId: number): Annotation[] {
    const fragments = new Map<string, FragmentRow[]>()
    for (const f of this.fragmentsByArticleStmt.all(articleId)) {
      const list = fragments.get(f.annotation_id)
      if (list) list.push(f)
      else fragments.set(f.annotation_id, [f])
    }
    return this.byArticleStmt.all(articleId).map((row) => toAnnotation(row, fragments.get(row.id) ?? []))
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

function toAnnotation(row: DbAnnotationRow, fragmentRows: FragmentRow[]): Annotation {
  const fragments = fragmentRows.map((f) => ({ start: f.start, end: f.end, quote: f.quote, prefix: f.prefix, suffix: f.suffix }))
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
