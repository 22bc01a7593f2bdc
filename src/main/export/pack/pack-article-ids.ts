import type { ExportFilter } from '../../../shared/exchange/export-options'
import type { Store } from '../../store/store'
import { filterSql } from '../filter-sql'
import { requireArticles } from '../require-articles'

/**
 * The articles a pack covers, in id order: the chosen ones, else every article `annotatorId` coded (a tag
 * of theirs, or marked done by them, so an article they left empty on purpose empties their layer too).
 */
export function packArticleIds(store: Store, annotatorId: string, filter: ExportFilter): number[] {
  // the article conditions only: a pack always carries the whole of my layer on each article
  const statuses = filterSql({ articleStatuses: filter.articleStatuses, sources: filter.sources, languages: filter.languages, text: filter.text })
  if (filter.articleIds?.length) {
    requireArticles(store, filter.articleIds)
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
