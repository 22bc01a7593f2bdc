import type { PackImportSummary } from '../../../../shared/exchange/pack-format'
import type { Store } from '../../../store/store'
import type { IssueSink } from '../imported-document'

interface CommentRow {
  id: string
  annotation_id: string
  author_id: string
  body: string
  created_at: string
}

/** A coder's layer on one article as it was before the pack replaced it. */
export interface LayerBefore {
  annotatorId: string
  packId: string
  packCreatedAt: string
  tagIds: Set<string>
  comments: CommentRow[]
  /** The coder's done mark on the article as the pack has it: a time, null (not done), or undefined (an older pack that carries none). */
  doneAt: string | null | undefined
  /** The coder's done mark on the article before this import (null: not done). */
  doneBefore: string | null
}

/**
 * What a pack changed in each coder layer: reads the layer before the import replaces it, then records the
 * pack in pack_layer, restores review comments on tags the pack keeps, sets the coder's done mark as the pack
 * has it, and counts tags added, replaced and removed.
 */
export class PackLayerChanges {
  private readonly tagIds
  private readonly comments
  private readonly restoreComment
  private readonly record
  private readonly store: Store
  private readonly importedAt = new Date().toISOString()
  commentsDropped = 0

  constructor(
    store: Store,
    private readonly summary: PackImportSummary
  ) {
    this.store = store
    this.tagIds = store.db.prepare('SELECT id FROM annotation WHERE article_id = ? AND annotator_id = ?').pluck()
    this.comments = store.db.prepare(
      'SELECT c.id, c.annotation_id, c.author_id, c.body, c.created_at FROM tag_comment c JOIN annotation n ON n.id = c.annotation_id WHERE n.article_id = ? AND n.annotator_id = ?'
    )
    this.restoreComment = store.db.prepare('INSERT OR IGNORE INTO tag_comment (id, annotation_id, author_id, body, created_at) VALUES (@id, @annotation_id, @author_id, @body, @created_at)')
    this.record = store.db.prepare(`
      INSERT INTO pack_layer (article_id, annotator_id, pack_id, pack_created_at, imported_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (article_id, annotator_id) DO UPDATE SET pack_id = excluded.pack_id, pack_created_at = excluded.pack_created_at, imported_at = excluded.imported_at`)
  }

  /** The layer as it is now; call before the import replaces it (articleId null: an article the import adds). */
  before(articleId: number | null, annotatorId: string, pack: { id: string; createdAt: string }, doneAt: string | null | undefined): LayerBefore {
    const ids = articleId === null ? [] : (this.tagIds.all(articleId, annotatorId) as string[])
    const comments = articleId === null ? [] : (this.comments.all(articleId, annotatorId) as CommentRow[])
    const doneBefore = articleId === null ? null : this.store.review.doneAt(articleId, annotatorId)
    return { annotatorId, packId: pack.id, packCreatedAt: pack.createdAt, tagIds: new Set(ids), comments, doneAt, doneBefore }
  }

  /** The layer has been rewritten with `tagIds`: record where it came from and what changed. */
  after(before: LayerBefore, articleId: number, tagIds: string[], issue: IssueSink, where: string): void {
    this.record.run(articleId, before.annotatorId, before.packId, before.packCreatedAt, this.importedAt)
    // the done mark is part of the layer: the pack sets it, or takes it back when the coder reopened the article
    if (before.doneAt && before.doneAt !== before.doneBefore) {
      this.store.review.setDoneAt(articleId, before.annotatorId, before.doneAt)
      this.summary.doneMarked++
    } else if (before.doneAt === null && before.doneBefore !== null) {
      this.store.review.setDone(articleId, before.annotatorId, false)
      this.summary.doneCleared++
    }
    const now = new Set(tagIds)
    for (const id of now) {
      if (before.tagIds.has(id)) this.summary.tagsReplaced++
      else this.summary.tagsAdded++
    }
    for (const id of before.tagIds) if (!now.has(id)) this.summary.tagsRemoved++
    // replacing a layer deletes its rows, and their comments with them; tags the pack still has keep theirs
    let dropped = 0
    for (const c of before.comments) {
      if (now.has(c.annotation_id)) this.restoreComment.run(c)
      else dropped++
    }
    if (dropped > 0) {
      this.commentsDropped += dropped
      issue({ file: where, severity: 'warning', code: 'NOT_CARRIED', message: `${where}: ${dropped} review comment${dropped === 1 ? '' : 's'} on tags the coder has since deleted went with those tags.` })
    }
  }
}
