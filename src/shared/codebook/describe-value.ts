import type { AttributeDef } from './codebook-schema'

/**
 * An attribute value as a reviewer reads it: choices by their labels, yes/no, actors by name (`actorName`), several
 * values sorted and joined; "(empty)" for no value. Keys the codebook lacks show as stored.
 */
export function describeValue(def: AttributeDef | undefined, value: unknown, actorName: (id: string) => string = (id) => id): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return '(empty)'
  const one = (v: unknown): string => {
    if (def?.type === 'single' || def?.type === 'multi') return def.values?.find((c) => c.value === v)?.label ?? String(v)
    if (def?.type === 'boolean' && typeof v === 'boolean') return v ? 'yes' : 'no'
    if (def?.type === 'actor' && typeof v === 'string') return actorName(v)
    return typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v)
  }
  return Array.isArray(value) ? value.map(one).sort().join(' | ') : one(value)
}
