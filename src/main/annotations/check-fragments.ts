import type { Fragment } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import { type ArticleOffsets, type CpRange, checkRange, quoteRange } from '../../shared/offsets'
import { quoted } from '../../shared/text/quoted'

/** A tag's fragments sorted by start and quoted; throws VALIDATION naming the first one out of range, empty or overlapping another. */
export function checkFragments(offsets: ArticleOffsets, fragments: readonly CpRange[]): Fragment[] {
  const ranges = [...fragments].sort((a, b) => a.start - b.start)
  ranges.forEach((r, i) => {
    const problem = checkRange(offsets, r)
    if (problem) throw new AppError('VALIDATION', `Fragment ${i + 1}: ${problem}.`)
    const prev = ranges[i - 1]
    if (prev && r.start < prev.end)
      throw new AppError('VALIDATION', `Fragments ${i} (${quoted(offsets.slice(prev), 40)}) and ${i + 1} (${quoted(offsets.slice(r), 40)}) overlap; merge them into one.`)
  })
  return ranges.map((r) => ({ start: r.start, end: r.end, ...quoteRange(offsets, r) }))
}
