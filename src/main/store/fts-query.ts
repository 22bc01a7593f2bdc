/**
 * Turns what a user types into a safe FTS5 query: every word is quoted (so FTS syntax characters are
 * literal), "quoted phrases" stay phrases, words are ANDed, and the last word matches as a prefix
 * while the user is still typing it, from its third character on: a one- or two-letter prefix merges the
 * postings of most of the vocabulary, which costs seconds at 100,000 articles and finds nothing useful.
 * A finished query (an export filter) passes prefixLast false: its words match whole.
 */
/** Characters the last word needs before it matches as a prefix. */
export const MIN_PREFIX = 3

export function buildFtsQuery(input: string, prefixLast = true): string | null {
  const parts: string[] = []
  const re = /"([^"]*)"|(\S+)/g
  let m: RegExpExecArray | null
  let lastIsOpenWord = false
  while ((m = re.exec(input)) !== null) {
    const phrase = m[1] !== undefined
    const raw = (phrase ? m[1]! : m[2]!).replace(/"/g, '').trim()
    lastIsOpenWord = !phrase && m.index + m[0].length === input.length
    if (!/[\p{L}\p{N}]/u.test(raw)) continue
    parts.push(`"${raw}"`)
  }
  if (parts.length === 0) return null
  if (prefixLast && lastIsOpenWord && prefixLength(parts[parts.length - 1]!) >= MIN_PREFIX) parts[parts.length - 1] += '*'
  return parts.join(' ')
}

// the index drops punctuation ("<b>" is the word b) and a prefix applies to the last word it sees
function prefixLength(quoted: string): number {
  const last = quoted.match(/[\p{L}\p{N}\p{M}]+/gu)?.at(-1) ?? ''
  return last.match(/[\p{L}\p{N}]/gu)?.length ?? 0
}
