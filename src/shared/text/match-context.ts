import type { Range16 } from '../offsets'

/** Characters a one-line snippet of the occurrence review shows comfortably; the match and its context share them. */
export const SNIPPET_LINE = 80
const SPACE = /\s/u

/**
 * The words on either side of a match, for a one-line snippet that always shows the whole match: the context
 * shrinks as the match grows, stops at whitespace so no word is cut, collapses line breaks and runs of spaces,
 * and says "…" where the text goes on. `range` is in UTF-16 units (cuts fall on whitespace, never inside a pair).
 */
export function matchContext(text: string, range: Range16, line = SNIPPET_LINE): { before: string; after: string } {
  const side = Math.max(0, Math.floor((line - (range.end - range.start)) / 2))
  const from = range.start - side
  const to = range.end + side
  let before = text.slice(Math.max(0, from), range.start)
  let after = text.slice(range.end, to)
  // a window edge inside a word drops that part of the word
  if (from > 0 && !SPACE.test(text[from - 1]!)) {
    const space = before.search(SPACE)
    before = space === -1 ? '' : before.slice(space)
  }
  if (to < text.length && !SPACE.test(text[to]!)) {
    const space = after.search(/\s\S*$/u)
    after = space === -1 ? '' : after.slice(0, space)
  }
  before = collapse(before).trimStart()
  after = collapse(after).trimEnd()
  return { before: from > 0 ? `…${before}` : before, after: to < text.length ? `${after}…` : after }
}

const collapse = (s: string) => s.replace(/\s+/gu, ' ')
