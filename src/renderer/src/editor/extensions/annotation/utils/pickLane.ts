import type { DecorationSet } from '@tiptap/pm/view'

/** The lowest underline lane no overlapping tag uses, so overlaps never hide each other. */
export function pickLane(set: DecorationSet, ranges: { from: number; to: number }[], laneOf: (id: string) => number | undefined, self: string): number {
  const used = new Set<number>()
  for (const r of ranges) {
    for (const d of set.find(r.from, r.to, (spec: { id?: string }) => spec.id !== self)) {
      if (d.from < r.to && d.to > r.from) {
        const lane = laneOf((d.spec as { id: string }).id)
        if (lane !== undefined) used.add(lane)
      }
    }
  }
  let lane = 0
  while (used.has(lane)) lane++
  return lane
}
