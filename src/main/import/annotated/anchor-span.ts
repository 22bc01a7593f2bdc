import type { ImportIssueCode } from '../../../shared/domain'
import { checkRange, findQuote, quoteRange, type ArticleOffsets } from '../../../shared/offsets'
import type { ImportedSpan } from './imported-document'

export type Anchored =
  | { fragment: { start: number; end: number; quote: string; prefix: string; suffix: string }; reanchored: string | null }
  | { problem: string; code: ImportIssueCode }

const show = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 59)}…` : s)

/**
 * Places an imported span on the canonical text: at its offsets (carried through canonicalisation by `map`)
 * when they cover its quote, else at the one place its quote occurs (narrowed by prefix/suffix); never
 * shifted silently and never guessed between several places.
 */
export function anchorSpan(offsets: ArticleOffsets, span: ImportedSpan, map: Map<number, number> | null, mapped: boolean, canon: (s: string) => string): Anchored {
  const start = mapped ? map?.get(span.start) : span.start
  const end = mapped ? map?.get(span.end) : span.end
  const quote = span.quote === undefined ? undefined : canon(span.quote)
  const at = (start: number, end: number, reanchored: string | null): Anchored => ({ fragment: { start, end, ...quoteRange(offsets, { start, end }) }, reanchored })
  const where = `${span.start}..${span.end}`
  if (start !== undefined && end !== undefined && checkRange(offsets, { start, end }, quote) === null) return at(start, end, null)
  if (quote === undefined || quote === '') {
    if (start === undefined || end === undefined) {
      const problem = Number.isInteger(span.start) && Number.isInteger(span.end) && span.end > span.start ? 'crosses a change made when the text was normalised' : 'is not a valid range'
      return { code: 'SPAN_OUT_OF_RANGE', problem: `the span ${where} ${problem}, and the file gives no quote to find it by. Check the offsets against the text.` }
    }
    return { code: 'SPAN_OUT_OF_RANGE', problem: `${checkRange(offsets, { start, end })}; the file gives no quote to find the span by. Check its offsets.` }
  }
  const context = { prefix: span.prefix ? canon(span.prefix) : undefined, suffix: span.suffix ? canon(span.suffix) : undefined }
  let found = findQuote(offsets, quote, context)
  if (found.length === 0 && (context.prefix || context.suffix)) found = findQuote(offsets, quote)
  const stated = start !== undefined && end !== undefined && checkRange(offsets, { start, end }) === null ? ` (the text there is ${show(offsets.slice({ start, end }))})` : ''
  if (found.length === 1) {
    const f = found[0]!
    return at(f.start, f.end, `the span ${where} did not cover its text ${show(quote)}${stated}; it was moved to ${f.start}..${f.end}, the only place that text occurs.`)
  }
  if (found.length === 0) return { code: 'SPAN_MISMATCH', problem: `the text ${show(quote)} does not occur in the article, and the span ${where} does not cover it${stated}. Check that the file belongs to this text.` }
  return {
    code: 'SPAN_MISMATCH',
    problem: `the span ${where} does not cover its text ${show(quote)}${stated}, and that text occurs ${found.length} times, so it cannot be placed without guessing. Fix its offsets.`
  }
}
