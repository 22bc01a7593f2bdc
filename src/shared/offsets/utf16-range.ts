import type { CpRange } from './article-offsets'
import type { CodePointIndex } from './code-point-index'

/**
 * Converts a [start, end) range counted in UTF-16 code units (what browsers count: Label Studio, doccano)
 * to code points (`endInclusive` for files whose end names the last unit, as Label Studio 0.x wrote); returns why it cannot when an offset lies outside the text or between a surrogate pair's halves.
 */
export function utf16RangeToCp(index: CodePointIndex, start: number, last: number, options: { endInclusive?: boolean } = {}): CpRange | { error: string } {
  if (!Number.isInteger(start) || !Number.isInteger(last)) return { error: `offsets ${start}..${last} must be whole numbers` }
  // an inclusive end names the last UTF-16 unit; the exclusive end is the unit after it
  const end = options.endInclusive ? last + 1 : last
  if (start < 0 || end > index.length16) return { error: `range ${start}..${end} lies outside the text (0..${index.length16} UTF-16 units)` }
  if (end < start) return { error: `range ${start}..${end} ends before it starts` }
  try {
    // an inclusive end on the first half of a pair names the whole character
    return { start: index.toCodePoint(start, 'strict'), end: index.toCodePoint(end, options.endInclusive ? 'ceil' : 'strict') }
  } catch {
    return { error: `range ${start}..${end} cuts a character in two (an offset falls between the halves of a surrogate pair, e.g. an emoji)` }
  }
}
