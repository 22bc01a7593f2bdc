import type { ExportFilter } from '../../shared/exchange/export-options'
import type { Adjudication, TagComment } from '../../shared/review/adjudication'
import { groupBy } from '../store/group-by'
import type { Store } from '../store/store'
import type { DoneMark } from './export-dataset'
import { filterSql } from './filter-sql'

/** One batch's review records, by article id (decisions, done marks) and by tag id (comments). */
export interface ReviewRecords {
  decisions: Map<number, Adjudication[]>
  comments: Map<string, TagComment[]>
  doneMarks: Map<number, DoneMark[]>
}

/**
 * Reads the review records that go with a batch of exported articles, three queries per batch. The rule: an
 * exported article brings all its decisions; an exported tag brings its whole comment thread; a done mark goes
 * with its coder (a coder filter keeps the marks of the coders it names, as it keeps their tags).
 */
export class ReviewRecordsReader {
  private readonly doneStmt
  private readonly params: Record<string, string>

  constructor(
    private readonly store: Store,
    filter: ExportFilter
  ) {
    const coders = filterSql({ annotators: filter.annotators }, 'p', 'u')
    this.params = coders.params
    this.doneStmt = store.db.prepare<Record<string, string>, { article_id: number; annotator_id: string; name: string; done_at: string }>(`
      SELECT p.article_id, p.annotator_id, u.name, p.done_at FROM coder_progress p JOIN annotator u ON u.id = p.annotator_id
      WHERE p.article_id IN (SELECT value FROM json_each(@ids))${coders.tags} ORDER BY p.article_id, p.annotator_id`)
  }

  read(articleIds: readonly number[], tagIds: readonly string[]): ReviewRecords {
    const done = this.doneStmt.all({ ...this.params, ids: JSON.stringify(articleIds) })
    return {
      decisions: groupBy(this.store.review.decisionsIn(articleIds), (d) => d.articleId),
      comments: groupBy(this.store.review.commentsOn(tagIds), (c) => c.annotationId),
      doneMarks: new Map([...groupBy(done, (r) => r.article_id)].map(([id, rows]) => [id, rows.map((r) => ({ annotatorId: r.annotator_id, annotatorName: r.name, doneAt: r.done_at }))]))
    }
  }
}
