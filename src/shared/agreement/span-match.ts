import { computed, notComputable, type Computed } from './not-computable'

/** A span as one coder marked it: [start, end) in code points. */
export interface MatchSpan {
  id: string
  label: string
  start: number
  end: number
}

/** exact: same start and same end; overlap: at least one shared character. */
export type MatchCriterion = 'exact' | 'overlap'

export interface SpanMatchOptions {
  criterion: MatchCriterion
  /** Only spans with the same label may match (default true). */
  sameLabel?: boolean
}

export interface SpanPair<S extends MatchSpan = MatchSpan> {
  a: S
  b: S
  /** Shared characters. */
  overlap: number
}

export interface PrfCounts {
  /** Matched pairs (true positives). */
  matched: number
  /** Spans of coder A, the reference. */
  spansA: number
  /** Spans of coder B. */
  spansB: number
}

export interface Prf {
  /** matched / spans of B: share of B's spans that A also marked. */
  precision: Computed<PrfCounts>
  /** matched / spans of A: share of the reference spans that B found. */
  recall: Computed<PrfCounts>
  /** 2 matched / (spans of A + spans of B): symmetric in A and B. */
  f1: Computed<PrfCounts>
}

export interface SpanMatchResult<S extends MatchSpan = MatchSpan> extends Prf {
  pairs: SpanPair<S>[]
  unmatchedA: S[]
  unmatchedB: S[]
  /** P/R/F1 for each label seen on either side, always from a label-sensitive matching. */
  perLabel: Record<string, Prf & PrfCounts>
}

/**
 * One-to-one matching of two coders' spans. Exact: identical boundaries. Overlap: all pairs that share a character
 * (found by sorting on start and sweeping) are taken greedily from largest shared length down; ties prefer the same
 * label, then the earlier start in A, in B, the earlier end in A, in B, then the ids, so the result is deterministic.
 */
export function matchSpans<S extends MatchSpan>(a: readonly S[], b: readonly S[], options: SpanMatchOptions): SpanMatchResult<S> {
  const sameLabel = options.sameLabel ?? true
  const pairs = matchPairs(a, b, options.criterion, sameLabel)
  const usedA = new Set(pairs.map((p) => p.a))
  const usedB = new Set(pairs.map((p) => p.b))
  pairs.sort((x, y) => x.a.start - y.a.start || x.a.end - y.a.end || x.b.start - y.b.start || cmp(x.a.id, y.a.id))
  const labelPairs = sameLabel ? pairs : matchPairs(a, b, options.criterion, true)
  return {
    pairs,
    unmatchedA: a.filter((s) => !usedA.has(s)),
    unmatchedB: b.filter((s) => !usedB.has(s)),
    ...prf(pairs.length, a.length, b.length),
    perLabel: perLabelPrf(labelPairs, a, b)
  }
}

/** Just the one-to-one pairs of `matchSpans`, unsorted: the cheap core the report builder uses. */
export function matchPairs<S extends MatchSpan>(a: readonly S[], b: readonly S[], criterion: MatchCriterion, sameLabel: boolean): SpanPair<S>[] {
  return criterion === 'exact' ? exactPairs(a, b, sameLabel) : greedy(overlapCandidates(a, b, sameLabel), a.length, b.length)
}

/** Precision, recall and F1 from counts, with coder A as the reference. */
export function prf(matched: number, spansA: number, spansB: number): Prf {
  const counts = { matched, spansA, spansB }
  return {
    precision: spansB > 0 ? computed(matched / spansB, counts) : notComputable('no_spans', 'The second annotator marked no spans, so precision is undefined.'),
    recall: spansA > 0 ? computed(matched / spansA, counts) : notComputable('no_spans', 'The reference annotator marked no spans, so recall is undefined.'),
    f1: spansA + spansB > 0 ? computed((2 * matched) / (spansA + spansB), counts) : notComputable('no_spans')
  }
}

function perLabelPrf<S extends MatchSpan>(pairs: readonly SpanPair<S>[], a: readonly S[], b: readonly S[]): Record<string, Prf & PrfCounts> {
  const counts = new Map<string, PrfCounts>()
  const get = (label: string): PrfCounts => {
    let c = counts.get(label)
    if (!c) counts.set(label, (c = { matched: 0, spansA: 0, spansB: 0 }))
    return c
  }
  for (const s of a) get(s.label).spansA++
  for (const s of b) get(s.label).spansB++
  for (const p of pairs) get(p.a.label).matched++
  const out: Record<string, Prf & PrfCounts> = {}
  for (const label of [...counts.keys()].sort()) {
    const c = counts.get(label)!
    out[label] = { ...c, ...prf(c.matched, c.spansA, c.spansB) }
  }
  return out
}

