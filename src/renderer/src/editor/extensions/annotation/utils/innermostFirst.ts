import type { AnnotationItem } from '../types'

/**
 * Tag ids ordered innermost first, the likeliest target of a click or hover: by the length of each tag's
 * fragment covering `pos` (a tag with far-apart fragments is not "outer" for that), else by its whole extent.
 */
export function innermostFirst(ids: string[], items: ReadonlyMap<string, AnnotationItem>, pos?: number): string[] {
  const size = (id: string) => {
    const r = items.get(id)?.ranges ?? []
    const here = pos === undefined ? undefined : r.find((x) => x.from <= pos && pos < x.to)
    if (here) return here.to - here.from
    return r.length ? r[r.length - 1]!.to - r[0]!.from : Infinity
  }
  return [...ids].sort((a, b) => size(a) - size(b))
}
