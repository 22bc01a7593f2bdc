import { useEffect, useState } from 'react'
import type { Annotation, AnnotationStatus } from '@shared/domain'
import { ANNOTATION_STATUSES } from '@shared/domain'
import type { TagComment } from '@shared/review/adjudication'
import { api } from '../../api/client'
import { notifyError } from '../../state/notices'
import { useArticle } from '../article/articleContext'

export const TAG_STATUS_TEXT: Record<AnnotationStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  accepted: 'Accepted',
  rejected: 'Rejected',
  changes_requested: 'Changes requested'
}

/** A tag's review status and its comment thread. */
export function TagReview({ tag }: { tag: Annotation }) {
  const { run } = useArticle()
  const [comments, setComments] = useState<TagComment[] | null>(null)
  const [draft, setDraft] = useState('')
  useEffect(() => {
    let live = true
    api.call('comments.list', { annotationId: tag.id }).then((c) => live && setComments(c), notifyError)
    return () => {
      live = false
    }
  }, [tag.id])
  const post = async () => {
    if (!draft.trim()) return
    try {
      setComments(await api.call('comments.add', { annotationId: tag.id, body: draft }))
      setDraft('')
    } catch (error) {
      notifyError(error)
    }
  }
  return (
    <div className="tag-review">
      <label className="field inline">
        Status
        <select value={tag.status} onChange={(e) => void run(api.call('annotations.update', { id: tag.id, status: e.target.value as AnnotationStatus }))}>
          {ANNOTATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {TAG_STATUS_TEXT[s]}
            </option>
          ))}
        </select>
      </label>
      <div className="comments" aria-label="Comments">
        {comments?.map((c) => (
          <div key={c.id} className="comment">
            <span className="meta">
              {c.authorName} · {new Date(c.createdAt).toLocaleString()}
            </span>
            <p>{c.body}</p>
          </div>
        ))}
        <form
          className="comment-form"
          onSubmit={(e) => {
            e.preventDefault()
            void post()
          }}
        >
          <input value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="Comment on this tag" aria-label="New comment" maxLength={20_000} />
          <button type="submit" disabled={!draft.trim()}>
            Post
          </button>
        </form>
      </div>
    </div>
  )
}
