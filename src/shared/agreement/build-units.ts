import type { MatchSpan } from './span-match'

/** One unit of comparison: at most one span per coder (null where the coder marked nothing there). */
export interface AgreementUnit<S extends MatchSpan = MatchSpan> {
  spans: (S | null)[]
  /** Extent of the unit's spans. */
  start: number
  end: number
}

/**
 * Groups the spans of several coders (one list per coder, same text) into units of comparison. Every pair of spans
 * from different coders that share a character is a candidate link; links are taken from the largest shared length
 * down (ties as in span matching: same label first, then positions, then ids), and a link joins two groups only if
 * no coder would then have two spans in one group. With two coders this is exactly the one-to-one overlap matching
 * of `matchSpans` with labels ignored. A span linked to nothing is a unit of its own.
 */
export function buildUnits<S extends MatchSpan>(coders: readonly (readonly S[])[]): AgreementUnit<S>[] {
  const m = coders.length
  const spans: S[] = []
  const coderOf: number[] = []
  // each coder's spans are one contiguous block of indices, sorted by start, end, id
  const blocks: number[] = [0]
  coders.forEach((list, coder) => {
    const block: S[] = []
    for (const span of list) if (span.end > span.start) block.push(span)
    const sorted = (x: S, y: S): number => x.start - y.start || x.end - y.end || cmp(x.id, y.id)
    let inOrder = true
    for (let i = 1; i < block.length && inOrder; i++) if (sorted(block[i - 1]!, block[i]!) > 0) inOrder = false
    if (!inOrder) block.sort(sorted)
    for (const span of block) {
      spans.push(span)
      coderOf.push(coder)
    }
    blocks.push(spans.length)
  })
  const n = spans.length

  // candidate links between coders: sort by start and sweep, comparing each span with those still open
  // positions copied into typed arrays: the sort comparators below read these instead of the span objects
  const starts = new Float64Array(n)
  const ends = new Float64Array(n)
  let maxEnd = 0
  for (let i = 0; i < n; i++) {
    starts[i] = spans[i]!.start
    ends[i] = spans[i]!.end
    if (ends[i]! > maxEnd) maxEnd = ends[i]!
  }
  // merge the coders' blocks by start, ties to the lower coder: the order (start, coder, end, id)
  const order: number[] = []
  const head = blocks.slice(0, m)
  for (let taken = 0; taken < n; taken++) {
    let best = -1
    for (let c = 0; c < m; c++) if (head[c]! < blocks[c + 1]! && (best < 0 || starts[head[c]!]! < starts[head[best]!]!)) best = c
    order.push(head[best]!++)
  }
  // rank in that order stands in for the id tie-break of span matching (equal start and end: coder, then id)
  const rank = new Int32Array(n)
  order.forEach((i, r) => (rank[i] = r))
  // links in parallel arrays (no object per link): coder-order span indices, shared length, same-label flag
  const li: number[] = []
  const lj: number[] = []
  const lOverlap: number[] = []
  const lSame: number[] = []
  const open: number[] = []
  for (const i of order) {
    const span = spans[i]!
    let w = 0
    for (const j of open) if (spans[j]!.end > span.start) open[w++] = j
    open.length = w
    for (const j of open) {
      if (coderOf[j] === coderOf[i]) continue
      // the lower coder index plays "A" so that two coders reproduce matchSpans(A, B) exactly
      const lower = coderOf[j]! < coderOf[i]!
      const x = lower ? j : i
      const y = lower ? i : j
      li.push(x)
      lj.push(y)
      lOverlap.push(Math.min(span.end, spans[j]!.end) - span.start)
      lSame.push(spans[x]!.label === spans[y]!.label ? 1 : 0)
    }
    open.push(i)
  }
  // the order of compareCandidates in span matching, on numbers only: larger overlap, same label, earlier start in
  // A first, packed into one exact key while positions stay below 2^25; then B's start, the ends and the ranks
  const L = li.length
  const key = new Float64Array(L)
  if (maxEnd < 2 ** 25) for (let l = 0; l < L; l++) key[l] = (2 ** 26 - (lOverlap[l]! * 2 + lSame[l]!)) * 2 ** 25 + starts[li[l]!]!
  const compare = (p: number, q: number): number => {
    const a1 = li[p]!
    const b1 = lj[p]!
    const a2 = li[q]!
    const b2 = lj[q]!
    return (
      key[p]! - key[q]! ||
      lOverlap[q]! - lOverlap[p]! ||
      lSame[q]! - lSame[p]! ||
      starts[a1]! - starts[a2]! ||
      starts[b1]! - starts[b2]! ||
      ends[a1]! - ends[a2]! ||
      ends[b1]! - ends[b2]! ||
      rank[a1]! - rank[a2]! ||
      rank[b1]! - rank[b2]!
    )
  }
  // greedy choices in one cluster of overlapping spans never affect another: sort the links of each cluster apart
  const cluster = new Int32Array(n)
  for (let i = 0; i < n; i++) cluster[i] = i
  const top = (i: number): number => {
    while (cluster[i] !== i) i = cluster[i] = cluster[cluster[i]!]!
    return i
  }
  for (let l = 0; l < L; l++) {
    const a = top(li[l]!)
    const b = top(lj[l]!)
    if (a !== b) cluster[b] = a
  }
  const size = new Int32Array(n + 1)
  for (let l = 0; l < L; l++) size[top(li[l]!) + 1]!++
  for (let i = 0; i < n; i++) size[i + 1]! += size[i]!
  const links = new Array<number>(L)
  const fill = size.slice(0, n)
  for (let l = 0; l < L; l++) links[fill[top(li[l]!)]!++] = l
  for (let c = 0; c < n; c++) {
    const from = size[c]!
    const to = size[c + 1]!
    if (to - from < 2) continue
    const group = links.slice(from, to).sort(compare)
    for (let g = 0; g < group.length; g++) links[from + g] = group[g]!
  }

  // union-find; each root remembers which coders its group holds (a bit set, or a list beyond 30 coders)
  const parent = new Int32Array(n)
  for (let i = 0; i < n; i++) parent[i] = i
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!
    return i
  }
  const small = m <= 30
  const mask = small ? new Int32Array(n) : null
  if (mask) for (let i = 0; i < n; i++) mask[i] = 1 << coderOf[i]!
  const sets = small ? null : coderOf.map((c) => new Set([c]))
  for (const l of links) {
    const ri = find(li[l]!)
    const rj = find(lj[l]!)
    if (ri === rj) continue
    if (mask) {
      if (mask[ri]! & mask[rj]!) continue
      mask[ri] = mask[ri]! | mask[rj]!
    } else {
      const si = sets![ri]!
      const sj = sets![rj]!
      if ([...sj].some((c) => si.has(c))) continue
      for (const c of sj) si.add(c)
    }
    parent[rj] = ri
  }

  const unitOf = new Int32Array(n).fill(-1)
  const units: AgreementUnit<S>[] = []
  for (const i of order) {
    const root = find(i)
    let u = unitOf[root]!
    if (u < 0) {
      const empty: (S | null)[] = []
      for (let c = 0; c < m; c++) empty.push(null)
      u = unitOf[root] = units.length
      units.push({ spans: empty, start: Infinity, end: -Infinity })
    }
    const unit = units[u]!
    const span = spans[i]!
    unit.spans[coderOf[i]!] = span
    if (span.start < unit.start) unit.start = span.start
    if (span.end > unit.end) unit.end = span.end
  }
  // units come out in order of their earliest span (start, then coder)
  return units
}

function cmp(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0
}
