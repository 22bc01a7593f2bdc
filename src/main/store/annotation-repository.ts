import type { Codebook } from '../../shared/codebook/codebook-schema'
import { missingAttributes } from '../../shared/codebook/validate-attributes'
import type { Annotation, AnnotationStatus, Fragment, Link, TextSpan } from '../../shared/domain'
import { groupBy } from './group-by'
import type { Db } from './open-project-db'
import type { DbAnnotationRow } from './rows'

/** An annotation as the change log stores it: everything needed to restore it exactly (links included). */
export type AnnotationSnapshot = Omit<Annotation, 'annotatorName' | 'missing'> & { codebookVersion: number | null }

const SELECT = `
  SELECT n.id, n.article_id, n.annotator_id, u.name AS annotator_name, n.label, n.attributes, n.note, n.status,
         n.codebook_version, n.missing, n.created_at, n.updated_at
  FROM annotation n JOIN annotator u ON u.id = n.annotator_id`
const FRAGMENTS = 'SELECT f.annotation_id, f.start, f.end, f.quote, f.prefix, f.suffix FROM fragment f'

const LINKS = 'SELECT r.from_id, r.type, r.to_id FROM relation r'

export type FragmentRow = { annotation_id: string } & Fragment
/** The SELECT columns in order, as better-sqlite3 returns them in raw mode. */
type RawAnnotationRow = [string, number, string, string, string, string, string, string, number | null, string, string, string]
export type LinkRow = { from_id: string; type: string; to_id: string }


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
  private readonly linksOfStmt
  private readonly linksByArticleStmt
  private readonly deleteLinksStmt
  private readonly insertLinkStmt
  private readonly deleteMentionsStmt
  private readonly insertMentionStmt
  private readonly incomingStmt
  private readonly mentioningStmt
  private readonly idsInLayerStmt

  /** `codebookOf` gives the codebook a tag was coded with, to keep its missing-attribute flags and mentions in step. */
  constructor(
    db: Db,
    private readonly codebookOf: (version: number | null) => Codebook
  ) {
    this.getStmt = db.prepare<[string], DbAnnotationRow>(`${SELECT} WHERE n.id = ?`)
    this.idsInLayerStmt = db.prepare<[number, string], { id: string }>('SELECT id FROM annotation WHERE article_id = ? AND annotator_id = ?')
    // whole-article lists read rows as arrays: a keyed object per row costs better-sqlite3 more than the query itself
    // whole-article lists take a range of start offsets, answered from the (article_id, start, end) index
    this.byArticleStmt = db.prepare<[number, number, number], RawAnnotationRow>(`${SELECT} WHERE n.article_id = ? AND n.start >= ? AND n.start < ? ORDER BY n.start, n.end DESC, n.created_at`).raw()
    // fragments are keyed by article first: naming the tag's article keeps every lookup on that key
    this.fragmentsOfStmt = db.prepare<[string], FragmentRow>(`${FRAGMENTS} JOIN annotation n ON n.article_id = f.article_id AND n.id = f.annotation_id WHERE n.id = ? ORDER BY f.idx`)
    this.fragmentsByArticleStmt = db
      .prepare<[number, number, number], [string, number, number, string, string, string]>(
        `${FRAGMENTS} JOIN annotation n ON n.article_id = f.article_id AND n.id = f.annotation_id WHERE f.article_id = ? AND n.start >= ? AND n.start < ? ORDER BY f.annotation_id, f.idx`
      )
      .raw()
    this.upsertStmt = db.prepare(`
      INSERT INTO annotation (id, article_id, annotator_id, label, start, end, attributes, note, status, codebook_version, missing, created_at, updated_at)
      VALUES (@id, @articleId, @annotatorId, @label, @start, @end, @attributes, @note, @status, @codebookVersion, @missing, @createdAt, @updatedAt)
      ON CONFLICT (id) DO UPDATE SET label = excluded.label, start = excluded.start, end = excluded.end, attributes = excluded.attributes,
        note = excluded.note, status = excluded.status, codebook_version = excluded.codebook_version, missing = excluded.missing, updated_at = excluded.updated_at`)
    this.deleteFragmentsStmt = db.prepare('DELETE FROM fragment WHERE article_id = ? AND annotation_id = ?')
    this.insertFragmentStmt = db.prepare(
      'INSERT INTO fragment (article_id, annotation_id, idx, start, end, quote, prefix, suffix) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
    )
    this.deleteStmt = db.prepare('DELETE FROM annotation WHERE id = ?')
    this.linksOfStmt = db.prepare<[string], LinkRow>(`${LINKS} WHERE r.from_id = ? ORDER BY r.idx`)
    this.linksByArticleStmt = db
      .prepare<[number, number, number], [string, string, string]>(
        `${LINKS} JOIN annotation n ON n.id = r.from_id WHERE n.article_id = ? AND n.start >= ? AND n.start < ? ORDER BY r.from_id, r.idx`
      )
      .raw()
    this.deleteLinksStmt = db.prepare('DELETE FROM relation WHERE from_id = ?')
    // a link whose target is gone (undo after another coder deleted it) is left out rather than failing the undo
    this.insertLinkStmt = db.prepare('INSERT INTO relation (from_id, idx, type, to_id) SELECT @from, @idx, @type, @to WHERE EXISTS (SELECT 1 FROM annotation WHERE id = @to)')
    this.deleteMentionsStmt = db.prepare('DELETE FROM mention WHERE annotation_id = ?')
    this.insertMentionStmt = db.prepare('INSERT OR IGNORE INTO mention (annotation_id, attribute, actor_id) SELECT @tag, @key, @actor WHERE EXISTS (SELECT 1 FROM actor WHERE id = @actor)')
    this.mentioningStmt = db.prepare<[number, string], { id: string }>("SELECT id FROM annotation WHERE article_id = ? AND instr(attributes, ?) > 0")
    this.incomingStmt = db.prepare<[string], { from_id: string }>('SELECT DISTINCT from_id FROM relation WHERE to_id = ?')
  }

  get(id: string): Annotation | null {
    const row = this.getStmt.get(id)
    return row ? toAnnotation(row, this.fragmentsOfStmt.all(id), this.linksOfStmt.all(id)) : null
  }

  /** The stored state of a tag, including what the DTO leaves out, for the change log. */
  snapshot(id: string): AnnotationSnapshot | null {
    const row = this.getStmt.get(id)
    if (!row) return null
    const { annotatorName: _name, missing: _missing, ...rest } = toAnnotation(row, this.fragmentsOfStmt.all(id), this.linksOfStmt.all(id))
    return { ...rest, codebookVersion: row.codebook_version }
  }

  /** Every tag of an article in text order, or those starting in part of it; three flat queries, so 2,000 tags cost milliseconds. */
  listByArticle(articleId: number, startsIn: TextSpan = {}): Annotation[] {
    const range = [articleId, startsIn.from ?? 0, startsIn.before ?? Number.MAX_SAFE_INTEGER] as const
    const fragments = groupBy(this.fragmentsByArticleStmt.all(...range), (f) => f[0])
    const links = groupBy(this.linksByArticleStmt.all(...range), (l) => l[0])
    return this.byArticleStmt.all(...range).map(([id, articleId, annotatorId, annotatorName, label, attributes, note, status, , missing, createdAt, updatedAt]) => ({
      id,
      articleId,
      annotatorId,
      annotatorName,
      label,
      fragments: (fragments.get(id) ?? []).map(([, start, end, quote, prefix, suffix]) => ({ start, end, quote, prefix, suffix })),
      attributes: attributes === '{}' ? {} : (JSON.parse(attributes) as Record<string, unknown>),
      note,
      status: status as AnnotationStatus,
      links: (links.get(id) ?? []).map(([, type, to]) => ({ type, to })),
      missing: missing === '[]' ? [] : (JSON.parse(missing) as string[]),
      createdAt,
      updatedAt
    }))
  }

  /** Tags of an article whose attributes mention this id (candidates for tag references; the caller checks the keys). */
  mentioning(articleId: number, id: string): Annotation[] {
    return this.mentioningStmt
      .all(articleId, id)
      .map((r) => this.get(r.id))
      .filter((a): a is Annotation => a !== null)
  }

  /** Ids of the tags that link to this one. */
  /** Ids of one layer's tags in the article. */
  idsInLayer(articleId: number, annotatorId: string): string[] {
    return this.idsInLayerStmt.all(articleId, annotatorId).map((r) => r.id)
  }

  linkedFrom(id: string): string[] {
    return this.incomingStmt.all(id).map((r) => r.from_id)
  }

  /** Writes a snapshot (insert or replace, fragments, links and mentions included); call inside a transaction. */
  write(s: AnnotationSnapshot): void {
    const codebook = this.codebookOf(s.codebookVersion)
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
      missing: JSON.stringify(missingAttributes(codebook, s.label, s.attributes)),
      createdAt: s.createdAt,
      updatedAt: s.updatedAt
    })
    this.deleteFragmentsStmt.run(s.articleId, s.id)
    s.fragments.forEach((f, i) => this.insertFragmentStmt.run(s.articleId, s.id, i, f.start, f.end, f.quote, f.prefix, f.suffix))
    this.deleteLinksStmt.run(s.id)
    ;(s.links ?? []).forEach((l, i) => this.insertLinkStmt.run({ from: s.id, idx: i, type: l.type, to: l.to }))
    this.deleteMentionsStmt.run(s.id)
    for (const def of codebook.labels.find((l) => l.name === s.label)?.attributes ?? []) {
      if (def.type !== 'actor') continue
      const v = s.attributes[def.key]
      for (const actorId of Array.isArray(v) ? v : [v]) if (typeof actorId === 'string') this.insertMentionStmt.run({ tag: s.id, key: def.key, actor: actorId })
    }
  }

  delete(id: string): boolean {
    return this.deleteStmt.run(id).changes === 1
  }
}

/** A tag from its row, its fragments in order and its outgoing links in order. */
export function toAnnotation(row: DbAnnotationRow, fragmentRows: FragmentRow[], linkRows: LinkRow[]): Annotation {
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
    links: linkRows.map((l): Link => ({ type: l.type, to: l.to_id })),
    missing: JSON.parse(row.missing) as string[],
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}
