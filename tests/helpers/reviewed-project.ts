import { AnnotationService } from '../../src/main/annotations/annotation-service'
import { ReviewService } from '../../src/main/review/review-service'
import { decideInput, type DecideInput } from '../../src/shared/review/adjudication'
import { codedProject } from './coded-project'
import { ANA, BEN } from './project'

/** A colleague who only comments and marks articles done: her name must reach the file's coders through review records alone. */
export const CARLA = { id: '44444444-4444-4444-8444-444444444444', name: 'Carla “QA”' }

/** A coder whose only tag was rejected and then deleted: only a decision's candidates still name him. */
export const DAN = { id: '77777777-7777-4777-8777-777777777777', name: 'Dan' }

/**
 * The coded project after a review: decisions of every kind (one with an empty reason, one whose gold tag was
 * since deleted, one on a tag deleted since), comment threads with hostile text (one by a coder with no tags),
 * and done marks.
 */
export function reviewedProject() {
  const p = codedProject()
  const tags = new AnnotationService(p.store)
  const review = new ReviewService(p.store, tags)
  const decide = (user: typeof ANA, input: Omit<DecideInput, 'articleId' | 'reason' | 'guideline'> & { reason?: string; guideline?: string }) =>
    review.decide(user, decideInput.parse({ articleId: p.a1, ...input }))
  const gunmen = p.store.annotations.listByArticle(p.a1).find((t) => t.annotatorId === BEN.id)!
  decide(ANA, { candidates: [p.event.id], decision: 'accept', chosenId: p.event.id, reason: 'Ana’s span matches the “attack” rule 😊 "quoted" \\ </script>', guideline: '§2.1\tq\u0307' })
  decide(BEN, { candidates: [gunmen.id], decision: 'reject' })
  decide(ANA, { candidates: [p.column.id, gunmen.id], decision: 'merge', result: { label: 'Actor', fragments: p.column.fragments.map(({ start, end }) => ({ start, end })), attributes: {}, note: 'merged' }, reason: 'same group' })
  decide(ANA, { candidates: [p.police.id], decision: 'accept', chosenId: p.police.id, reason: 'later undone' })
  const undone = p.store.review.decisions(p.a1).at(-1)!.goldId!
  tags.delete(ANA, undone)
  const seven = tags.create(DAN, { articleId: p.a1, label: 'Event', fragments: [{ start: p.police.fragments[0]!.start, end: p.police.fragments[0]!.end }] }).upserted[0]!
  decide(ANA, { candidates: [seven.id], decision: 'reject', reason: 'not an event' })
  tags.delete(DAN, seven.id)
  review.addComment(BEN, p.event.id, 'Is "7" right?\n\tSee the “police report” 😊')
  review.addComment(CARLA, p.event.id, 'q\u0307 — agreed \u2028 <b>')
  review.addComment(ANA, p.both.id, 'ELN ≠ Clan')
  review.markDone(BEN, p.a1, true)
  review.markDone(ANA, p.a1, true)
  review.markDone(CARLA, p.a2, true)
  return { ...p, gunmen, undone }
}
