import { ArticleOffsets, onlyLineBreaks, splitJoinedQuote } from '../../../../shared/offsets'
import type { ImportedSpan } from '../imported-document'

/**
 * A T line's fragments with their quotes: brat's text field is the fragments' texts joined by spaces, so it is cut
 * back by each fragment's length. Fragments separated only by line breaks are joined again: that is how brat
 * (and our brat writer) writes one span that crosses lines. Null quotes when the text field does not fit.
 */
export function bratFragments(spans: { start: number; end: number }[], textField: string | undefined, offsets: ArticleOffsets): { fragments: ImportedSpan[]; quotesFit: boolean } {
  const quotes = textField === undefined ? null : spans.length === 1 ? [textField] : splitJoinedQuote(textField, spans.map((s) => s.end - s.start))
  const fragments: ImportedSpan[] = spans.map((s, i) => (quotes ? { ...s, quote: quotes[i]! } : { ...s }))
  const joined: ImportedSpan[] = []
  for (const f of fragments) {
    const prev = joined.at(-1)
    if (prev && prev.end < f.start && f.start <= offsets.lengthCp && onlyLineBreaks(offsets, { start: prev.end, end: f.start })) {
      const gap = offsets.slice({ start: prev.end, end: f.start })
      joined[joined.length - 1] = prev.quote !== undefined && f.quote !== undefined ? { start: prev.start, end: f.end, quote: prev.quote + gap + f.quote } : { start: prev.start, end: f.end }
    } else joined.push(f)
  }
  return { fragments: joined, quotesFit: textField === undefined || quotes !== null }
}
