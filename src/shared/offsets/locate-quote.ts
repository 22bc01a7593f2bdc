import type { CpRange } from './article-offsets'
import { CodePointIndex } from './code-point-index'

/**
 * Where a quote occurs in a text, as code points: the first occurrence whose prefix and suffix also match,
 * else the first occurrence; null when the text does not contain it.
 */
export function locateQuote(text: string, q: { exact: string; prefix?: string; suffix?: string }): CpRange | null {
  if (q.exact === '') return null
  let first = -1
  for (let at = text.indexOf(q.exact); at !== -1; at = text.indexOf(q.exact, at + 1)) {
    // a quote with a lone surrogate can match half of an emoji: that is not an occurrence of its text
    if (splitsPair(text, at) || splitsPair(text, at + q.exact.length)) continue
    if (first === -1) first = at
    const end = at + q.exact.length
    if ((!q.prefix || text.slice(0, at).endsWith(q.prefix)) && (!q.suffix || text.startsWith(q.suffix, end))) {
      first = at
      break
    }
  }
  if (first === -1) return null
  const index = new CodePointIndex(text)
  return { start: index.toCodePoint(first, 'strict'), end: index.toCodePoint(first + q.exact.length, 'strict') }
}

const splitsPair = (text: string, i: number) => i > 0 && i < text.length && /[\uD800-\uDBFF]/.test(text[i - 1]!) && /[\uDC00-\uDFFF]/.test(text[i]!)
