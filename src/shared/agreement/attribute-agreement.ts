import type { AttributeStats, ReportAttribute, ReportTag } from './agreement-report'
import type { AgreementUnit } from './build-units'
import { krippendorffAlphaFromUnits, type AlphaValue } from './krippendorff-alpha'
import { notComputable } from './not-computable'

/** One attribute's values in one article: the values of each unit in which some annotator gave the attribute's label. */
export interface AttributeTally {
  units: AlphaValue[][]
  multiValued: number
  excludedValues: number
}

/**
 * Every attribute's values in one article, in one pass over its units (one tally per attribute, in order). A unit
 * counts for an attribute when some annotator's tag in it has the attribute's label; each such tag adds its value.
 */
export function tallyAttributes(attributes: readonly ReportAttribute[], units: readonly AgreementUnit<ReportTag>[]): AttributeTally[] {
  const tallies: AttributeTally[] = attributes.map(() => ({ units: [], multiValued: 0, excludedValues: 0 }))
  const byLabel = new Map<string, number[]>()
  attributes.forEach((a, i) => {
    const list = byLabel.get(a.label)
    if (list) list.push(i)
    else byLabel.set(a.label, [i])
  })
  for (const { spans } of units)
    for (let s = 0; s < spans.length; s++) {
      const label = spans[s]?.label
      const wanted = label === undefined ? undefined : byLabel.get(label)
      if (!wanted) continue
      // the unit is taken once per label: at the first tag that carries it
      let seen = false
      for (let r = 0; r < s && !seen; r++) seen = spans[r]?.label === label
      if (seen) continue
      for (const i of wanted) {
        const attribute = attributes[i]!
        const tally = tallies[i]!
        const values: AlphaValue[] = []
        for (let r = s; r < spans.length; r++) {
          const span = spans[r]
          if (!span || span.label !== label) continue
          const raw = span.attributes[attribute.key]
          const v = attributeValue(raw, attribute)
          if (Array.isArray(raw) && raw.length > 0) tally.multiValued++
          if (v === UNUSABLE) tally.excludedValues++
          else if (v !== null) values.push(v)
        }
        tally.units.push(values)
      }
    }
  return tallies
}

/**
 * Krippendorff's alpha of one attribute over the tallies of some articles: all included articles for the corpus-wide
 * figure, a single one for that article's. `where` ends the sentence given when nobody used the label.
 */
export function attributeAgreement(attribute: ReportAttribute, tallies: readonly AttributeTally[], where: string): AttributeStats {
  const units: AlphaValue[][] = tallies.length === 1 ? tallies[0]!.units : []
  let multiValued = 0
  let excludedValues = 0
  for (const tally of tallies) {
    if (tallies.length > 1) for (const unit of tally.units) units.push(unit)
    multiValued += tally.multiValued
    excludedValues += tally.excludedValues
  }
  const options = attribute.level === 'ordinal' && attribute.order && attribute.order.length > 0 ? { level: attribute.level, order: attribute.order } : { level: attribute.level }
  const alpha =
    tallies.length === 0
      ? notComputable('no_units')
      : units.length === 0
        ? notComputable('no_units', `No annotator used the label "${attribute.label}" ${where}.`)
        : krippendorffAlphaFromUnits(units, options)
  return { label: attribute.label, key: attribute.key, ...(attribute.name ? { name: attribute.name } : {}), level: attribute.level, alpha, units: units.length, multiValued, excludedValues }
}

/** Marks a stored value that cannot be used at the attribute's level. */
export const UNUSABLE = Symbol('unusable')

/**
 * Turns a stored attribute value into a value for alpha at the given level: null for missing (empty), UNUSABLE for a
 * value left out. Arrays (multiple choice) become one nominal value, the sorted set joined with " | ".
 */
export function attributeValue(raw: unknown, attribute: Pick<ReportAttribute, 'level' | 'order'>): AlphaValue | null | typeof UNUSABLE {
  const { level } = attribute
  if (raw === null || raw === undefined || raw === '') return null
  if (Array.isArray(raw)) {
    const items: string[] = []
    for (const x of raw) {
      if (x === null || x === undefined || x === '') continue
      if (typeof x !== 'string' && typeof x !== 'number' && typeof x !== 'boolean') return UNUSABLE
      items.push(String(x))
    }
    if (items.length === 0) return null
    // a set of choices is one nominal value: codings agree only when the sets are identical
    return level === 'nominal' ? [...new Set(items)].sort().join(' | ') : UNUSABLE
  }
  if (typeof raw === 'object') return UNUSABLE
  if (level === 'nominal') return String(raw)
  if (level === 'ordinal' && attribute.order && attribute.order.length > 0) {
    const s = String(raw)
    return attribute.order.includes(s) ? s : UNUSABLE
  }
  const n = toNumber(raw)
  if (n === null || (level === 'ratio' && n < 0)) return UNUSABLE
  return n
}

/** Numbers, numeric strings, and ISO dates (YYYY-MM-DD, as days since 1970 so that intervals are in days). */
function toNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null
  if (typeof raw !== 'string') return null
  const s = raw.trim()
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (date) {
    const ms = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]))
    return Number.isFinite(ms) ? ms / 86_400_000 : null
  }
  if (s === '') return null
  const n = Number(s)
  return Number.isFinite(n) ? n : null
}
