import type { AttributeDef, Codebook } from './codebook-schema'
import { quoted } from '../text/quoted'

/** A problem with one attribute value of a tag, keyed by the attribute. */
export interface AttributeProblem {
  key: string
  message: string
  /** 'missing' only flags an incomplete tag (it may be saved); 'invalid' values are refused. */
  kind: 'missing' | 'invalid'
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

// a real calendar day: 2025-02-30 has the right shape but does not exist
function isCalendarDate(v: string): boolean {
  if (!ISO_DATE.test(v)) return false
  const d = new Date(`${v}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)
}

function checkValue(attr: AttributeDef, v: unknown, all: Record<string, unknown>): string | null {
  switch (attr.type) {
    case 'text':
      return typeof v === 'string' ? null : 'must be text'
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return 'must be a number'
      if (attr.min !== undefined && v < attr.min) return `must be at least ${attr.min}`
      if (attr.max !== undefined && v > attr.max) return `must be at most ${attr.max}`
      return null
    case 'date':
      return typeof v === 'string' && isCalendarDate(v) ? null : 'must be a date as YYYY-MM-DD'
    case 'boolean':
      return typeof v === 'boolean' ? null : 'must be yes or no'
    case 'single':
    case 'multi': {
      const list = attr.type === 'single' ? [v] : Array.isArray(v) ? v : null
      if (!list) return 'must be a list of values'
      for (const item of list) {
        const choice = attr.values?.find((c) => c.value === item)
        if (!choice) return `${quoted(String(item))} is not an allowed value (allowed: ${attr.values?.map((c) => c.value).join(', ')})`
        const parentValue = attr.dependsOn ? all[attr.dependsOn] : undefined
        if (attr.dependsOn && !isEmpty(parentValue) && choice.parent !== parentValue)
          return `${quoted(choice.label)} does not belong to ${attr.dependsOn} ${quoted(String(parentValue))}`
      }
      return null
    }
    case 'actor':
    case 'tag': {
      const list = attr.many ? (Array.isArray(v) ? v : null) : [v]
      if (!list || !list.every((x) => typeof x === 'string' && x.length > 0)) return attr.many ? 'must be a list of references' : 'must be a reference'
      return null
    }
  }
}

/** Checks a tag's attributes against its label in the codebook: types, allowed values, required ones and rules. */
export function validateAttributes(codebook: Codebook, labelName: string, attributes: Record<string, unknown>): AttributeProblem[] {
  const label = codebook.labels.find((l) => l.name === labelName)
  if (!label) return [{ key: '', message: `the codebook has no label ${quoted(labelName)}`, kind: 'invalid' }]
  const problems: AttributeProblem[] = []
  for (const k of Object.keys(attributes)) {
    if (!label.attributes.some((a) => a.key === k)) problems.push({ key: k, message: `${labelName} has no attribute ${quoted(k)}`, kind: 'invalid' })
  }
  for (const attr of label.attributes) {
    const v = attributes[attr.key]
    if (isEmpty(v)) {
      if (attr.required) problems.push({ key: attr.key, message: `${attr.name} is missing`, kind: 'missing' })
      continue
    }
    const problem = checkValue(attr, v, attributes)
    if (problem) problems.push({ key: attr.key, message: `${attr.name} ${problem}`, kind: 'invalid' })
  }
  for (const rule of codebook.rules) {
    if (rule.label !== labelName) continue
    const a = attributes[rule.a]
    const b = attributes[rule.b]
    if (isEmpty(a) || isEmpty(b) || problems.some((p) => p.key === rule.a || p.key === rule.b)) continue
    if ((a as number | string) > (b as number | string)) {
      const nameOf = (k: string) => label.attributes.find((x) => x.key === k)?.name ?? k
      problems.push({ key: rule.b, message: rule.message ?? `${nameOf(rule.a)} (${String(a)}) is after ${nameOf(rule.b)} (${String(b)})`, kind: 'invalid' })
    }
  }
  return problems
}

/** The keys of a tag's required attributes that are still empty: the tag is incomplete until they are coded. */
export function missingAttributes(codebook: Codebook, labelName: string, attributes: Record<string, unknown>): string[] {
  const label = codebook.labels.find((l) => l.name === labelName)
  return label ? label.attributes.filter((a) => a.required && isEmpty(attributes[a.key])).map((a) => a.key) : []
}
