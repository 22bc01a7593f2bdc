import { foldCodePoint, matchKey } from '../text/fold-text'
import type { CpRange } from './article-offsets'

const WORD = /[\p{L}\p{N}]/u

/**
 * Every whole-word occurrence of any phrase in a text, matched as names are (accents, case, spacing and
 * punctuation folded), as code point ranges in text order; overlapping matches keep the earliest, longest one.
 */
export function findPhrases(text: string, phrases: readonly string[]): CpRange[] {
  const keys = [...new Set(phrases.map(matchKey).filter((k) => k.length > 0))]
  if (keys.length === 0) return []
  // folded text plus, per folded UTF-16 unit, the code point it came from
  let folded = ''
  const source: number[] = []
  let cp = 0
  for (const ch of text) {
    const f = foldCodePoint(ch)
    if (!(f === ' ' && folded.endsWith(' '))) {
      folded += f
      for (let i = 0; i < f.length; i++) source.push(cp)
    }
    cp++
  }
  source.push(cp)
  const found: CpRange[] = []
  for (const key of keys) {
    for (let at = folded.indexOf(key); at !== -1; at = folded.indexOf(key, at + 1)) {
      const end = at + key.length
      if (at > 0 && WORD.test(folded[at - 1]!) && WORD.test(key[0]!)) continue
      if (end < folded.length && WORD.test(folded[end]!) && WORD.test(key[key.length - 1]!)) continue
      found.push({ start: source[at]!, end: source[end - 1]! + 1 })
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: CpRange[] = []
  for (const r of found) if (kept.length === 0 || r.start >= kept[kept.length - 1]!.end) kept.push(r)
  return kept
}
