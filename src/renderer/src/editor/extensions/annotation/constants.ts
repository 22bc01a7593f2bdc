export const TAG_CLASS = 'sw-tag'
export const SELECTED_CLASS = 'sw-tag-selected'
/** Marks a tag whose required attributes are not all coded yet. */
export const INCOMPLETE_CLASS = 'sw-tag-incomplete'
/** Each tag adds `sw-id-<id>` to the text it covers; overlapping tags' classes merge onto one element. */
export const ID_CLASS_PREFIX = 'sw-id-'
/** Underline lanes 0..MAX_LANE: overlapping tags get different lanes so every underline stays visible. */
export const MAX_LANE = 3
/** Document positions decorated in the first frame: about one and a half screens of text. */
export const FIRST_WINDOW = 3000
/** The rest of a long article is decorated in chunks this size, one task each. */
export const REVEAL_CHUNK = 5000
