import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../shared/domain'

const TOKEN = /[\p{L}\p{N}\p{M}]+/gu
const WINDOW = 24
const BEFORE = 6

/** Folds a token the way the FTS5 tokenizer (unicode61, remove_diacritics 2) does: case and accents. */
function fold(token: string): string {
  return token.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

/** The words of an FTS query built by buildFtsQuery, folded; a trailing * makes the last one a prefix. */
function queryWords(ftsQuery: string): { exact: Set<string>; prefixes: string[] } {
  const exact = new Set<string>()
  const prefixes: string[] = []
  for (const m of ftsQuery.matchAll(/"([^"]*)"(\*?)/g)) {
    const words = [...m[1]!.matchAll(TOKEN)].map((w) => fold(w[0]))
    const last = words.pop()
    words.forEach((w) => exact.add(w))
    if (last !== undefined) (m[2] ? prefixes.push(last) : exact.add(last))
  }
  return { exact, prefixes }
}

/**
 * A snippet of about WINDOW words around the first match, matches wrapped in SNIPPET_OPEN/CLOSE.
 * Made here rather than by FTS5's snippet(), which re-runs the whole query once per row it is asked for.
 */
export function makeSnippet(ftsQuery: string, title: string, text: string): string {
  const { exact, prefixes } = queryWords(ftsQuery)
  const isMatch = (token: string) => {
    const f = fold(token)
    return exact.has(f) || prefixes.some((p) => f.startsWith(p))
  }
  for (const source of [text, title]) {
    const tokens = [...source.matchAll(TOKEN)]
    const first = tokens.findIndex((t) => isMatch(t[0]))
    if (first === -1) continue
    const from = Math.max(0, first - BEFORE)
    const to = Math.min(tokens.length, from + WINDOW)
    let out = from > 0 ? '…' : ''
    let at = tokens[from]!.index
    for (let i = from; i < to; i++) {
      const t = tokens[i]!
      out += source.slice(at, t.index)
      out += isMatch(t[0]) ? `${SNIPPET_OPEN}${t[0]}${SNIPPET_CLOSE}` : t[0]
      at = t.index + t[0].length
    }
    return to < tokens.length ? `${out}…` : out + source.slice(at)
  }
  return text.slice(0, 160)
}
