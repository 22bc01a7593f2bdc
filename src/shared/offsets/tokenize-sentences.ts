import type { CpRange } from './article-offsets'
import { CodePointIndex } from './code-point-index'

/** One token: a code point range [start, end) into the text, and the text it covers. */
export interface Token extends CpRange {
  text: string
}

// decimals before words so "3.5" stays whole; words keep inner apostrophes and their combining marks;
// an emoji keeps its skin tone, variation selector and ZWJ sequence; a flag is two regional indicators; anything else is one character with its marks,
// except the separators Python's str.split() also treats as whitespace (so column readers never see a token split)
const TOKEN =
  /\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*|\p{Extended_Pictographic}(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}]|\u200D\p{Extended_Pictographic}\uFE0F?)*|\p{Regional_Indicator}{2}|[^\s\x1c-\x1f\x85]\p{M}*/gu
const TERMINAL = /^[.!?…。！？]+$/u
const CLOSING = /^[\p{Pe}\p{Pf}"'»]+$/u
const LINE_BREAK = /[\n\r\x85\u2028\u2029]/

/**
 * Splits a text into sentences of word, number, punctuation and emoji tokens, with code point offsets.
 * A sentence ends after . ! ? … (with any closing quotes or brackets that follow) and at every line break;
 * abbreviations are not special-cased. Whitespace is never part of a token.
 */
export function tokenizeSentences(text: string): Token[][] {
  const index = new CodePointIndex(text)
  const sentences: Token[][] = []
  let current: Token[] = []
  let ended = false
  let lastEnd16 = 0
  TOKEN.lastIndex = 0
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const start16 = m.index
    const tokenText = m[0]
    const lineBreak = LINE_BREAK.test(text.slice(lastEnd16, start16))
    const closesSentence = ended && !lineBreak && (TERMINAL.test(tokenText) || CLOSING.test(tokenText))
    if (current.length > 0 && !closesSentence && (ended || lineBreak)) {
      sentences.push(current)
      current = []
      ended = false
    }
    current.push({ start: index.toCodePoint(start16), end: index.toCodePoint(start16 + tokenText.length), text: tokenText })
    if (TERMINAL.test(tokenText)) ended = true
    lastEnd16 = start16 + tokenText.length
  }
  if (current.length > 0) sentences.push(current)
  return sentences
}
