import type { Fragment, Link } from '../domain'

/** How coders' versions of one stretch of text can differ, in the order a reviewer usually settles them. */
export const DISAGREEMENT_KINDS = ['missing', 'boundary', 'label', 'attribute', 'relation'] as const
export type DisagreementKind = (typeof DISAGREEMENT_KINDS)[number]

export const DISAGREEMENT_TEXT: Record<DisagreementKind, string> = {
  missing: 'missing in a layer',
  boundary: 'boundary differs',
  label: 'label differs',
  attribute: 'attribute differs',
  relation: 'relation differs'
}

/** The part of a tag the comparison looks at. */
export interface ComparedTag {
  id: string
  annotatorId: string
  label: string
  fragments: Pick<Fragment, 'start' | 'end'>[]
  attributes: Record<string, unknown>
  links: Link[]
}

/** One stretch of text and each layer's version of it (null: the layer has no tag there). */
export interface ReviewUnit {
  /** Stable while the tags stay: the id of the unit's first tag. */
  id: string
  /** Its place in text order, from 1; details name linked units by it ("perpetrator→#3"). */
  number: number
  start: number
  end: number
  members: Record<string, string | null>
  kinds: DisagreementKind[]
  /** Plain-language differences, e.g. "label: Ana Event, Ben Actor". */
  details: string[]
}
