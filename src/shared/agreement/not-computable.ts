/** Why a statistic could not be computed from the data it was given. */
export type NotComputableReason =
  | 'one_coder'
  | 'no_units'
  | 'no_pairable_values'
  | 'no_variation'
  | 'no_spans'
  | 'unequal_raters'
  | 'empty_continuum'
  | 'not_applicable'

/** A statistic that insufficient data left undefined, with a sentence a user can read. */
export interface NotComputable {
  ok: false
  reason: NotComputableReason
  message: string
}

/** Either a finite value with the details that produced it, or the reason there is none (never NaN). */
export type Computed<T extends object = object> = ({ ok: true; value: number } & T) | NotComputable

export const NOT_COMPUTABLE_MESSAGES: Readonly<Record<NotComputableReason, string>> = {
  one_coder: 'Only one annotator coded these articles; agreement needs at least two.',
  no_units: 'There is nothing to compare: no units were coded.',
  no_pairable_values: 'No unit was coded by at least two annotators, so there are no values to compare.',
  no_variation:
    'Every annotator used one and the same value throughout, so agreement expected by chance is total and the statistic is undefined.',
  no_spans: 'No spans were marked, so precision, recall and F1 are undefined.',
  unequal_raters: "Fleiss' kappa needs the same number of ratings (at least two) for every unit.",
  empty_continuum: 'The text is empty, so there is no stretch of characters to compare.',
  not_applicable: 'This statistic does not apply to this selection.'
}

/** Builds the "no value" branch; the message defaults to the plain-English sentence for the reason. */
export function notComputable(reason: NotComputableReason, message: string = NOT_COMPUTABLE_MESSAGES[reason]): NotComputable {
  return { ok: false, reason, message }
}

/** Last guard before a value leaves a statistic: a non-finite number becomes "no variation" rather than NaN. */
export function computed<T extends object>(value: number, details: T): Computed<T> {
  if (!Number.isFinite(value)) return notComputable('no_variation')
  return { ok: true, value, ...details }
}
