/** A UTF-16 range [start, end) into a string. */
export interface Range16 {
  start: number
  end: number
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
const words = new Intl.Segmenter(undefined, { granularity: 'word' })
const SPACE = /\s/u
/** What a tag needs at least one of: a letter, a digit or an emoji. */
const MEANING = /[\p{L}\p{N}\p{Extended_Pictographic}]/u
/** An English possessive at a word's end: ’s or 's. */
const POSSESSIVE = /['’]s$/u

/** Widens a range so it never splits a grapheme cluster (a surrogate pair, an emoji sequence, a letter and its accents). */
export function snapToGraphemes(text: string, range: Range16): Range16 {
  let { start, end } = range
  if (start < text.length) start = graphemes.segment(text).containing(start)?.index ?? start
  if (end > 0 && end < text.length) {
    const seg = graphemes.segment(text).containing(end - 1)
    if (seg) end = seg.index + seg.segment.length
  }
  return { start, end }
}

/**
 * Snaps a sloppy selection to whole words: surrounding whitespace is dropped, and a word cut at either
 * edge is completed. Returns null when nothing but whitespace or punctuation is selected.
 */
export function snapToWords(text: string, range: Range16): Range16 | null {
  let { start, end } = trimSpace(text, range)
  // punctuation alone ("(", "—") is no mention of anything; exact mode (snapExact) still allows it
  if (start >= end || !MEANING.test(text.slice(start, end))) return null
  const first = words.segment(text).containing(start)
  if (first?.isWordLike) start = first.index
  const last = words.segment(text).containing(end - 1)
  if (last?.isWordLike) {
    // a possessive ending ("ELN’s", "Petro's") joins the word only when the selection reaches into it: the actor is "ELN"
    const possessive = POSSESSIVE.exec(last.segment)
    const stem = possessive ? last.index + possessive.index : Infinity
    end = end <= stem ? Math.min(stem, last.index + last.segment.length) : last.index + last.segment.length
  }
  return snapToGraphemes(text, { start, end })
}

/** Where the first word at or after `at` begins (punctuation and spaces skipped); `at` itself when none is near. */
export function nextWordStart(text: string, at: number): number {
  // a short window is enough to reach the next word, and keeps this independent of the article's length
  for (const seg of words.segment(text.slice(at, at + 256))) if (seg.isWordLike) return at + seg.index
  return at
}

/** Snaps to grapheme clusters only and drops surrounding whitespace (the "exact characters" mode). */
export function snapExact(text: string, range: Range16): Range16 | null {
  const trimmed = trimSpace(text, range)
  if (trimmed.start >= trimmed.end) return null
  return snapToGraphemes(text, trimmed)
}

function trimSpace(text: string, range: Range16): Range16 {
  let start = Math.max(0, Math.min(range.start, range.end))
  let end = Math.min(text.length, Math.max(range.start, range.end))
  while (start < end && SPACE.test(text[start]!)) start++
  while (end > start && SPACE.test(text[end - 1]!)) end--
  return { start, end }
}
