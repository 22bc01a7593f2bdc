import { computed, notComputable, type Computed } from './not-computable'

export type MeasurementLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio'
export type AlphaValue = string | number

export interface KrippendorffAlphaOptions {
  level: MeasurementLevel
  /** Rank order of the values for the ordinal level (lowest first); without it, numbers are ranked by size. */
  order?: readonly AlphaValue[]
}

export interface KrippendorffAlphaDetails {
  level: MeasurementLevel
  /** D_o: disagreement observed within units, from the coincidence matrix. */
  observedDisagreement: number
  /** D_e: disagreement expected from the pooled values (coincidence marginals). */
  expectedDisagreement: number
  /** n: number of pairable values (values in units that hold at least two). */
  n: number
  /** Units holding at least two values. */
  units: number
  /** Units left out because they hold fewer than two values. */
  droppedUnits: number
  /** Values left out because they do not fit the level (a string for interval, a value missing from the ordinal order, a negative ratio). */
  excludedValues: number
}

/**
 * Krippendorff's alpha from a reliability data matrix: one row per coder, one column per unit, null (or
 * undefined) where the coder gave no value. Computed as in Krippendorff (2011), "Computing Krippendorff's
 * Alpha-Reliability": alpha = 1 - D_o / D_e over the coincidence matrix of pairable values.
 */
export function krippendorffAlpha(
  data: readonly (readonly (AlphaValue | null | undefined)[])[],
  options: KrippendorffAlphaOptions
): Computed<KrippendorffAlphaDetails> {
  if (data.length < 2) return notComputable(data.length === 1 ? 'one_coder' : 'no_units')
  const unitCount = Math.max(...data.map((row) => row.length))
  const units: (AlphaValue | null)[][] = []
  for (let u = 0; u < unitCount; u++) units.push(data.map((row) => row[u] ?? null))
  return krippendorffAlphaFromUnits(units, options)
}

/** The same alpha from the values each unit received (missing values absent, or null), the form the report builder uses. */
export function krippendorffAlphaFromUnits(
  units: readonly (readonly (AlphaValue | null)[])[],
  options: KrippendorffAlphaOptions
): Computed<KrippendorffAlphaDetails> {
  const { level } = options
  const rank = rankOf(options)
  // pass 1: domain index of every accepted value; the pairable units' ids go into one flat list
  const index = new Map<AlphaValue, number>()
  const accepted: AlphaValue[] = []
  const ids: number[] = []
  const ends: number[] = []
  let excludedValues = 0
  let droppedUnits = 0
  let anyValue = false
  for (const unit of units) {
    const begin = ids.length
    for (const value of unit) {
      if (value === null || value === undefined) continue
      anyValue = true
      if (!fitsLevel(value, level, rank)) {
        excludedValues++
        continue
      }
      let id = index.get(value)
      if (id === undefined) {
        id = accepted.length
        index.set(value, id)
        accepted.push(value)
      }
      ids.push(id)
    }
    if (ids.length - begin < 2) {
      // a length write is a runtime call in V8, and most dropped units added nothing to drop
      if (ids.length > begin) ids.length = begin
      droppedUnits++
    } else ends.push(ids.length)
  }
  if (ends.length === 0) return notComputable(anyValue ? 'no_pairable_values' : 'no_units')

  // re-number the domain so that index order is rank order (ordinal) or numeric order (interval, ratio)
  const order = accepted.map((_, i) => i)
  if (level === 'ordinal') order.sort((a, b) => (rank.get(accepted[a]!) ?? 0) - (rank.get(accepted[b]!) ?? 0))
  else if (level !== 'nominal') order.sort((a, b) => (accepted[a] as number) - (accepted[b] as number))
  const position = new Int32Array(accepted.length)
  order.forEach((id, pos) => (position[id] = pos))
  const values = order.map((id) => accepted[id]!)
  const V = values.length

  // n_c: marginal totals of the coincidence matrix (each pairable value counted once)
  const marginal = new Float64Array(V)
  for (const id of ids) marginal[position[id]!]!++
  const n = ids.length
  const delta2 = distance(level, values, marginal)

  // D_o: each unit adds n_uc * n_uk / (m_u - 1) coincidences for every pair of values c, k (only c != k carry a distance)
  let observed = 0
  const counts = new Float64Array(V)
  const touched: number[] = []
  let begin = 0
  for (const end of ends) {
    touched.length = 0
    for (let t = begin; t < end; t++) {
      const c = position[ids[t]!]!
      if (counts[c] === 0) touched.push(c)
      counts[c]!++
    }
    if (touched.length > 1) {
      let unitSum = 0
      for (let x = 0; x < touched.length; x++)
        for (let y = x + 1; y < touched.length; y++) unitSum += 2 * counts[touched[x]!]! * counts[touched[y]!]! * delta2(touched[x]!, touched[y]!)
      observed += unitSum / (end - begin - 1)
    }
    for (const c of touched) counts[c] = 0
    begin = end
  }
  let expected = 0
  for (let c = 0; c < V; c++) for (let k = c + 1; k < V; k++) expected += 2 * marginal[c]! * marginal[k]! * delta2(c, k)
  const Do = observed / n
  const De = expected / (n * (n - 1))
  const details = { level, observedDisagreement: Do, expectedDisagreement: De, n, units: ends.length, droppedUnits, excludedValues }
  // a single value throughout (or all distances zero): D_e = 0 and alpha is undefined, as Krippendorff defines it
  if (De <= 0) return notComputable('no_variation')
  return computed(1 - Do / De, details)
}

function rankOf(options: KrippendorffAlphaOptions): Map<AlphaValue, number> {
  const rank = new Map<AlphaValue, number>()
  options.order?.forEach((value, i) => {
    if (!rank.has(value)) rank.set(value, i)
  })
  return rank
}

function fitsLevel(value: AlphaValue, level: MeasurementLevel, rank: Map<AlphaValue, number>): boolean {
  if (level === 'nominal') return typeof value === 'string' || Number.isFinite(value)
  if (level === 'ordinal') return rank.size > 0 ? rank.has(value) : typeof value === 'number' && Number.isFinite(value)
  if (typeof value !== 'number' || !Number.isFinite(value)) return false
  // the ratio metric (c - k) / (c + k) presumes an absolute zero: negative values have no place on it
  return level === 'interval' || value >= 0
}

/** The squared difference function delta^2(c, k) of Krippendorff (2011) for each level, over domain positions. */
function distance(level: MeasurementLevel, values: readonly AlphaValue[], marginal: Float64Array): (c: number, k: number) => number {
  if (level === 'nominal') return (c, k) => (c === k ? 0 : 1)
  if (level === 'ordinal') {
    // cumulative n_g so that sum_{g=c..k} n_g is a difference of two prefix sums
    const prefix = new Float64Array(marginal.length + 1)
    for (let g = 0; g < marginal.length; g++) prefix[g + 1] = prefix[g]! + marginal[g]!
    return (c, k) => {
      const lo = Math.min(c, k)
      const hi = Math.max(c, k)
      const d = prefix[hi + 1]! - prefix[lo]! - (marginal[lo]! + marginal[hi]!) / 2
      return d * d
    }
  }
  const x = values as readonly number[]
  if (level === 'interval') return (c, k) => (x[c]! - x[k]!) ** 2
  return (c, k) => {
    const sum = x[c]! + x[k]!
    return sum === 0 ? 0 : ((x[c]! - x[k]!) / sum) ** 2
  }
}
