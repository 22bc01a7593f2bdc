import type { Fragment } from '../domain'

/** Two tags cover the same text: the same fragments, start and end, in order. */
export function sameFragments(a: readonly Pick<Fragment, 'start' | 'end'>[], b: readonly Pick<Fragment, 'start' | 'end'>[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i]!.start !== b[i]!.start || a[i]!.end !== b[i]!.end) return false
  return true
}
