/** The Annotations a W3C JSON-LD document holds: a single Annotation, a list, an AnnotationPage or a Collection with embedded pages. */
export function w3cAnnotationItems(value: unknown): { items: Record<string, unknown>[]; pagesByReference: boolean } {
  const items: Record<string, unknown>[] = []
  let pagesByReference = false
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(visit)
    if (!v || typeof v !== 'object') return
    const o = v as Record<string, unknown>
    const types = ([] as unknown[]).concat(o['type'] ?? o['@type'] ?? [])
    if (types.includes('AnnotationCollection')) {
      if (typeof o['first'] === 'string') pagesByReference = true
      else visit(o['first'])
    } else if (types.includes('AnnotationPage')) {
      visit(o['items'])
      if (o['next'] && typeof o['next'] === 'object') visit(o['next'])
    } else if (types.includes('Annotation')) items.push(o)
  }
  visit(value)
  return { items, pagesByReference }
}
