import type { Annotation } from '../../../shared/domain'

/** Separates the quotes of a discontinuous tag's fragments in one cell. */
export const FRAGMENT_QUOTE_SEPARATOR = ' … '

/** A tag's text: its fragments' quotes in order, joined by " … ". */
export function tagQuote(tag: Annotation): string {
  return tag.fragments.map((f) => f.quote).join(FRAGMENT_QUOTE_SEPARATOR)
}
