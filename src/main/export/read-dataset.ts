import { basename } from 'node:path'
import type { Codebook } from '../../shared/codebook/codebook-schema'
import type { ArticleStatus } from '../../shared/domain'
import type { ExportFilter, ExportOptions } from '../../shared/exchange/export-options'
import { toAnnotation, type FragmentRow, type LinkRow } from '../store/annotation-repository'
import { groupBy } from '../store/group-by'
import type { DbAnnotationRow, DbArticleRow } from '../store/rows'
import type { Store } from '../store/store'
import type { ExportAnnotation, ExportArticle, ExportContext } from './export-dataset'
import { filterSql } from './filter-sql'
import type { FormatWriter } from './format-writer'
import { ReviewRecordsReader } from './review-records-reader'

/** Articles per read: big enough to amortise the queries, small enough to keep memory flat. */
export const ARTICLE_BATCH = 200

/** Everything an export needs besides the articles, read once at the start. */
export function readContext(store: Store, options: ExportOptions): ExportContext {
  const codebookVersion = store.codebooks.currentVersion()
  const codebooks = new Map<number, Codebook>()
  const { tags, params } = filterSql(options.filter)
  const versions = store.db
    .prepare(`SELECT DISTINCT coalesce(n.codebook_version, 1) FROM annotation n JOIN annotator u ON u.id = n.annotator_id WHERE 1${tags}`)
    .pluck()
    .all(params) as number[]
  for (const v of [...versions, codebookVersion]) codebooks.set(v, store.codebooks.get(v))
  const actors = new Map(store.actors.all().map((a) => [a.id, a]))
  const annotators = store.db.prepare('SELECT id, name FROM annotator ORDER BY name, id').all() as { id: string; name: string }[]
  const projectName = basename(store.path).replace(/\.[^.]+$/, '')
  return { projectName, exportedAt: new Date().toISOString(), codebook: codebooks.get(codebookVersion)!, codebookVersion, codebooks, actors, annotators, options }
}

/** Counts what the filter selects, for progress: articles and tags. */
export function countDataset(store: Store, filter: ExportFilter): { articles: number; annotations: number } {
  const f = filterSql(filter)
  const articles = store.db.prepare(`SELECT count(*) FROM article a WHERE 1${f.articles}`).pluck().get(f.params) as number
  const annotations = store.db
    .prepare(`SELECT count(*) FROM annotation n JOIN annotator u ON u.id = n.annotator_id JOIN article a ON a.id = n.article_id WHERE 1${f.articles}${f.tags}`)
    .pluck()
    .get(f.params) as number
  return { articles, annotations }
}

/**
 * The filtered articles in id order with their filtered tags in text order, ARTICLE_BATCH articles per
 * read. Links to tags the filter leaves out are dropped and counted in `droppedLinks`.
 */
export class DatasetReader {
  droppedLinks = 0
  private readonly articleStmt
  private readonly tagStmt
  private readonly fragmentStmt
  private readonly linkStmt
  private readonly params: Record<string, string>
  private readonly review: ReviewRecordsReader | null

  /** `reads`: the review records the writer needs besides the tags (FormatWriter.readsAdjudications, readsReview). */
  constructor(
    private readonly store: Store,
    filter: ExportFilter,
    private readonly reads: Pick<FormatWriter, 'readsAdjudications' | 'readsReview'> = {}
  ) {
    const f = filterSql(filter)
    this.params = f.params
    this.review = reads.readsReview ? new ReviewRecordsReader(store, filter) : null
    this.articleStmt = store.db.prepare(`
      SELECT a.id, a.uid, a.title, a.text, a.hash, a.source, a.url, a.published, a.language, a.file_name, a.metadata, a.status, a.note, a.imported_at, a.char_count, a.tag_count
      FROM article a WHERE a.id > @after${f.articles} ORDER BY a.id LIMIT ${ARTICLE_BATCH}`)
    const tagWhere = `n.article_id BETWEEN @lo AND @hi AND n.article_id IN (SELECT value FROM json_each(@ids))${f.tags}`
    this.tagStmt = store.db.prepare(`
      SELECT n.id, n.article_id, n.annotator_id, u.name AS annotator_name, n.label, n.attributes, n.note, n.status, n.codebook_version, n.missing, n.created_at, n.updated_at
      FROM annotation n JOIN annotator u ON u.id = n.annotator_id
      WHERE ${tagWhere} ORDER BY n.article_id, n.start, n.end DESC, n.created_at, n.id`)
    this.fragmentStmt = store.db.prepare(`
      SELECT f.annotation_id, f.start, f.end, f.quote, f.prefix, f.suffix
      FROM fragment f JOIN annotation n ON n.article_id = f.article_id AND n.id = f.annotation_id JOIN annotator u ON u.id = n.annotator_id
      WHERE ${tagWhere} ORDER BY f.annotation_id, f.idx`)
    this.linkStmt = store.db.prepare(`
      SELECT r.from_id, r.type, r.to_id
      FROM relation r JOIN annotation n ON n.id = r.from_id JOIN annotator u ON u.id = n.annotator_id
      WHERE ${tagWhere} ORDER BY r.from_id, r.idx`)
  }

  /** Yields batches of articles; each batch is independent of the next, so memory stays flat. */
  *batches(): Generator<ExportArticle[]> {
    let after = 0
    for (;;) {
      const rows = this.articleStmt.all({ ...this.params, after }) as DbArticleRow[]
      if (rows.length === 0) return
      after = rows[rows.length - 1]!.id
      yield this.withTags(rows)
      if (rows.length < ARTICLE_BATCH) return
    }
  }

  private withTags(rows: DbArticleRow[]): ExportArticle[] {
    const ids = rows.map((r) => r.id)
    const range = { ...this.params, lo: rows[0]!.id, hi: rows[rows.length - 1]!.id, ids: JSON.stringify(ids) }
    const fragments = groupBy(this.fragmentStmt.all(range) as FragmentRow[], (f) => f.annotation_id)
    const links = groupBy(this.linkStmt.all(range) as LinkRow[], (l) => l.from_id)
    const tagRows = this.tagStmt.all(range) as DbAnnotationRow[]
    const tags = groupBy(tagRows, (t) => t.article_id)
    const review = this.review?.read(ids, tagRows.map((t) => t.id))
    const decisions = review?.decisions ?? (this.reads.readsAdjudications ? groupBy(this.store.review.decisionsIn(ids), (d) => d.articleId) : null)
    return rows.map((r) => {
      const list = tags.get(r.id) ?? []
      const kept = new Set(list.map((t) => t.id))
      const annotations = list.map((t): ExportAnnotation => {
        const out = links.get(t.id) ?? []
        const inside = out.filter((l) => kept.has(l.to_id))
        this.droppedLinks += out.length - inside.length
        const tag: ExportAnnotation = { ...toAnnotation(t, fragments.get(t.id) ?? [], inside), codebookVersion: t.codebook_version }
        if (review) tag.comments = review.comments.get(t.id) ?? []
        return tag
      })
      return {
        id: r.id,
        uid: r.uid,
        title: r.title,
        text: r.text,
        hash: r.hash,
        source: r.source,
        url: r.url,
        published: r.published,
        language: r.language,
        fileName: r.file_name,
        metadata: JSON.parse(r.metadata) as Record<string, unknown>,
        status: r.status as ArticleStatus,
        note: r.note,
        importedAt: r.imported_at,
        annotations,
        ...(decisions ? { adjudications: decisions.get(r.id) ?? [] } : {}),
        ...(review ? { doneMarks: review.doneMarks.get(r.id) ?? [] } : {})
      }
    })
  }
}
