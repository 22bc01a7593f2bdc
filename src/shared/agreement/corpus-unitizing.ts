import { notComputable, type Computed, type NotComputable } from './not-computable'
import {
  combineUnitizing,
  unitizingDisagreements,
  type CombinedUnitizingDetails,
  type Interval,
  type UnitizedSpan,
  type UnitizingDisagreement
} from './unitizing-alpha'

/** What unitizing needs of an included article: its length in code points and each coder's tags, by coder index. */
export interface UnitizedArticle {
  article: { length: number }
  spans: readonly (readonly UnitizedSpan[])[]
}

export interface CorpusUnitizing {
  perLabel: { label: string; result: Computed<UnitizingDisagreement & { articles: number }> }[]
  /** The combined coefficient over every label. */
  combined: Computed<CombinedUnitizingDetails & { articles: number }>
}

/**
 * Unitizing alpha per label and over all labels for each group of coders (coder indices), on the given articles laid
 * end to end (each shifted by the lengths before it) and treated as one text; one result per group, each as if only
 * its coders were selected. `none` is the answer when there is no article.
 */
export function corpusUnitizing(
  articles: readonly UnitizedArticle[],
  groups: readonly (readonly number[])[],
  labels: readonly string[],
  none: NotComputable
): CorpusUnitizing[] {
  const n = articles.length
  const coders = [...new Set(groups.flat())].sort((x, y) => x - y)
  const { length, perLabel: intervals } = n === 0 ? { length: 0, perLabel: [] } : concatenated(articles, coders, labels)
  const position = new Map(coders.map((c, i) => [c, i]))
  const local = groups.map((group) => group.map((c) => position.get(c)!))
  // [label][group]: every group of one label from the same partitions of the coders' units
  const results = n === 0 ? [] : labels.map((_, l) => unitizingDisagreements(length, intervals[l]!, local))
  return groups.map((group, g) => {
    const missing = group.length < 2 ? notComputable('one_coder') : n === 0 ? none : null
    if (missing) return { perLabel: labels.map((label) => ({ label, result: missing })), combined: missing }
    const perLabel = labels.map((label, l) => {
      const r = results[l]![g]!
      return { label, result: r.ok ? { ...r, articles: n } : r }
    })
    const combined = combineUnitizing(perLabel, length, group.length)
    return { perLabel, combined: combined.ok ? { ...combined, articles: n } : combined }
  })
}

/** Each coder's units of each label on the articles laid end to end, in one pass over the tags: [label][coder]. */
function concatenated(
  articles: readonly UnitizedArticle[],
  coders: readonly number[],
  labels: readonly string[]
): { length: number; perLabel: Interval[][][] } {
  const index = new Map(labels.map((label, l) => [label, l]))
  const perLabel = labels.map(() => coders.map((): Interval[] => []))
  const own = labels.map((): Interval[] => [])
  const byStart = (x: Interval, y: Interval): number => x.start - y.start || x.end - y.end
  let offset = 0
  for (const p of articles) {
    coders.forEach((c, i) => {
      for (const list of own) list.length = 0
      for (const s of p.spans[c]!) {
        const l = index.get(s.label)
        if (l !== undefined) own[l]!.push({ start: offset + s.start, end: offset + s.end })
      }
      // sorted article by article, so that the whole list arrives in order and needs no sort of its own
      own.forEach((list, l) => {
        if (list.length > 1) list.sort(byStart)
        const out = perLabel[l]![i]!
        for (const s of list) out.push(s)
      })
    })
    offset += p.article.length
  }
  return { length: offset, perLabel }
}
