import type { Fragment } from '../../shared/domain'
import { shortQuote } from './short-quote'

const same = (a: Fragment, b: Fragment) => a.start === b.start && a.end === b.end
const joined = (fragments: Fragment[]) => `“${shortQuote(fragments.map((f) => f.quote).join(' … '))}”`

/** How the undo history names a change to a tag's fragments; null when they did not change. */
export function describeFragmentChange(label: string, before: Fragment[], after: Fragment[]): string | null {
  const added = after.filter((f) => !before.some((b) => same(b, f)))
  const removed = before.filter((b) => !after.some((f) => same(b, f)))
  if (!added.length && !removed.length) return null
  if (added.length === 1 && !removed.length) return `add fragment “${shortQuote(added[0]!.quote)}” to ${label} ${joined(before)}`
  if (removed.length === 1 && !added.length) return `remove fragment “${shortQuote(removed[0]!.quote)}” from ${label} ${joined(after)}`
  return `change the fragments of ${label} ${joined(before)}`
}
