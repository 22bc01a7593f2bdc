import type { ArticleOffsets, CpRange } from './article-offsets'

/** Characters of context kept on each side of a quote, so a span can be verified and re-anchored. */
export const CONTEXT_CHARS = 32

export interface QuoteSelector {
  quote: string
  prefix: string
  suffix: string
}

/** The exact text of a range with up to CONTEXT_CHARS code points of context on each side. */
export function quoteRange(offsets: ArticleOffsets, range: CpRange): QuoteSelector {
  return {
    quote: offsets.slice(range),
    prefix: offsets.slice({ start: Math.max(0, range.start - CONTEXT_CHARS), end: range.start }),
    suffix: offsets.slice({ start: range.end, end: Math.min(offsets.lengthCp, range.end + CONTEXT_CHARS) })
  }
}

/** Checks a range lies inside the text, is non-empty, and (when given) still covers its quote. */
export function checkRange(offsets: ArticleOffsets, range: CpRange, quote?: string): string | null {
  if (!Number.isInteger(range.start) || !Number.isInteger(range.end)) return 'offsets must be whole numbers'
  if (range.start < 0 || range.end > offsets.lengthCp) return `range ${range.start}..${range.end} lies outside the text (0..${offsets.lengthCp})`
  if (range.end <= range.start) return `range ${range.start}..${range.end} is empty`
  if (quote !== undefined && offsets.slice(range) !== quote) return `the text at ${range.start}..${range.end} is not the quote "${quote}"`
  return null
}

/**
 * Where a quote occurs in the text, as code point ranges; with `prefix`/`suffix` given, only the occurrences
 * whose surroundings end/start with them (used to re-anchor an imported span whose offsets do not fit).
 */
export function findQuote(offsets: ArticleOffsets, quote: string, context: { prefix?: string; suffix?: string } = {}): CpRange[] {
  if (quote === '') return []
  const found: CpRange[] = []
  const text = offsets.text
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    // a quote with a lone surrogate can match half of an emoji: that is not an occurrence of its text
    if (splitsPair(text, at) || splitsPair(text, at + quote.length)) continue
    const { prefix, suffix } = context
    if (prefix && (at < prefix.length || !text.startsWith(prefix, at - prefix.length))) continue
    if (suffix && !text.startsWith(suffix, at + quote.length)) continue
    const start = offsets.utf16ToCp(at, 'floor')
    found.push({ start, end: offsets.utf16ToCp(at + quote.length, 'ceil') })
  }
  return found
}

const splitsPair = (text: string, i: number) => i > 0 && i < text.length && /[\uD800-\uDBFF]/.test(text[i - 1]!) && /[\uDC00-\uDFFF]/.test(text[i]!)
