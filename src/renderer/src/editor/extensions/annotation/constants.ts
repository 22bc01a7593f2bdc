export const TAG_CLASS = 'sw-tag'
export const SELECTED_CLASS = 'sw-tag-selected'
/** Underline lanes: overlapping tags get different lanes so every underline stays visible. */
export const MAX_LANE = 5
export const TAG_ID_ATTR = 'data-tag-id'
