import type { ExportAnnotation, ExportArticle } from '../export-dataset'
import { tagQuote } from './tag-quote'
import type { Row } from './table-spec'

/** One row per link from a tag; a link to a tag the export left out keeps its id with to_exported = false. */
export function relationRows(tag: ExportAnnotation, article: ExportArticle, byId: Map<string, ExportAnnotation>): Row[] {
  return tag.links.map((link) => {
    const to = byId.get(link.to)
    return {
      article_id: article.id,
      article_uid: article.uid,
      from_tag_id: tag.id,
      from_label: tag.label,
      from_quote: tagQuote(tag),
      type: link.type,
      to_tag_id: link.to,
      to_label: to?.label ?? null,
      to_quote: to ? tagQuote(to) : null,
      to_exported: to !== undefined
    }
  })
}
