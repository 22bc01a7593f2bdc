import type { ReviewRecordCounts } from '../../../../shared/exchange/annotated-import'
import type { TagComment } from '../../../../shared/review/adjudication'
import type { Store } from '../../../store/store'
import type { IssueSink } from '../imported-document'
import type { NativeComment } from './native-lines'
import type { NativeDecision, NativeDoneMark } from './native-review-lines'
import { plural } from '../../../../shared/plural'

/** One article line's review records, waiting for its tags to be written. */
export interface NativeReview {
  /** "articles.jsonl line 3", for reports. */
  where: string
  file: string
  line: number
  comments: Map<string, NativeComment[]>
  decisions: NativeDecision[]
  doneMarks: NativeDoneMark[]
  /** The project's comments on the line's tags before the import replaced them (deleting a tag deletes its thread). */
  before: TagComment[]
}

/**
 * Restores a native line's decisions, tag comments and done marks once its tags are written, inside the import's
 * transaction. Ids are kept, so importing a file again updates these records instead of adding them twice.
 */
export class NativeReviewWriter {
  readonly counts: ReviewRecordCounts = { adjudications: 0, comments: 0, doneMarks: 0 }
  private readonly hadComments: boolean
  private readonly seen = new Set<string>()
  /** The header's coders: a candidate's coder is filed under the name the project has now, not the one it had then. */
  private names = new Map<string, string>()
  private readonly articleOfTag
  private readonly startedAt = new Date().toISOString()

  constructor(private readonly store: Store) {
    this.hadComments = store.db.prepare('SELECT EXISTS (SELECT 1 FROM tag_comment)').pluck().get() === 1
    this.articleOfTag = store.db.prepare<[string], number>('SELECT article_id FROM annotation WHERE id = ?').pluck()
  }

  /** The coders of the file being read (its header). */
  knowCoders(coders: { id: string; name: string }[]): void {
    this.names = new Map(coders.map((c) => [c.id, c.name]))
  }

  /** The project's comments on these tags; read before the import replaces the tags. */
  before(tagIds: string[]): TagComment[] {
    return this.hadComments && tagIds.length > 0 ? this.store.review.commentsOn(tagIds) : []
  }

  /** Writes the records of a line whose tags `written` are now in article `articleId`. */
  write(r: NativeReview, articleId: number, written: string[], issue: IssueSink): void {
    const kept = new Set(written)
    const report = (severity: 'error' | 'warning', code: 'DUPLICATE_ID' | 'UNKNOWN_REFERENCE' | 'NOT_CARRIED', message: string) => issue({ file: r.file, line: r.line, severity, code, message: `${r.where}: ${message}` })
    let lost = 0
    for (const c of r.before) {
      if (kept.has(c.annotationId)) this.store.review.saveComment(c)
      else if (this.articleOfTag.get(c.annotationId) === undefined) lost++
    }
    if (lost > 0) report('warning', 'NOT_CARRIED', `${lost} review comment${lost === 1 ? '' : 's'} on tags this import replaced but could not write again went with those tags.`)
    for (const [tagId, thread] of r.comments) {
      if (!kept.has(tagId)) {
        report('warning', 'NOT_CARRIED', `the ${plural(thread.length, 'comment')} on tag ${tagId} were left out with the tag.`)
        continue
      }
      for (const c of thread) {
        if (!this.once(c.id, report)) continue
        this.coder(c.author)
        if (this.store.review.saveComment({ id: c.id, annotationId: tagId, authorId: c.author.id, body: c.body, createdAt: c.createdAt })) this.counts.comments++
        else report('error', 'DUPLICATE_ID', `the comment id ${c.id} already belongs to a comment on another tag of this project; give it a new id.`)
      }
    }
    for (const d of r.decisions) {
      if (!this.once(d.id, report)) continue
      // a decision is history: the tags it names are kept as written, here or not, but a tag of another article would make it lie
      const elsewhere = [d.goldId, d.chosenId, ...d.candidates.map((c) => c.annotationId)].find((id) => id !== null && (this.articleOfTag.get(id) ?? articleId) !== articleId)
      if (elsewhere) {
        report('error', 'UNKNOWN_REFERENCE', `adjudication ${d.id} names tag ${elsewhere}, which belongs to another article of this project; the decision was left out.`)
        continue
      }
      // the versions' coders are the decision's too, even one whose tags are all gone since
      for (const c of d.candidates) this.coder({ id: c.annotatorId, name: this.names.get(c.annotatorId) ?? c.annotatorName })
      this.coder(d.decidedBy)
      const { candidatesJson, decidedBy, ...rest } = d
      if (this.store.review.saveDecision({ ...rest, articleId, candidates: candidatesJson, decidedBy: decidedBy.id })) this.counts.adjudications++
      else report('error', 'DUPLICATE_ID', `the adjudication id ${d.id} already belongs to a decision on another article of this project; give it a new id.`)
    }
    for (const m of r.doneMarks) {
      this.coder(m.annotator)
      this.store.review.setDoneAt(articleId, m.annotator.id, m.doneAt)
      this.counts.doneMarks++
    }
  }

  /** Comment and decision ids are unique across the import, as they are in a project. */
  private once(id: string, report: (severity: 'error', code: 'DUPLICATE_ID', message: string) => void): boolean {
    if (!this.seen.has(id)) {
      this.seen.add(id)
      return true
    }
    report('error', 'DUPLICATE_ID', `the id ${id} is used by two comments or decisions in this import; each needs its own id.`)
    return false
  }

  private coder(who: { id: string; name: string }): void {
    this.store.addAnnotator(who, this.startedAt)
  }
}
