import { z } from 'zod'
import { DECISIONS } from '../../../../shared/review/adjudication'
import type { IssueSink } from '../imported-document'
import { coder, where } from './native-lines'

const tagId = z.string().uuid()

/** A version the adjudicator chose between, as the decision recorded it (AdjudicationCandidate). */
const candidate = z.object({
  annotationId: tagId,
  annotatorId: z.string().min(1),
  annotatorName: z.string().min(1),
  label: z.string(),
  fragments: z.array(z.object({ start: z.number().int().min(0), end: z.number().int().min(1), quote: z.string() })),
  attributes: z.record(z.string(), z.unknown()),
  links: z.array(z.object({ type: z.string(), to: z.string() }))
})

const decision = z
  .object({
    id: z.string().uuid(),
    decision: z.enum(DECISIONS),
    candidates: z.array(candidate).min(1),
    chosenId: tagId.nullable(),
    goldId: tagId.nullable(),
    reason: z.string(),
    guideline: z.string(),
    decidedBy: coder,
    decidedAt: z.string()
  })
  .superRefine((d, ctx) => {
    if (d.chosenId !== null && !d.candidates.some((c) => c.annotationId === d.chosenId))
      ctx.addIssue({ code: 'custom', path: ['chosenId'], message: 'the chosen version must be one of the candidates' })
    if ((d.decision === 'reject') !== (d.goldId === null))
      ctx.addIssue({ code: 'custom', path: ['goldId'], message: d.decision === 'reject' ? 'a rejection makes no gold tag' : `${d.decision} makes a gold tag; give its id` })
  })

const doneMark = z.object({ annotator: coder, doneAt: z.string().min(1, 'a done mark needs the time it was made') })

/** A decision as read; `candidates` keeps the file's JSON exactly, since the decision is a record of them as they were. */
export type NativeDecision = z.infer<typeof decision> & { candidatesJson: string }
export type NativeDoneMark = z.infer<typeof doneMark>

/** Checks each item of a line's list on its own, so one bad item is reported with its place and the rest still read. */
function each<T>(raw: unknown[] | undefined, schema: z.ZodType<T>, what: string, file: string, line: number, issue: IssueSink): { value: T; raw: unknown }[] {
  const out: { value: T; raw: unknown }[] = []
  ;(raw ?? []).forEach((value, i) => {
    const r = schema.safeParse(value)
    if (r.success) out.push({ value: r.data, raw: value })
    else issue({ file, line, severity: 'error', code: 'BAD_LINE', message: `${file} line ${line}, ${what} ${i + 1}: ${where(r.error.issues)}.` })
  })
  return out
}

/** An article line's adjudication decisions, in the file's order (oldest first). */
export function nativeDecisions(raw: unknown[] | undefined, file: string, line: number, issue: IssueSink): NativeDecision[] {
  return each(raw, decision, 'adjudication', file, line, issue).map(({ value, raw }) => ({ ...value, candidatesJson: JSON.stringify((raw as { candidates: unknown }).candidates) }))
}

/** An article line's done marks. */
export function nativeDoneMarks(raw: unknown[] | undefined, file: string, line: number, issue: IssueSink): NativeDoneMark[] {
  return each(raw, doneMark, 'done mark', file, line, issue).map(({ value }) => value)
}
