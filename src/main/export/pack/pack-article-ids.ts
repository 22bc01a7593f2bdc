import { AppError } from '../../../shared/errors'
import type { ExportFilter } from '../../../shared/exchange/export-options'
import type { Store } from '../../store/store'
import { filterSql } from '../filter-sql'

/**
 * The articles a pack covers, in id order: the chosen ones, else every article `annotatorId` coded (a tag
 * of theirs, or marked done by them, so an article they left empty on purpose empties their layer too).
 */
export function packArticleIds(store: Store, annotatorId: string, filter: ExportFilter): number[] {
  const statuses = filterSql({ articleStatuses: filter.articleStatuses })
  if (filter.articleIds?.length) {
    const exists = store.db.prepare('SELECT 1 FROM article WHERE id = ?').pluck()
    const unknown = filter.articleIds.filter((id) => !exists.get(id))
    if (unknown.length > 0) {
      throw new AppError('NOT_FOUND', `Article${unknown.length === 1 ? '' : 's'} ${unknown.slice(0, 10).join(', ')} ${unknown.length === 1 ? 'does' : 'do'} not exist in this project; choose articles from the corpus list.`)
    }
    return store.db
      .prepare(`SELECT a.id FROM article a WHERE a.id IN (SELECT value FROM json_each(@chosen))${statuses.articles} ORDER BY a.id`)
      .pluck()
      .all({ ...statuses.params, chosen: JSON.stringify(filter.articleIds) }) as number[]
  }
  return store.db
    .prepare(
      `SELECT a.id FROM article a
       WHERE (EXISTS (SELECT 1 FROM annotation n WHERE n.article_id = a.id AND n.annotator_id = @me)
          OR EXISTS (SELECT 1 FROM coder_progress p WHERE p.article_id = a.id AND p.annotator_id = @me))${statuses.articles}
       ORDER BY a.id`
    )
    .pluck()
    .all({ ...statuses.params, me: annotatorId }) as number[]
}
