import { ID_CLASS_PREFIX } from '../constants'

/** The ids of every tag covering a piece of text, read from its element's classes. */
export function tagIdsOf(el: Element): string[] {
  return [...el.classList].filter((c) => c.startsWith(ID_CLASS_PREFIX)).map((c) => c.slice(ID_CLASS_PREFIX.length))
}
