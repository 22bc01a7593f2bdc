import { countCodePoints } from '../../../shared/offsets'
import type { ExportArticle } from '../export-dataset'
import { labelSlug } from './attribute-columns'
import type { TablesContext } from './tables-context'
import type { Row } from './table-spec'

/** The documents table's row for an article: its metadata, length in code points and exported tags per codebook label. */
export function documentRow(article: ExportArticle, tc: TablesContext): Row {
  const row: Row = {
    article_id: article.id,
    uid: article.uid,
    title: article.title,
    source: article.source,
    url: article.url,
    published: article.published,
    language: article.language,
    status: article.status,
    file_name: article.fileName,
    hash: article.hash,
    char_count: countCodePoints(article.text),
    tag_count: article.annotations.length,
    note: article.note,
    imported_at: article.importedAt,
    metadata: article.metadata
  }
  for (const label of tc.labels) row[`tags_${labelSlug(label)}`] = 0
  for (const tag of article.annotations) {
    const column = `tags_${labelSlug(tag.label)}`
    // a label no codebook version defines (e.g. from an import) counts only in tag_count
    if (typeof row[column] === 'number') row[column] += 1
  }
  return row
}
