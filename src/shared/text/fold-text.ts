const MARKS = /\p{M}/gu
const SPACE_LIKE = /[\s\p{P}]/u

/**
 * Folds one code point for matching names: accents dropped, lower-cased, and spaces and punctuation turned
 * into a plain space, so "Urabeños", "URABENOS" and "urabenos" agree and "Clan’s" still ends a word at "Clan".
 */
export function foldCodePoint(cp: string): string {
  const c = cp.charCodeAt(0)
  // ASCII fast path: folding runs over whole articles when tagging all occurrences
  if (c < 128) {
    if (c >= 65 && c <= 90) return String.fromCharCode(c + 32)
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return cp
    return SPACE_LIKE.test(cp) ? ' ' : cp
  }
  if (SPACE_LIKE.test(cp)) return ' '
  return cp.normalize('NFKD').replace(MARKS, '').toLowerCase()
}

/** The key names are matched by: folded code point by code point, runs of spaces collapsed, trimmed. */
export function matchKey(name: string): string {
  let out = ''
  for (const cp of name) {
    const f = foldCodePoint(cp)
    if (f === ' ' && (out === '' || out.endsWith(' '))) continue
    out += f
  }
  return out.endsWith(' ') ? out.slice(0, -1) : out
}
