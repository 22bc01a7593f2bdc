// Variant implemented: Krippendorff (2004, Quality & Quantity 38, 787-800; also Content Analysis 2nd ed., ch. 11):
// per label c, the binary cu-alpha (each coder's continuum is units of c versus gaps), with the expected disagreement
// of the 2004 paper, which corrects the 1995 expression (Sociological Methodology 25); over several labels,
// u-alpha = 1 - sum_c cuD_o / sum_c cuD_e. The 2016 family (|u-alpha, (c)u-alpha of Krippendorff, Mathet, Bouvry &
// Widloecher) is not implemented. The formulas need one coder's units of a label to be disjoint: overlapping units of
// the same label by the same coder are merged (and counted); units that merely touch stay separate.
import { computed, notComputable, type Computed } from './not-computable'

/** A unit placed on the continuum: [start, end) in integer positions (for text: code points). */
export interface UnitizedSpan {
  label: string
  start: number
  end: number
}

export interface UnitizingInput {
  /** Length L of the continuum; positions run from 0 to L - 1. */
  length: number
  /** One list of units per coder; every coder is taken to have unitized the whole continuum. */
  coders: readonly (readonly UnitizedSpan[])[]
}

export interface UnitizingDisagreement {
  /** cuD_o: observed disagreement between coders' unitizations of the label. */
  observedDisagreement: number
  /** cuD_e: disagreement expected when units and gaps are placed at random on the continuum. */
  expectedDisagreement: number
  /** L */
  length: number
  /** m */
  coders: number
  /** N_c: units of the label, over all coders, after merging. */
  units: number
  /** Units that overlapped an earlier unit of the same label by the same coder and were merged into it. */
  mergedOverlaps: number
}

export type UnitizingAlphaResult = Computed<UnitizingDisagreement & { label: string }>

export interface CombinedUnitizingDetails {
  observedDisagreement: number
  expectedDisagreement: number
  length: number
  coders: number
  /** Labels that entered the sum (labels nobody used have no expected disagreement and are left out). */
  labels: string[]
}

/** A half-open interval on the continuum. */
export interface Interval {
  start: number
  end: number
}

/** One coder's partition of the continuum into units and gaps, as parallel arrays. */
interface Sections {
  start: number[]
  end: number[]
  unit: boolean[]
}

/**
 * Krippendorff's unitizing alpha for one label, cu-alpha in the form of Krippendorff (2004), "Measuring the
 * reliability of qualitative text analysis data", Quality & Quantity 38: each coder's continuum is split into
 * units of the label and the gaps between them; alpha = 1 - cuD_o / cuD_e.
 */
export function unitizingAlpha(input: UnitizingInput, label: string): UnitizingAlphaResult {
  const result = unitizingDisagreement(
    input.length,
    input.coders.map((spans) => spans.filter((s) => s.label === label))
  )
  return result.ok ? { ...result, label } : result
}

/**
 * The combined coefficient over several labels, u-alpha = 1 - sum_c cuD_o / sum_c cuD_e (Krippendorff 2004),
 * each label judged on its own continuum of units and gaps. Labels default to every label used by any coder.
 */
export function unitizingAlphaCombined(input: UnitizingInput, labels?: readonly string[]): Computed<CombinedUnitizingDetails> {
  const wanted = labels ?? [...new Set(input.coders.flatMap((spans) => spans.map((s) => s.label)))].sort()
  const parts: { label: string; result: Computed<UnitizingDisagreement> }[] = wanted.map((label) => ({
    label,
    result: unitizingDisagreement(
      input.length,
      input.coders.map((spans) => spans.filter((s) => s.label === label))
    )
  }))
  return combineUnitizing(parts, input.length, input.coders.length)
}

/** Sums per-label disagreements into the combined coefficient; labels that could not be computed are left out. */
export function combineUnitizing(
  parts: readonly { label: string; result: Computed<UnitizingDisagreement> }[],
  length: number,
  coders: number
): Computed<CombinedUnitizingDetails> {
  if (coders < 2) return notComputable('one_coder')
  if (length <= 0) return notComputable('empty_continuum')
  let Do = 0
  let De = 0
  const used: string[] = []
  for (const { label, result } of parts) {
    if (!result.ok) continue
    Do += result.observedDisagreement
    De += result.expectedDisagreement
    used.push(label)
  }
  if (used.length === 0) return notComputable('no_units', 'No annotator marked any unit of these labels, so there is nothing to compare.')
  if (De <= 0) return notComputable('no_variation')
  return computed(1 - Do / De, { observedDisagreement: Do, expectedDisagreement: De, length, coders, labels: used })
}

/**
 * cuD_o and cuD_e for one label, given each coder's units of that label (any order, may overlap: overlapping
 * units of one coder are merged, adjacent ones stay separate units). Units are clipped to [0, length).
 */
export function unitizingDisagreement(length: number, coders: readonly (readonly Interval[])[]): Computed<UnitizingDisagreement> {
  return unitizingDisagreements(length, coders, [coders.map((_, c) => c)])[0]!
}

/**
 * The same for several groups of the coders on one continuum (say all of them, and each pair): a group's figures are
 * those of its coders alone, but each coder's units are partitioned once and each pair of coders compared once.
 */
