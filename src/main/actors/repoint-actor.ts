/** Attributes with every reference to actor `from` pointing at `into` instead (a list keeps each actor once). */
export function repointActor(attributes: Record<string, unknown>, from: string, into: string): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(attributes)) {
    if (v === from) out[k] = into
    else if (Array.isArray(v) && v.includes(from)) out[k] = [...new Set(v.map((x) => (x === from ? into : x)))]
    else out[k] = v
  }
  return out
}
