import type { ExportAnnotation, ExportArticle } from '../export-dataset'
import { adjudicationRows } from './adjudication-rows'
import { annotationRow } from './annotation-row'
import { claimRow } from './claim-row'
import { documentRow } from './document-row'
import { eventRows } from './event-rows'
import { relationRows } from './relation-rows'
import type { TablesContext } from './tables-context'
import { ARTICLE_TABLES, CLAIM_LABEL, EVENT_LABEL } from './tables-layout'
import type { Row } from './table-spec'

export type ArticleTableRows = Record<(typeof ARTICLE_TABLES)[number], Row[]>

/** Every per-article table's rows for one article, and how many of its links point to tags the export left out. */
export function articleRows(article: ExportArticle, tc: TablesContext): { rows: ArticleTableRows; linksToUnexported: number } {
  const byId = new Map<string, ExportAnnotation>(article.annotations.map((t) => [t.id, t]))
  const rows: ArticleTableRows = { documents: [documentRow(article, tc)], annotations: [], events: [], event_actors: [], claims: [], relations: [], adjudications: adjudicationRows(article) }
  let linksToUnexported = 0
  for (const tag of article.annotations) {
    rows.annotations.push(annotationRow(tag, article, tc))
    if (tag.label === EVENT_LABEL) {
      const { event, actors } = eventRows(tag, article, tc, byId)
      rows.events.push(event)
      rows.event_actors.push(...actors)
    }
    if (tag.label === CLAIM_LABEL) rows.claims.push(claimRow(tag, article, tc, byId))
    rows.relations.push(...relationRows(tag, article, byId))
    linksToUnexported += tag.links.filter((l) => !byId.has(l.to)).length
  }
  return { rows, linksToUnexported }
}
