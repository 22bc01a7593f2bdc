import type { Fragment } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import { type ArticleOffsets, type CpRange, checkRange, quoteRange } from '../../shared/offsets'
import { shortQuote } from './short-quote'

/** A tag's fragments sorted by start and quoted; throws VALIDATION naming the first one out of range, empty or overlapping another. */
export function checkFragments(offsets: ArticleOffsets, fragments: readonly CpRange[]): Fragment[] {
  const ranges = [...fragments].sort((a, b) => a.start - b.start)
  ranges.forEach((r, i) => {
    const problem = checkRange(offsets, r)
    if (problem) throw new AppError('VALIDATION', `Fragment ${i + 1}: ${problem}.`)
    const prev = ranges[i - 1]
    if (prev && r.start < prev.end)
      throw new AppError('VALIDATION', `Fragments ${i} (“${shortQuote(offsets.slice(prev))}”) and ${i + 1} (“${shortQuote(offsets.slice(r))}”) overlap; merge them into one.`)
  })
  return ranges.map((r) => ({ start: r.start, end: r.end, ...quoteRange(offsets, r) }))
}