export function unitizingDisagreements(
  length: number,
  coders: readonly (readonly Interval[])[],
  groups: readonly (readonly number[])[]
): Computed<UnitizingDisagreement>[] {
  const L = Math.floor(length)
  const partitions: (Partition | undefined)[] = []
  const partitionOf = (c: number): Partition => (partitions[c] ??= partition(coders[c]!, L))
  const distances = new Map<number, number>()
  const distanceOf = (i: number, j: number): number => {
    const key = Math.min(i, j) * coders.length + Math.max(i, j)
    let d = distances.get(key)
    if (d === undefined) distances.set(key, (d = pairDistance(partitionOf(i).sections, partitionOf(j).sections)))
    return d
  }
  return groups.map((group) => {
    const m = group.length
    if (m < 2) return notComputable('one_coder')
    if (!(length > 0)) return notComputable('empty_continuum')
    const parts = group.map(partitionOf)
    let Nc = 0
    let gapCount = 0
    let mergedOverlaps = 0
    for (const part of parts) {
      Nc += part.unitLengths.length
      gapCount += part.gapLengths.length
      mergedOverlaps += part.merged
    }
    if (Nc === 0) return notComputable('no_units', 'No annotator marked this label, so there is nothing to compare.')

    // observed: every pair of coders, every pair of their sections that share a position (a sweep over two partitions)
    let observed = 0
    for (let x = 0; x < m; x++) for (let y = x + 1; y < m; y++) observed += distanceOf(group[x]!, group[y]!)
    const Do = (2 * observed) / (m * (m - 1) * L * L)

    // expected: each unit of length l against every unit (length-only term) and every gap at least l long
    const gaps = new Float64Array(gapCount)
    let at = 0
    for (const part of parts) for (const gap of part.gapLengths) gaps[at++] = gap
    gaps.sort()
    const suffix = new Float64Array(gaps.length + 1)
    for (let g = gaps.length - 1; g >= 0; g--) suffix[g] = suffix[g + 1]! + gaps[g]!
    let numerator = 0
    let unitSquares = 0
    for (const part of parts)
      for (const l of part.unitLengths) {
        const first = lowerBound(gaps, l)
        const fitting = gaps.length - first
        // sum over gaps g >= l of (g - l + 1)
        const placements = suffix[first]! - (l - 1) * fitting
        numerator += ((Nc - 1) * (2 * l * l * l - 3 * l * l + l)) / 3 + l * l * placements
        unitSquares += l * (l - 1)
      }
    const De = ((2 / L) * numerator) / (m * L * (m * L - 1) - unitSquares)
    if (!(De > 0)) return notComputable('no_variation')
    return computed(1 - Do / De, { observedDisagreement: Do, expectedDisagreement: De, length: L, coders: m, units: Nc, mergedOverlaps })
  })
}

/** One coder's continuum cut into units and gaps, with their lengths. */
interface Partition {
  sections: Sections
  unitLengths: number[]
  gapLengths: number[]
  /** Overlapping units merged into an earlier one. */
  merged: number
}

function partition(spans: readonly Interval[], L: number): Partition {
  const { starts, ends, merged } = normalise(spans, L)
  const sections: Sections = { start: [], end: [], unit: [] }
  const unitLengths: number[] = []
  const gapLengths: number[] = []
  const push = (start: number, end: number, unit: boolean): void => {
    sections.start.push(start)
    sections.end.push(end)
    sections.unit.push(unit)
    ;(unit ? unitLengths : gapLengths).push(end - start)
  }
  let pos = 0
  for (let u = 0; u < starts.length; u++) {
    if (starts[u]! > pos) push(pos, starts[u]!, false)
    push(starts[u]!, ends[u]!, true)
    pos = ends[u]!
  }
  if (pos < L) push(pos, L, false)
  return { sections, unitLengths, gapLengths, merged }
}

/** Clips to the continuum, drops empty units, sorts, and merges units of one coder that share a position. */
function normalise(spans: readonly Interval[], L: number): { starts: number[]; ends: number[]; merged: number } {
  const clipped: Interval[] = []
  for (const s of spans) {
    const start = Math.max(0, Math.floor(s.start))
    const end = Math.min(L, Math.floor(s.end))
    if (end > start) clipped.push(start === s.start && end === s.end ? s : { start, end })
  }
  let inOrder = true
  for (let i = 1; i < clipped.length && inOrder; i++) inOrder = clipped[i - 1]!.start < clipped[i]!.start || (clipped[i - 1]!.start === clipped[i]!.start && clipped[i - 1]!.end <= clipped[i]!.end)
  if (!inOrder) clipped.sort((a, b) => a.start - b.start || a.end - b.end)
  const starts: number[] = []
  const ends: number[] = []
  let merged = 0
  for (const s of clipped) {
    const last = ends.length - 1
    // the formulas assume one coder's units never overlap; touching units (end === start) remain two units
    if (last >= 0 && s.start < ends[last]!) {
      if (s.end > ends[last]!) ends[last] = s.end
      merged++
    } else {
      starts.push(s.start)
      ends.push(s.end)
    }
  }
  return { starts, ends, merged }
}

/** Sum of the squared distances between all overlapping section pairs of two coders (Krippendorff 2004). */
function pairDistance(a: Sections, b: Sections): number {
  let total = 0
  let i = 0
  let j = 0
  const na = a.start.length
  const nb = b.start.length
  while (i < na && j < nb) {
    const s0 = a.start[i]!
    const s1 = a.end[i]!
    const t0 = b.start[j]!
    const t1 = b.end[j]!
    const su = a.unit[i]!
    const tu = b.unit[j]!
    // sections visited together always share a position: overlapping units add the squared differences of their
    // beginnings and ends; a unit lying wholly inside the other coder's gap adds its squared length
    if (su && tu) total += (s0 - t0) ** 2 + (s1 - t1) ** 2
    else if (su && !tu) total += t0 <= s0 && s1 <= t1 ? (s1 - s0) ** 2 : 0
    else if (!su && tu) total += s0 <= t0 && t1 <= s1 ? (t1 - t0) ** 2 : 0
    if (s1 < t1) i++
    else if (t1 < s1) j++
    else {
      i++
      j++
    }
  }
  return total
}

function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! < value) lo = mid + 1
    else hi = mid
  }
  return lo
}
