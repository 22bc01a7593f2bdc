import type { ExportFilter } from '../../shared/exchange/export-options'
import { buildFtsQuery } from '../store/fts-query'

/**
 * SQL conditions and parameters for a filter; lists travel as JSON so any length is one parameter. The tag
 * conditions name the tag `tag` and its coder `coder` (the annotation and annotator rows).
 */
export function filterSql(filter: ExportFilter, tag = 'n', coder = 'u'): { articles: string; tags: string; params: Record<string, string> } {
  const params: Record<string, string> = {}
  const articles: string[] = []
  const tags: string[] = []
  const list = (name: string, values: readonly (string | number)[] | undefined, cond: (p: string) => string, into: string[]) => {
    if (!values || values.length === 0) return
    params[name] = JSON.stringify(values)
    into.push(cond(`(SELECT value FROM json_each(@${name}))`))
  }
  list('articleIds', filter.articleIds, (p) => `a.id IN ${p}`, articles)
  list('articleStatuses', filter.articleStatuses, (p) => `a.status IN ${p}`, articles)
  list('sources', filter.sources, (p) => `a.source IN ${p}`, articles)
  list('languages', filter.languages, (p) => `a.language IN ${p}`, articles)
  const match = filter.text ? buildFtsQuery(filter.text, false) : null
  if (match) {
    params.text = match
    articles.push('a.id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH @text)')
  }
  list('labels', filter.labels, (p) => `${tag}.label IN ${p}`, tags)
  list('annotators', filter.annotators, (p) => `(${tag}.annotator_id IN ${p} OR ${coder}.name IN ${p})`, tags)
  list('statuses', filter.statuses, (p) => `${tag}.status IN ${p}`, tags)
  return { articles: articles.map((c) => ` AND ${c}`).join(''), tags: tags.map((c) => ` AND ${c}`).join(''), params }
}
