import { AppError } from '../../shared/errors'
import type { Store } from '../store/store'

/** Refuses article ids the project does not have, naming them (a typo would otherwise export nothing for them). */
export function requireArticles(store: Store, ids: readonly number[]): void {
  const exists = store.db.prepare('SELECT 1 FROM article WHERE id = ?').pluck()
  const unknown = ids.filter((id) => exists.get(id) === undefined)
  if (unknown.length > 0)
    throw new AppError('NOT_FOUND', `${unknown.length === 1 ? 'Article' : 'Articles'} ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ', …' : ''} ${unknown.length === 1 ? 'does' : 'do'} not exist in this project; choose articles from the corpus list.`)
}
