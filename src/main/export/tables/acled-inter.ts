// ACLED's actor type codes (inter1/inter2), looked up from the registry's free-text actor type
const INTER: Record<string, number> = {
  state_forces: 1,
  rebel_group: 2,
  political_militia: 3,
  identity_militia: 4,
  rioters: 5,
  protesters: 6,
  civilians: 7,
  external_other: 8,
  other: 8
}

/** ACLED's inter code (1–8) for a registry actor type such as "rebel_group" or "2"; null when it is not one of them. */
export function acledInter(type: string): number | null {
  const key = type.trim().toLowerCase().replace(/[\s-]+/g, '_')
  if (/^[1-8]$/.test(key)) return Number(key)
  return INTER[key] ?? null
}

/** ACLED's interaction code: both inter codes, lower first (e.g. 27), or one actor's code times ten (e.g. 20). */
export function acledInteraction(inter1: number | null, inter2: number | null): number | null {
  if (inter1 === null) return null
  if (inter2 === null) return inter1 * 10
  return Math.min(inter1, inter2) * 10 + Math.max(inter1, inter2)
}
