import { DISAGREEMENT_KINDS, type ComparedTag, type DisagreementKind, type ReviewUnit } from './review-unit'

export interface ClassifyOptions {
  /** Annotator id → name, for the details. */
  names?: Record<string, string>
  /** Attribute keys whose values are ids of other tags: compared by the unit they point into, not by id. */
  tagRefKeys?: readonly string[]
}

interface Building {
  members: Map<string, ComparedTag>
  start: number
  end: number
}

/**
 * Aligns the layers' tags of one article into units (at most one tag per layer, tags that share text) and
 * says how each unit's versions differ. Layers are aligned one after another: each tag joins the unit it
 * overlaps most, preferring a unit with the same label; the pairing is one-to-one and deterministic.
 */
export function classifyDisagreements(tags: readonly ComparedTag[], layers: readonly string[], options: ClassifyOptions = {}): ReviewUnit[] {
  const names = options.names ?? {}
  const tagRefKeys = new Set(options.tagRefKeys ?? [])
  const byLayer = new Map<string, ComparedTag[]>(layers.map((l) => [l, []]))
  for (const t of tags) byLayer.get(t.annotatorId)?.push(t)
  const units: Building[] = []
  for (const layer of layers) {
    const own = byLayer.get(layer)!.slice().sort(byPosition)
    const free = units.filter((u) => !u.members.has(layer)).sort((a, b) => a.start - b.start || a.end - b.end)
    const pairs = candidatePairs(own, free)
    const taken = new Set<Building>()
    const placed = new Set<ComparedTag>()
    for (const p of pairs) {
      if (taken.has(p.unit) || placed.has(p.tag)) continue
      taken.add(p.unit)
      placed.add(p.tag)
      p.unit.members.set(layer, p.tag)
      p.unit.start = Math.min(p.unit.start, extent(p.tag).start)
      p.unit.end = Math.max(p.unit.end, extent(p.tag).end)
    }
    for (const t of own) if (!placed.has(t)) units.push({ members: new Map([[layer, t]]), ...extent(t) })
  }
  const unitOf = new Map<string, Building>()
  for (const u of units) for (const t of u.members.values()) unitOf.set(t.id, u)
  const ids = new Map(units.map((u) => [u, [...u.members.values()].sort(byPosition)[0]!.id]))
  units.sort((a, b) => a.start - b.start || b.end - a.end || ids.get(a)!.localeCompare(ids.get(b)!))
  const numbers = new Map(units.map((u, i) => [u, i + 1]))
  // a link or reference agrees when it points into the same unit (shown by its number), whatever the target's id
  const unitIdOf = (tagId: string) => {
    const target = unitOf.get(tagId)
    return target ? `#${numbers.get(target)!}` : 'a tag outside these layers'
  }
  return units.map((u) => describe(u, ids.get(u)!, numbers.get(u)!, layers, names, tagRefKeys, unitIdOf))
}

function describe(
  u: Building,
  id: string,
  number: number,
  layers: readonly string[],
  names: Record<string, string>,
  tagRefKeys: Set<string>,
  unitIdOf: (tagId: string) => string
): ReviewUnit {
  const name = (layer: string) => names[layer] ?? layer
  const present = layers.filter((l) => u.members.has(l))
  const versions = present.map((l) => u.members.get(l)!)
  const kinds = new Set<DisagreementKind>()
  const details: string[] = []
  const absent = layers.filter((l) => !u.members.has(l))
  if (absent.length) {
    kinds.add('missing')
    details.push(`only ${present.map(name).join(', ')} tagged this; not ${absent.map(name).join(', ')}`)
  }
  const differ = <T>(what: DisagreementKind, label: string, value: (t: ComparedTag) => T, show: (v: T) => string = String) => {
    const shown = versions.map((t) => show(value(t)))
    if (new Set(shown).size <= 1) return
    kinds.add(what)
    details.push(`${label}: ${present.map((l, i) => `${name(l)} ${shown[i]}`).join(', ')}`)
  }
  differ('boundary', 'boundary', (t) => t.fragments.map((f) => `${f.start}–${f.end}`).join(' + '))
  differ('label', 'label', (t) => t.label)
  // attributes are compared only between versions that agree on the label: a different label is the disagreement
  if (new Set(versions.map((t) => t.label)).size === 1) {
    const keys = [...new Set(versions.flatMap((t) => Object.keys(t.attributes)))].sort()
    for (const key of keys) {
      const read = (t: ComparedTag) => (tagRefKeys.has(key) ? [t.attributes[key]].flat().filter((v) => v != null).map((v) => unitIdOf(String(v))) : t.attributes[key])
      differ('attribute', key, (t) => canonical(read(t)))
    }
  }
  differ('relation', 'links', (t) => t.links.map((l) => `${l.type}→${unitIdOf(l.to)}`).sort().join(', ') || 'none')
  const members = Object.fromEntries(layers.map((l) => [l, u.members.get(l)?.id ?? null]))
  return { id, number, start: u.start, end: u.end, members, kinds: DISAGREEMENT_KINDS.filter((k) => kinds.has(k)), details }
}

/** Tag–unit pairs that share text, best first: same label, then more shared characters, then closer starts. */
function candidatePairs(tags: ComparedTag[], units: Building[]): { tag: ComparedTag; unit: Building; same: boolean; shared: number; gap: number }[] {
  const pairs: { tag: ComparedTag; unit: Building; same: boolean; shared: number; gap: number }[] = []
  const longest = units.reduce((m, u) => Math.max(m, u.end - u.start), 0)
  for (const tag of tags) {
    const { start, end } = extent(tag)
    // units are sorted by start: only those starting within `longest` before the tag can reach it
    let i = lowerBound(units, start - longest)
    for (; i < units.length && units[i]!.start < end; i++) {
      const unit = units[i]!
      if (unit.end <= start) continue
      const shared = Math.max(...[...unit.members.values()].map((m) => sharedChars(m, tag)))
      if (shared <= 0) continue
      const same = [...unit.members.values()].some((m) => m.label === tag.label)
      pairs.push({ tag, unit, same, shared, gap: Math.abs(unit.start - start) })
    }
  }
  return pairs.sort((a, b) => Number(b.same) - Number(a.same) || b.shared - a.shared || a.gap - b.gap || a.tag.id.localeCompare(b.tag.id))
}

function lowerBound(units: Building[], start: number): number {
  let lo = 0
  let hi = units.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (units[mid]!.start < start) lo = mid + 1
    else hi = mid
  }
  return lo
}

function sharedChars(a: ComparedTag, b: ComparedTag): number {
  let n = 0
  for (const f of a.fragments) for (const g of b.fragments) n += Math.max(0, Math.min(f.end, g.end) - Math.max(f.start, g.start))
  return n
}

function extent(t: ComparedTag): { start: number; end: number } {
  return { start: Math.min(...t.fragments.map((f) => f.start)), end: Math.max(...t.fragments.map((f) => f.end)) }
}

function byPosition(a: ComparedTag, b: ComparedTag): number {
  return extent(a).start - extent(b).start || extent(b).end - extent(a).end || a.id.localeCompare(b.id)
}

/** One spelling per value: empty values are absent, choice lists are sets. */
function canonical(value: unknown): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return '(empty)'
  if (Array.isArray(value)) return [...value].map(String).sort().join(' | ')
  return typeof value === 'string' ? value : JSON.stringify(value)
}
