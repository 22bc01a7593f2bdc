/**
 * A value parsed from an imported JSON file as text, for ids, fields and messages: strings as they are, anything
 * else as its JSON. String() and template literals throw on an object whose "toString" is not a function.
 */
export function jsonValueText(value: unknown): string {
  if (typeof value === 'string') return value
  return JSON.stringify(value) ?? 'undefined'
}
