import type { ExportAnnotation, ExportArticle } from '../export-dataset'
import { attributeCells } from './attribute-columns'
import { tagQuote } from './tag-quote'
import type { TablesContext } from './tables-context'
import type { Row } from './table-spec'

/** The annotations table's row for a tag: span (first fragment start to last fragment end), every fragment, quote, coder and attributes. */
export function annotationRow(tag: ExportAnnotation, article: ExportArticle, tc: TablesContext): Row {
  const first = tag.fragments[0]
  const last = tag.fragments[tag.fragments.length - 1]
  const row: Row = {
    tag_id: tag.id,
    article_id: article.id,
    article_uid: article.uid,
    label: tag.label,
    start: first?.start ?? null,
    end: last?.end ?? null,
    fragments: tag.fragments.map((f) => `${f.start}-${f.end}`).join(';'),
    fragment_count: tag.fragments.length,
    annotator_id: tag.annotatorId,
    annotator_name: tag.annotatorName,
    status: tag.status,
    note: tag.note,
    created_at: tag.createdAt,
    updated_at: tag.updatedAt,
    codebook_version: tag.codebookVersion,
    missing: tag.missing,
    attributes: tag.attributes,
    ...attributeCells(tag, tc.attributes, tc.ctx.actors)
  }
  if (tc.ctx.options.quotes) {
    row.quote = tagQuote(tag)
    row.prefix = first?.prefix ?? ''
    row.suffix = last?.suffix ?? ''
  }
  return row
}
