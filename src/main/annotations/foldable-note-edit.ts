import type { AnnotationSnapshot } from '../store/annotation-repository'
import type { DbChangeRow } from '../store/rows'
import type { Store } from '../store/store'

/** Note edits of one tag less than this far apart are one undo step: typing a note is one action, not one per pause. */
export const NOTE_FOLD_MS = 60_000

/**
 * The change-log row a note edit can fold into, or null: the newest row in the article (by anyone) must be
 * this user's undoable, single-row, note-only edit of the same tag, made less than NOTE_FOLD_MS before `at`.
 */
export function foldableNoteEdit(store: Store, userId: string, next: AnnotationSnapshot, at: string): DbChangeRow | null {
  const last = store.changes.latestInArticle(next.articleId)
  if (!last || last.annotator_id !== userId || last.entity !== 'annotation' || last.entity_id !== next.id) return null
  if (last.op !== 'update' || last.undo_state !== 'done' || last.before === null || last.after === null) return null
  if (Date.parse(at) - Date.parse(last.at) >= NOTE_FOLD_MS) return null
  const before = JSON.parse(last.before) as AnnotationSnapshot
  const after = JSON.parse(last.after) as AnnotationSnapshot
  if (!sameButNote(before, after) || !sameButNote(after, next)) return null
  return store.changes.actionRows(last.action_id).length === 1 ? last : null
}

function sameButNote(a: AnnotationSnapshot, b: AnnotationSnapshot): boolean {
  return canonical(a) === canonical(b)
}

// key order differs between snapshots built by create() and read back from the store
function canonical({ note: _note, updatedAt: _updated, ...rest }: AnnotationSnapshot): string {
  return JSON.stringify(rest, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v
  )
}
