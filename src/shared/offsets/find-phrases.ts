import { foldCodePoint, matchKey } from '../text/fold-text'
import type { CpRange } from './article-offsets'
import { CodePointIndex } from './code-point-index'

const MARKS = /\p{M}/gu
const SPACE_LIKE = /[\s\p{P}]/gu
const WORD = /[\p{L}\p{N}]/u
const escape = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')

/**
 * Every whole-word occurrence of any phrase in a text, matched as names are (accents, case, spacing and
 * punctuation folded), as code point ranges in text order; where matches overlap the earliest, longest wins.
 */
export function findPhrases(text: string, phrases: readonly string[]): CpRange[] {
  return phraseFinder(phrases)(text)
}

/** A matcher for a fixed set of phrases, compiled once and run over many texts. */
export function phraseFinder(phrases: readonly string[]): (text: string) => CpRange[] {
  const keys = [...new Set(phrases.map(matchKey).filter((k) => k.length > 0))].sort((a, b) => b.length - a.length)
  if (keys.length === 0) return () => []
  // longest first, so at one position the longest phrase wins; a space in a key matches any run of them
  const pattern = new RegExp(keys.map((k) => escape(k).replace(/ /g, ' +')).join('|'), 'gu')
  const keySet = new Set(keys)
  return (text) => {
    const folded = foldAligned(text)
    const units = (folded && scan(folded, pattern, (a, b) => keySet.has(matchKey(text.slice(a, b))))) || scanFolded(text, keys)
    const index = /[\uD800-\uDFFF]/.test(text) ? new CodePointIndex(text) : null
    return index ? units.map((r) => ({ start: index.toCodePoint(r.start, 'strict'), end: index.toCodePoint(r.end, 'strict') })) : units
  }
}

// the text folded with native string functions, if every UTF-16 unit still lines up with the original (almost always)
function foldAligned(text: string): string | null {
  const folded = text.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(SPACE_LIKE, ' ')
  return folded.length === text.length ? folded : null
}

// matches in the aligned folded text, whole words only; null if a match does not fold back to a key (misaligned)
function scan(folded: string, pattern: RegExp, confirm: (start: number, end: number) => boolean): CpRange[] | null {
  const found: CpRange[] = []
  pattern.lastIndex = 0
  for (let m = pattern.exec(folded); m !== null; m = pattern.exec(folded)) {
    const start = m.index
    const end = start + m[0].length
    const bounded = !(start > 0 && WORD.test(folded[start - 1]!) && WORD.test(m[0][0]!)) && !(end < folded.length && WORD.test(folded[end]!) && WORD.test(m[0][m[0].length - 1]!))
    if (!bounded) {
      pattern.lastIndex = start + 1
      continue
    }
    if (!confirm(start, end)) return null
    found.push({ start, end })
  }
  return found
}

// the exact path: folds code point by code point and maps each folded unit back; slower, used when native folding shifts offsets
function scanFolded(text: string, keys: string[]): CpRange[] {
  let folded = ''
  const source: number[] = []
  let u16 = 0
  for (const ch of text) {
    const f = foldCodePoint(ch)
    if (!(f === ' ' && folded.endsWith(' '))) {
      folded += f
      for (let i = 0; i < f.length; i++) source.push(u16)
    }
    u16 += ch.length
  }
  source.push(u16)
  const found: CpRange[] = []
  for (const key of keys) {
    for (let at = folded.indexOf(key); at !== -1; at = folded.indexOf(key, at + 1)) {
      const end = at + key.length
      if (at > 0 && WORD.test(folded[at - 1]!) && WORD.test(key[0]!)) continue
      if (end < folded.length && WORD.test(folded[end]!) && WORD.test(key[key.length - 1]!)) continue
      const last = source[end - 1]!
      found.push({ start: source[at]!, end: last + (text.codePointAt(last)! > 0xffff ? 2 : 1) })
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: CpRange[] = []
  for (const r of found) if (kept.length === 0 || r.start >= kept[kept.length - 1]!.end) kept.push(r)
  return kept
}
