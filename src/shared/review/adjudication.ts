import { z } from 'zod'
import type { Fragment, Link } from '../domain'
import { attributeValues } from '../codebook/attribute-values'
import type { DisagreementKind, ReviewUnit } from './review-unit'

/** accept: take one coder's version; merge: combine versions; edit: a version changed by the adjudicator; reject: no tag here. */
export const DECISIONS = ['accept', 'merge', 'edit', 'reject'] as const
export type Decision = (typeof DECISIONS)[number]

/** A version the adjudicator chose between, as it was at the time of the decision. */
export interface AdjudicationCandidate {
  annotationId: string
  annotatorId: string
  annotatorName: string
  label: string
  fragments: Pick<Fragment, 'start' | 'end' | 'quote'>[]
  attributes: Record<string, unknown>
  links: Link[]
}

/** One recorded decision: who, when, between which versions, what came of it and why. */
export interface Adjudication {
  id: string
  articleId: number
  decision: Decision
  candidates: AdjudicationCandidate[]
  chosenId: string | null
  /** The gold tag the decision made (null for reject). */
  goldId: string | null
  /** False once that gold tag was deleted or the decision undone. */
  goldExists: boolean
  reason: string
  guideline: string
  decidedBy: string
  decidedByName: string
  decidedAt: string
}

/** One annotator's layer in an article. */
export interface Layer {
  annotatorId: string
  name: string
  tags: number
  /** When this coder marked the article done, if they did. */
  doneAt: string | null
  isGold: boolean
  isMe: boolean
}

export interface TagComment {
  id: string
  annotationId: string
  authorId: string
  authorName: string
  body: string
  createdAt: string
}

export type ReviewedUnit = ReviewUnit & {
  /** The latest decision on any of the unit's versions. */
  decision: Adjudication | null
  /** Decided and its outcome still stands (a rejection, or a gold tag that still exists). */
  settled: boolean
}

/** An article's layers compared: the units with their disagreements and decisions. */
export interface ArticleReview {
  articleId: number
  layers: Layer[]
  /** The layers compared, in column order. */
  compared: string[]
  units: ReviewedUnit[]
  blind: boolean
  /** Gold tags none of whose decided versions exist any more (their coders deleted them since): kept, but for the reviewer to confirm or remove. */
  strandedGold: string[]
}

/** One article in the corpus-wide review list. */
export interface CorpusReviewRow {
  articleId: number
  title: string
  layers: number
  units: number
  disagreements: number
  byKind: Record<DisagreementKind, number>
  /** Units not yet settled by a decision (agreements included). */
  unsettled: number
}

const tagId = z.string().uuid()
const range = z.object({ start: z.number().int().min(0), end: z.number().int().min(1) }).refine((f) => f.end > f.start, { message: 'a fragment must end after it starts' })

export const decideInput = z
  .object({
    articleId: z.number().int().positive(),
    /** The versions decided between: the unit's tags, one per layer. */
    candidates: z.array(tagId).min(1, 'choose at least one version').max(50),
    decision: z.enum(DECISIONS),
    /** accept: the version taken; edit: the version the edit started from. */
    chosenId: tagId.optional(),
    /** merge / edit: the gold tag to write. */
    result: z
      .object({ label: z.string().trim().min(1).max(100), fragments: z.array(range).min(1).max(50), attributes: attributeValues.default({}), note: z.string().max(100_000).default('') })
      .optional(),
    reason: z.string().trim().max(5000).default(''),
    guideline: z.string().trim().max(500).default('')
  })
  .superRefine((d, ctx) => {
    if (d.decision === 'accept' && (!d.chosenId || !d.candidates.includes(d.chosenId)))
      ctx.addIssue({ code: 'custom', path: ['chosenId'], message: 'accept needs the version taken, one of the candidates' })
    if ((d.decision === 'merge' || d.decision === 'edit') && !d.result) ctx.addIssue({ code: 'custom', path: ['result'], message: `${d.decision} needs the resulting tag` })
    if (d.decision === 'edit' && d.chosenId && !d.candidates.includes(d.chosenId))
      ctx.addIssue({ code: 'custom', path: ['chosenId'], message: 'the version an edit starts from must be one of the candidates' })
  })
export type DecideInput = z.infer<typeof decideInput>
