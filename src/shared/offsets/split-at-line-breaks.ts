import type { ArticleOffsets, CpRange } from './article-offsets'

/** Every character Python's str.splitlines() breaks at, so a line-based reader (brat) never sees a span cross a line. */
export const LINE_BREAK = /[\n\v\f\r\x1c-\x1e\x85\u2028\u2029]/

const BREAKS = new RegExp(LINE_BREAK.source, 'g')

/** Cuts a code point range at line breaks, leaving the breaks out; pieces that would be empty are dropped. */
export function splitAtLineBreaks(offsets: ArticleOffsets, range: CpRange): CpRange[] {
  const from = offsets.cpToUtf16(range.start)
  const to = offsets.cpToUtf16(range.end)
  const pieces: CpRange[] = []
  let start = from
  BREAKS.lastIndex = from
  for (let m = BREAKS.exec(offsets.text); m && m.index < to; m = BREAKS.exec(offsets.text)) {
    if (m.index > start) pieces.push({ start: offsets.utf16ToCp(start), end: offsets.utf16ToCp(m.index) })
    start = m.index + m[0].length
  }
  if (to > start) pieces.push({ start: offsets.utf16ToCp(start), end: offsets.utf16ToCp(to) })
  return pieces
}

/** True when a range holds nothing but line breaks (the gap brat leaves between the pieces of a multi-line span). */
export function onlyLineBreaks(offsets: ArticleOffsets, range: CpRange): boolean {
  const gap = offsets.slice(range)
  return gap.length > 0 && gap.replace(BREAKS, '') === ''
}
