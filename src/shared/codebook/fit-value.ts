import type { AttributeDef } from './codebook-schema'

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/
const NUMBER = /^-?\d+(\.\d+)?$/

/** Whether a value has the shape its attribute's type asks for (allowed choices and limits are checked elsewhere). */
export function fitsType(attr: Pick<AttributeDef, 'type' | 'many'>, v: unknown): boolean {
  switch (attr.type) {
    case 'text':
      return typeof v === 'string'
    case 'number':
      return typeof v === 'number' && Number.isFinite(v)
    case 'date':
      return typeof v === 'string' && ISO_DATE.test(v)
    case 'boolean':
      return typeof v === 'boolean'
    case 'single':
      return typeof v === 'string'
    case 'multi':
      return Array.isArray(v) && v.every((x) => typeof x === 'string')
    case 'actor':
    case 'tag':
      return attr.many ? Array.isArray(v) && v.every((x) => typeof x === 'string' && x !== '') : typeof v === 'string' && v !== ''
  }
}

/**
 * A value coded under another type, turned into `attr`'s type where nothing is lost ("7" → 7, 7 → "7", "a" → ["a"],
 * ["a"] → "a"); undefined when it cannot be.
 */
export function fitValue(attr: Pick<AttributeDef, 'type' | 'many'>, v: unknown): unknown {
  if (fitsType(attr, v)) return v
  const one = Array.isArray(v) && v.length === 1 ? v[0] : v
  let converted: unknown
  switch (attr.type) {
    case 'text':
      converted = typeof one === 'number' || typeof one === 'string' ? String(one) : typeof one === 'boolean' ? (one ? 'yes' : 'no') : undefined
      break
    case 'number':
      converted = typeof one === 'string' && NUMBER.test(one.trim()) ? Number(one.trim()) : undefined
      break
    case 'date':
    case 'single':
      converted = typeof one === 'string' ? one.trim() : undefined
      break
    case 'boolean':
      converted = one === 'yes' || one === 'true' ? true : one === 'no' || one === 'false' ? false : undefined
      break
    case 'multi':
      converted = typeof v === 'string' ? [v] : undefined
      break
    case 'actor':
    case 'tag':
      converted = attr.many && typeof v === 'string' ? [v] : !attr.many ? one : undefined
      break
  }
  return converted !== undefined && fitsType(attr, converted) ? converted : undefined
}

/** The value as text, for moving a misfit into a text attribute. */
export function asText(v: unknown): string {
  return Array.isArray(v) ? v.map(String).join('; ') : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v)
}
