import { DISAGREEMENT_KINDS, type ComparedTag, type DisagreementKind, type ReviewUnit } from './review-unit'

export interface ClassifyOptions {
  /** Annotator id → name, for the details. */
  names?: Record<string, string>
  /** Attribute keys whose values are ids of other tags: compared by the unit they point into, not by id. */
  tagRefKeys?: readonly string[]
}

/** A tag with its extent worked out once: sorting and pairing compare extents many times. */
interface Placed {
  tag: ComparedTag
  start: number
  end: number
}

interface Building {
  members: Map<string, Placed>
  start: number
  end: number
}

interface Pair {
  tag: Placed
  unit: Building
  same: boolean
  shared: number
  gap: number
}

/**
 * Aligns the layers' tags of one article into units (at most one tag per layer, tags that share text) and
 * says how each unit's versions differ. Layers are aligned one after another: each tag joins the unit it
 * overlaps most, preferring a unit with the same label; the pairing is one-to-one and deterministic.
 */
export function classifyDisagreements(tags: readonly ComparedTag[], layers: readonly string[], options: ClassifyOptions = {}): ReviewUnit[] {
  const names = options.names ?? {}
  const tagRefKeys = new Set(options.tagRefKeys ?? [])
  const byLayer = new Map<string, Placed[]>(layers.map((l) => [l, []]))
  for (const t of tags) byLayer.get(t.annotatorId)?.push(place(t))
  const units: Building[] = []
  for (const layer of layers) {
    const own = byLayer.get(layer)!.sort(byPosition)
    const free = units.filter((u) => !u.members.has(layer)).sort((a, b) => a.start - b.start || a.end - b.end)
    const taken = new Set<Building>()
    const placed = new Set<Placed>()
    for (const p of candidatePairs(own, free)) {
      if (taken.has(p.unit) || placed.has(p.tag)) continue
      taken.add(p.unit)
      placed.add(p.tag)
      p.unit.members.set(layer, p.tag)
      p.unit.start = Math.min(p.unit.start, p.tag.start)
      p.unit.end = Math.max(p.unit.end, p.tag.end)
    }
    for (const t of own) if (!placed.has(t)) units.push({ members: new Map([[layer, t]]), start: t.start, end: t.end })
  }
  const unitOf = new Map<string, Building>()
  for (const u of units) for (const m of u.members.values()) unitOf.set(m.tag.id, u)
  const ids = new Map(units.map((u) => [u, firstMember(u).tag.id]))
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
  const versions = present.map((l) => u.members.get(l)!.tag)
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
  // the cheap checks first: most units agree, and their details need no strings at all
  if (!versions.every((t) => sameFragments(t, versions[0]!))) differ('boundary', 'boundary', (t) => t.fragments.map((f) => `${f.start}–${f.end}`).join(' + '))
  const oneLabel = versions.every((t) => t.label === versions[0]!.label)
  if (!oneLabel) differ('label', 'label', (t) => t.label)
  // attributes are compared only between versions that agree on the label: a different label is the disagreement
  if (oneLabel && versions.some((t) => hasKeys(t.attributes))) {
    const keys = [...new Set(versions.flatMap((t) => Object.keys(t.attributes)))].sort()
    for (const key of keys) {
      const read = (t: ComparedTag) => (tagRefKeys.has(key) ? [t.attributes[key]].flat().filter((v) => v != null).map((v) => unitIdOf(String(v))) : t.attributes[key])
      differ('attribute', key, (t) => canonical(read(t)))
    }
  }
  if (versions.some((t) => t.links.length > 0)) differ('relation', 'links', (t) => t.links.map((l) => `${l.type}→${unitIdOf(l.to)}`).sort().join(', ') || 'none')
  const members = Object.fromEntries(layers.map((l) => [l, u.members.get(l)?.tag.id ?? null]))
  return { id, number, start: u.start, end: u.end, members, kinds: DISAGREEMENT_KINDS.filter((k) => kinds.has(k)), details }
}

/** Tag–unit pairs that share text, best first: same label, then more shared characters, then closer starts. */
function candidatePairs(tags: Placed[], units: Building[]): Pair[] {
  const pairs: Pair[] = []
  let longest = 0
  for (const u of units) longest = Math.max(longest, u.end - u.start)
  for (const tag of tags) {
    const { start, end } = tag
    // units are sorted by start: only those starting within `longest` before the tag can reach it
    for (let i = lowerBound(units, start - longest); i < units.length && units[i]!.start < end; i++) {
      const unit = units[i]!
      if (unit.end <= start) continue
      let shared = 0
      let same = false
      for (const m of unit.members.values()) {
        shared = Math.max(shared, sharedChars(m.tag, tag.tag))
        same ||= m.tag.label === tag.tag.label
      }
      if (shared <= 0) continue
      pairs.push({ tag, unit, same, shared, gap: Math.abs(unit.start - start) })
    }
  }
  return pairs.sort((a, b) => Number(b.same) - Number(a.same) || b.shared - a.shared || a.gap - b.gap || a.tag.tag.id.localeCompare(b.tag.tag.id))
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

function sameFragments(a: ComparedTag, b: ComparedTag): boolean {
  return a.fragments.length === b.fragments.length && a.fragments.every((f, i) => f.start === b.fragments[i]!.start && f.end === b.fragments[i]!.end)
}

function hasKeys(o: Record<string, unknown>): boolean {
  for (const _ in o) return true
  return false
}

function place(tag: ComparedTag): Placed {
  let start = Infinity
  let end = -Infinity
  for (const f of tag.fragments) {
    start = Math.min(start, f.start)
    end = Math.max(end, f.end)
  }
  return { tag, start, end }
}

function firstMember(u: Building): Placed {
  let first: Placed | null = null
  for (const m of u.members.values()) if (!first || byPosition(m, first) < 0) first = m
  return first!
}

function byPosition(a: Placed, b: Placed): number {
  return a.start - b.start || b.end - a.end || a.tag.id.localeCompare(b.tag.id)
}

/** One spelling per value: empty values are absent, choice lists are sets. */
function canonical(value: unknown): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return '(empty)'
  if (Array.isArray(value)) return [...value].map(String).sort().join(' | ')
  return typeof value === 'string' ? value : JSON.stringify(value)
}
