import type { CpRange } from '../../../shared/offsets'

/** The ranges that overlap no earlier one: the first in text order wins, the longest when two start together. */
export function firstNonOverlapping<T extends CpRange>(ranges: T[]): { kept: T[]; dropped: T[] } {
  const ordered = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: T[] = []
  const dropped: T[] = []
  for (const r of ordered) {
    if (kept.length > 0 && r.start < kept[kept.length - 1]!.end) dropped.push(r)
    else kept.push(r)
  }
  return { kept, dropped }
}
