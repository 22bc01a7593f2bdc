import { computed, notComputable, type Computed } from './not-computable'

/** A nominal category; numbers and strings are distinct categories (1 is not '1'). */
export type Category = string | number

export interface CohenKappaDetails {
  /** p_o: share of units on which the two coders gave the same category. */
  observedAgreement: number
  /** p_e: sum over categories of the product of the two coders' marginal shares. */
  expectedAgreement: number
  /** Units with a value from both coders. */
  n: number
  /** Pairs left out because one coder gave no value. */
  skipped: number
}

/**
 * Cohen's (1960) kappa for two coders on nominal data: kappa = (p_o - p_e) / (1 - p_e), where p_e uses
 * each coder's own marginal distribution. Each pair is one unit; a pair with a missing (null) value is skipped.
 */
export function cohenKappa(pairs: readonly (readonly [Category | null, Category | null])[]): Computed<CohenKappaDetails> {
  const marginA = new Map<Category, number>()
  const marginB = new Map<Category, number>()
  let n = 0
  let agree = 0
  let skipped = 0
  for (const [a, b] of pairs) {
    if (a === null || b === null) {
      skipped++
      continue
    }
    n++
    if (a === b) agree++
    marginA.set(a, (marginA.get(a) ?? 0) + 1)
    marginB.set(b, (marginB.get(b) ?? 0) + 1)
  }
  if (n === 0) return notComputable(pairs.length === 0 ? 'no_units' : 'no_pairable_values')
  let pe = 0
  for (const [category, countA] of marginA) pe += (countA / n) * ((marginB.get(category) ?? 0) / n)
  const po = agree / n
  // p_e = 1 only when both coders used one and the same category everywhere: kappa is 0/0 there
  if (1 - pe <= 1e-12) return notComputable('no_variation')
  return computed((po - pe) / (1 - pe), { observedAgreement: po, expectedAgreement: pe, n, skipped })
}