function exactPairs<S extends MatchSpan>(a: readonly S[], b: readonly S[], sameLabel: boolean): SpanPair<S>[] {
  // sort both sides by boundaries (then label, id) and walk them together, one group of equal boundaries at a time
  const sa = [...a].sort(byPosition)
  const sb = [...b].sort(byPosition)
  const pairs: SpanPair<S>[] = []
  let i = 0
  let j = 0
  while (i < sa.length && j < sb.length) {
    const x = sa[i]!
    const y = sb[j]!
    const d = x.start - y.start || x.end - y.end
    if (d < 0) i++
    else if (d > 0) j++
    else {
      let i2 = i
      let j2 = j
      while (i2 < sa.length && sa[i2]!.start === x.start && sa[i2]!.end === x.end) i2++
      while (j2 < sb.length && sb[j2]!.start === x.start && sb[j2]!.end === x.end) j2++
      pairGroup(sa.slice(i, i2), sb.slice(j, j2), sameLabel, pairs)
      i = i2
      j = j2
    }
  }
  return pairs
}

/** Spans with identical boundaries: same labels pair first (in label, id order); without sameLabel the rest pair in order. */
function pairGroup<S extends MatchSpan>(ga: S[], gb: S[], sameLabel: boolean, out: SpanPair<S>[]): void {
  const usedB = new Array<boolean>(gb.length).fill(false)
  const restA: S[] = []
  for (const x of ga) {
    const k = gb.findIndex((y, idx) => !usedB[idx] && y.label === x.label)
    if (k < 0) restA.push(x)
    else {
      usedB[k] = true
      out.push({ a: x, b: gb[k]!, overlap: x.end - x.start })
    }
  }
  if (sameLabel) return
  const restB = gb.filter((_, idx) => !usedB[idx])
  for (let k = 0; k < Math.min(restA.length, restB.length); k++) out.push({ a: restA[k]!, b: restB[k]!, overlap: restA[k]!.end - restA[k]!.start })
}

/** Every A/B pair sharing at least one character: sort all spans by start and sweep, keeping the spans still open. */
export function overlapCandidates<S extends MatchSpan>(a: readonly S[], b: readonly S[], sameLabel: boolean): SpanPair<S>[] {
  const byStart = (x: S, y: S): number => x.start - y.start
  const sa = a.filter((s) => s.end > s.start).sort(byStart)
  const sb = b.filter((s) => s.end > s.start).sort(byStart)
  const openA: S[] = []
  const openB: S[] = []
  const out: SpanPair<S>[] = []
  let i = 0
  let j = 0
  // merge the two start-sorted lists (A first on equal starts), comparing each span with the other side's open spans
  while (i < sa.length || j < sb.length) {
    const fromA = j >= sb.length || (i < sa.length && sa[i]!.start <= sb[j]!.start)
    const s = fromA ? sa[i++]! : sb[j++]!
    const other = fromA ? openB : openA
    // drop spans that end at or before this start: they cannot overlap it or anything after it
    let w = 0
    for (const t of other) if (t.end > s.start) other[w++] = t
    other.length = w
    for (const t of other) {
      if (sameLabel && t.label !== s.label) continue
      const overlap = Math.min(s.end, t.end) - s.start
      out.push(fromA ? { a: s, b: t, overlap } : { a: t, b: s, overlap })
    }
    ;(fromA ? openA : openB).push(s)
  }
  return out
}

/** Order of candidate links: largest overlap first, then same label, then positions, then ids (deterministic). */
export function compareCandidates(x: SpanPair, y: SpanPair): number {
  return (
    y.overlap - x.overlap ||
    Number(y.a.label === y.b.label) - Number(x.a.label === x.b.label) ||
    x.a.start - y.a.start ||
    x.b.start - y.b.start ||
    x.a.end - y.a.end ||
    x.b.end - y.b.end ||
    cmp(x.a.id, y.a.id) ||
    cmp(x.b.id, y.b.id)
  )
}

/** Greedy one-to-one selection from candidate pairs, largest overlap first, deterministic ties (compareCandidates). */
export function greedy<S extends MatchSpan>(candidates: SpanPair<S>[], sizeA = Infinity, sizeB = Infinity): SpanPair<S>[] {
  // the leading keys of compareCandidates (overlap, same label, A's start) packed into one exact number while
  // positions stay below 2^25, so that most comparisons read one typed array
  const n = candidates.length
  const key = new Float64Array(n)
  let packable = true
  for (let i = 0; i < n; i++) {
    const c = candidates[i]!
    if (c.a.start >= 2 ** 25 || c.overlap >= 2 ** 25) packable = false
    key[i] = (2 ** 26 - (c.overlap * 2 + (c.a.label === c.b.label ? 1 : 0))) * 2 ** 25 + c.a.start
  }
  const order: number[] = []
  for (let i = 0; i < n; i++) order.push(i)
  order.sort((p, q) => (packable ? key[p]! - key[q]! : 0) || compareCandidates(candidates[p]!, candidates[q]!))
  const usedA = new Set<S>()
  const usedB = new Set<S>()
  const pairs: SpanPair<S>[] = []
  const limit = Math.min(sizeA, sizeB)
  for (const i of order) {
    if (pairs.length >= limit) break
    const p = candidates[i]!
    if (usedA.has(p.a) || usedB.has(p.b)) continue
    usedA.add(p.a)
    usedB.add(p.b)
    pairs.push(p)
  }
  return pairs
}

function byPosition(x: MatchSpan, y: MatchSpan): number {
  return x.start - y.start || x.end - y.end || cmp(x.label, y.label) || cmp(x.id, y.id)
}

function cmp(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0
}
