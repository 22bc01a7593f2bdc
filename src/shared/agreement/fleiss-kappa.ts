import type { Category } from './cohen-kappa'
import { computed, notComputable, type Computed } from './not-computable'

export interface FleissKappaDetails {
  /** P-bar: mean over subjects of the share of agreeing rater pairs. */
  observedAgreement: number
  /** P-bar_e: sum of squared overall category proportions. */
  expectedAgreement: number
  /** Subjects (units). */
  n: number
  /** Ratings per subject. */
  raters: number
}

/**
 * Fleiss' (1971) kappa: every subject is rated by the same number m >= 2 of raters (not necessarily the same
 * people) into nominal categories. kappa = (P-bar - P-bar_e) / (1 - P-bar_e). Input: one array of categories per subject.
 */
export function fleissKappa(subjects: readonly (readonly Category[])[]): Computed<FleissKappaDetails> {
  if (subjects.length === 0) return notComputable('no_units')
  const m = subjects[0]?.length ?? 0
  if (m < 2 || subjects.some((ratings) => ratings.length !== m)) return notComputable('unequal_raters')
  // categories as small integers so that each subject is counted in a reused array
  const index = new Map<Category, number>()
  const totals: number[] = []
  const counts: number[] = []
  const touched: number[] = []
  let sumPi = 0
  for (const ratings of subjects) {
    touched.length = 0
    for (const category of ratings) {
      let id = index.get(category)
      if (id === undefined) {
        id = totals.length
        index.set(category, id)
        totals.push(0)
        counts.push(0)
      }
      if (counts[id] === 0) touched.push(id)
      counts[id]!++
    }
    let sumSquares = 0
    for (const id of touched) {
      const count = counts[id]!
      sumSquares += count * count
      totals[id]! += count
      counts[id] = 0
    }
    sumPi += (sumSquares - m) / (m * (m - 1))
  }
  const n = subjects.length
  const pBar = sumPi / n
  let pe = 0
  for (const total of totals) pe += (total / (n * m)) ** 2
  // every rating in one category: P-bar_e = 1 and kappa is 0/0
  if (1 - pe <= 1e-12) return notComputable('no_variation')
  return computed((pBar - pe) / (1 - pe), { observedAgreement: pBar, expectedAgreement: pe, n, raters: m })
}
