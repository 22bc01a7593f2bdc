import { AppError } from '../../shared/errors'
import type { ExportFilter } from '../../shared/exchange/export-options'
import type { Store } from '../store/store'
import { requireArticles } from './require-articles'

/**
 * Refuses a filter that names a label, coder or article the project does not have: a typo ("actor", "Sam")
 * would otherwise export an empty dataset without a word. The message lists what the project has.
 */
export function checkExportFilter(store: Store, filter: ExportFilter): void {
  const db = store.db
  if (filter.labels?.length) {
    const known = new Set([...store.codebooks.get().labels.map((l) => l.name), ...(db.prepare('SELECT DISTINCT label FROM annotation').pluck().all() as string[])])
    const unknown = filter.labels.filter((l) => !known.has(l))
    if (unknown.length) throw new AppError('VALIDATION', `No label is called ${unknown.map((l) => `“${l}”`).join(', ')} (names are case-sensitive). This project's labels: ${[...known].join(', ')}.`)
  }
  if (filter.annotators?.length) {
    const coders = db.prepare('SELECT id, name FROM annotator ORDER BY name').all() as { id: string; name: string }[]
    const unknown = filter.annotators.filter((a) => !coders.some((c) => c.id === a || c.name === a))
    if (unknown.length) throw new AppError('VALIDATION', `No coder is called ${unknown.map((a) => `“${a}”`).join(', ')} (give the full name or id, as listed). This project's coders: ${coders.map((c) => c.name).join(', ')}.`)
  }
  if (filter.articleIds?.length) requireArticles(store, filter.articleIds)
}
