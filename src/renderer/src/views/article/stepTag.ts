import type { Annotation } from '@shared/domain'
import { textOrder } from './articleState'

/**
 * The tag after (dir 1) or before (dir -1) the selected one in text order, wrapping round at the ends.
 * With no tag selected it starts from a code-point position (the caret or selection), else from the text's start.
 * One pass, no sort: stepping through 2,000 tags stays well under a frame.
 */
export function stepTag(annotations: Map<string, Annotation>, selectedId: string | null, dir: 1 | -1, from = 0): string | null {
  const current = selectedId ? annotations.get(selectedId) : undefined
  // before/after the current tag, or the position when there is none (a tag starting at it counts as after)
  const after = (a: Annotation) => (current ? textOrder(a, current) > 0 : a.fragments[0]!.start >= from)
  const before = (a: Annotation) => (current ? textOrder(a, current) < 0 : a.fragments[0]!.start < from)
  let best: Annotation | undefined
  let wrap: Annotation | undefined
  for (const a of annotations.values()) {
    if (a === current) continue
    if (dir === 1 ? after(a) : before(a)) {
      if (!best || textOrder(a, best) * dir < 0) best = a
    } else if (!wrap || textOrder(a, wrap) * dir < 0) wrap = a
  }
  return (best ?? wrap)?.id ?? null
}
