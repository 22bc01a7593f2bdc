import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../shared/domain'

const TOKEN = /[\p{L}\p{N}\p{M}]+/gu
const WINDOW = 24
const BEFORE = 6

/** One quoted part of an FTS query built by buildFtsQuery: its folded words, the last a prefix when it ends in *. */
interface QueryPart {
  words: string[]
  prefix: boolean
}

/** Folds a token the way the FTS5 tokenizer (unicode61, remove_diacritics 2) does: case and accents. */
function fold(token: string): string {
  return token.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

function queryParts(ftsQuery: string): QueryPart[] {
  return [...ftsQuery.matchAll(/"([^"]*)"(\*?)/g)]
    .map((m) => ({ words: [...m[1]!.matchAll(TOKEN)].map((w) => fold(w[0])), prefix: m[2] === '*' }))
    .filter((p) => p.words.length > 0)
}

// the token runs [start, end) that match a whole query part (a phrase only with all its words, in order), in text
// order; lazy, so a long article is folded only as far as the snippet reads
function* matchRuns(tokens: RegExpExecArray[], parts: QueryPart[]): Generator<{ start: number; end: number }> {
  const folded: string[] = []
  const word = (i: number) => (i < tokens.length ? (folded[i] ??= fold(tokens[i]![0])) : undefined)
  const matchesAt = (i: number, p: QueryPart) =>
    p.words.every((w, k) => {
      const t = word(i + k)
      return t !== undefined && (p.prefix && k === p.words.length - 1 ? t.startsWith(w) : t === w)
    })
  for (let i = 0; i < tokens.length; ) {
    const end = Math.max(i, ...parts.filter((p) => matchesAt(i, p)).map((p) => i + p.words.length))
    if (end > i) yield { start: i, end }
    i = Math.max(end, i + 1)
  }
}

/**
 * A snippet of about WINDOW words around the first match, each match (a whole phrase at once) wrapped in
 * SNIPPET_OPEN/CLOSE and never cut by the window's edges. Made here rather than by FTS5's snippet(), which
 * re-runs the whole query once per row it is asked for.
 */
export function makeSnippet(ftsQuery: string, title: string, text: string): string {
  const parts = queryParts(ftsQuery)
  for (const source of [text, title]) {
    const tokens = [...source.matchAll(TOKEN)]
    const runs = matchRuns(tokens, parts)
    const first = runs.next()
    if (first.done) continue
    const from = Math.max(0, first.value.start - BEFORE)
    let to = Math.min(tokens.length, Math.max(from + WINDOW, first.value.end))
    let out = from > 0 ? '…' : ''
    let at = tokens[from]!.index
    for (let run: IteratorResult<{ start: number; end: number }> = first; !run.done && run.value.start < to; run = runs.next()) {
      to = Math.max(to, run.value.end)
      const open = tokens[run.value.start]!.index
      const last = tokens[run.value.end - 1]!
      out += `${source.slice(at, open)}${SNIPPET_OPEN}${source.slice(open, last.index + last[0].length)}${SNIPPET_CLOSE}`
      at = last.index + last[0].length
    }
    if (to === tokens.length) return out + source.slice(at)
    const end = tokens[to - 1]!
    return `${out}${source.slice(at, end.index + end[0].length)}…`
  }
  const tokens = [...text.matchAll(TOKEN)]
  if (tokens.length <= WINDOW) return text
  const end = tokens[WINDOW - 1]!
  return `${text.slice(0, end.index + end[0].length)}…`
}
