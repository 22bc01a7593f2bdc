import { AppError } from '../../shared/errors'
import type { ExportFilter } from '../../shared/exchange/export-options'
import type { Store } from '../store/store'
import { requireArticles } from './require-articles'
import { buildFtsQuery } from '../store/fts-query'
import { filterSql } from './filter-sql'
import { quoted } from '../../shared/text/quoted'

/**
 * Refuses a filter that names a label, coder, article, source or language the project does not have, or words no article holds: a typo ("actor", "Sam")
 * would otherwise export an empty dataset without a word. The message lists what the project has.
 */
export function checkExportFilter(store: Store, filter: ExportFilter): void {
  const db = store.db
  if (filter.labels?.length) {
    const known = new Set([...store.codebooks.get().labels.map((l) => l.name), ...(db.prepare('SELECT DISTINCT label FROM annotation').pluck().all() as string[])])
    const unknown = filter.labels.filter((l) => !known.has(l))
    if (unknown.length) throw new AppError('VALIDATION', `No label is called ${unknown.map((l) => quoted(l)).join(', ')} (names are case-sensitive). This project's labels: ${[...known].join(', ')}.`)
  }
  if (filter.annotators?.length) {
    const coders = db.prepare('SELECT id, name FROM annotator ORDER BY name').all() as { id: string; name: string }[]
    const unknown = filter.annotators.filter((a) => !coders.some((c) => c.id === a || c.name === a))
    if (unknown.length) throw new AppError('VALIDATION', `No coder is called ${unknown.map((a) => quoted(a)).join(', ')} (give the full name or id, as listed). This project's coders: ${coders.map((c) => c.name).join(', ')}.`)
  }
  if (filter.articleIds?.length) requireArticles(store, filter.articleIds)
  // checked one value at a time, as the corpus's facet lists stop at their first thousand values
  const unknownIn = (column: 'source' | 'language', wanted: string[] | undefined) => {
    const has = db.prepare(`SELECT 1 FROM article WHERE ${column} = ? LIMIT 1`).pluck()
    return (wanted ?? []).filter((w) => has.get(w) === undefined)
  }
  const known = (column: 'source' | 'language') => {
    const values = (db.prepare(`SELECT DISTINCT ${column} FROM article WHERE ${column} != '' ORDER BY ${column} LIMIT 21`).pluck().all() as string[])
    return values.length === 0 ? 'none' : values.length > 20 ? `${values.slice(0, 20).join(', ')}, …` : values.join(', ')
  }
  const sources = unknownIn('source', filter.sources)
  if (sources.length) throw new AppError('VALIDATION', `No article has the source ${sources.map((s) => quoted(s)).join(', ')}. This project's sources: ${known('source')}.`)
  const languages = unknownIn('language', filter.languages)
  if (languages.length) throw new AppError('VALIDATION', `No article is in the language ${languages.map((s) => quoted(s)).join(', ')}. This project's languages: ${known('language')}.`)
  if (filter.text) {
    const match = buildFtsQuery(filter.text, false)
    if (!match) throw new AppError('VALIDATION', `${quoted(filter.text)} has no word to look for; give words from the articles' titles or texts.`)
    const hits = db.prepare('SELECT count(*) FROM article_fts WHERE article_fts MATCH ?').pluck().get(match) as number
    // the terms as FTS reads them: each quoted word or phrase, named as the user typed it
    const terms = [...match.matchAll(/"([^"]*)"/g)].map((m) => quoted(m[1]!))
    if (hits === 0) throw new AppError('VALIDATION', `No article's title or text holds ${terms.join(' and ')}; check the spelling, or leave the words out to export every article.`)
  }
  const chosen = filterSql({ articleIds: filter.articleIds, articleStatuses: filter.articleStatuses, sources: filter.sources, languages: filter.languages, text: filter.text })
  if (chosen.articles && (db.prepare(`SELECT count(*) FROM article a WHERE 1${chosen.articles}`).pluck().get(chosen.params) as number) === 0)
    throw new AppError('VALIDATION', `No article matches the article choices (${describeChoices(filter)}) all together, so the export would be empty; change or drop one of them.`)
}

/** The article choices of a filter, in words, for a refusal. */
function describeChoices(filter: ExportFilter): string {
  return [
    filter.text && `words ${quoted(filter.text)}`,
    filter.sources?.length && `source ${filter.sources.map((s) => quoted(s)).join(' or ')}`,
    filter.languages?.length && `language ${filter.languages.join(' or ')}`,
    filter.articleStatuses?.length && `status ${filter.articleStatuses.join(' or ')}`,
    filter.articleIds?.length && `${filter.articleIds.length === 1 ? 'article' : 'articles'} ${filter.articleIds.join(', ')}`
  ]
    .filter(Boolean)
    .join('; ')
}
