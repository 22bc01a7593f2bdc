import type { Fragment } from '../../shared/domain'
import { quoted } from '../../shared/text/quoted'

const same = (a: Fragment, b: Fragment) => a.start === b.start && a.end === b.end
const joined = (fragments: Fragment[]) => quoted(fragments.map((f) => f.quote).join(' … '), 40)

/** How the undo history names a change to a tag's fragments; null when they did not change. */
export function describeFragmentChange(label: string, before: Fragment[], after: Fragment[]): string | null {
  const added = after.filter((f) => !before.some((b) => same(b, f)))
  const removed = before.filter((b) => !after.some((f) => same(b, f)))
  if (!added.length && !removed.length) return null
  if (added.length === 1 && !removed.length) return `add fragment ${quoted(added[0]!.quote, 40)} to ${label} ${joined(before)}`
  if (removed.length === 1 && !added.length) return `remove fragment ${quoted(removed[0]!.quote, 40)} from ${label} ${joined(after)}`
  return `change the fragments of ${label} ${joined(before)}`
}
