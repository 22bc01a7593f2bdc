/** Two tags' attributes say the same: keys in any order, empty values (null, '', []) the same as absent. */
export function sameAttributes(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return canonical(a) === canonical(b)
}

function canonical(attributes: Record<string, unknown>): string {
  const kept = Object.keys(attributes)
    .filter((k) => {
      const v = attributes[k]
      return v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)
    })
    .sort()
  return JSON.stringify(kept.map((k) => [k, attributes[k]]))
}
