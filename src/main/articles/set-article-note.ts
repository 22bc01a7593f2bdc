import { randomUUID } from 'node:crypto'
import type { User } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import type { Store } from '../store/store'

/**
 * Writes an article's memo and its change-log row in one transaction. Not undoable (undo is for coding
 * actions; the memo editor has its own undo), but on the audit trail with before and after.
 */
export function setArticleNote(store: Store, user: User, id: number, note: string): { id: number; note: string } {
  return store.db.transaction(() => {
    const before = store.articles.note(id)
    if (before === null) throw new AppError('NOT_FOUND', `Article ${id} does not exist in this project.`)
    if (before === note) return { id, note }
    store.ensureAnnotator(user)
    store.articles.setNote(id, note)
    store.changes.append({
      actionId: randomUUID(),
      at: new Date().toISOString(),
      annotatorId: user.id,
      articleId: id,
      entity: 'article',
      entityId: String(id),
      op: 'update',
      before: { note: before },
      after: { note },
      undoState: 'none',
      description: 'edit article memo'
    })
    return { id, note }
  })()
}
