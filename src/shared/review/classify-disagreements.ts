import { DISAGREEMENT_KINDS, type ComparedTag, type DisagreementKind, type ReviewUnit } from './review-unit'
import { sameFragments } from './same-fragments'

export interface ClassifyOptions {
  /** Annotator id → name, for the details. */
  names?: Record<string, string>
  /** Attribute keys whose values are ids of other tags: compared by the unit they point into, not by id. */
  tagRefKeys?: readonly string[]
  /** How the details name an attribute of a label and show its value (default: the key and the value as stored); values are compared as stored. */
  attribute?: { name: (label: string, key: string) => string; show: (label: string, key: string, value: unknown) => string }
}

/** A tag with its extent worked out once: sorting and pairing compare extents many times. */
interface Placed {
  tag: ComparedTag
  start: number
  end: number
  /** Joined a unit. */
  placed: boolean
}

/** A unit being built: its version per layer (by the layer's index), and its extent. */
interface Building {
  members: (Placed | undefined)[]
  start: number
  end: number
  /** The id of its first tag in text order, once all layers are placed. */
  id: string
  number: number
}

interface Pair {
  tag: Placed
  unit: Building
  /** 1 when a version in the unit has the tag's label. */
  same: number
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
  const layerIndex = new Map(layers.map((l, i) => [l, i]))
  const byLayer: Placed[][] = []
  for (let l = 0; l < layers.length; l++) byLayer.push([])
  // indexed loops here and below: a review is mostly compared before the JIT optimises this code, where for-of's iterator calls cost most
  for (let k = 0; k < tags.length; k++) {
    const t = tags[k]!
    const i = layerIndex.get(t.annotatorId)
    if (i !== undefined) byLayer[i]!.push(place(t))
  }
  const units: Building[] = []
  for (let layer = 0; layer < layers.length; layer++) {
    const own = byLayer[layer]!.sort(byPosition)
    const free = units.filter((u) => u.members[layer] === undefined).sort((a, b) => a.start - b.start || a.end - b.end)
    const pairs = candidatePairs(own, free)
    for (let k = 0; k < pairs.length; k++) {
      const p = pairs[k]!
      // a unit already given this layer's version is taken
      if (p.unit.members[layer] !== undefined || p.tag.placed) continue
      p.tag.placed = true
      p.unit.members[layer] = p.tag
      if (p.tag.start < p.unit.start) p.unit.start = p.tag.start
      if (p.tag.end > p.unit.end) p.unit.end = p.tag.end
    }
    for (let k = 0; k < own.length; k++) {
      const t = own[k]!
      if (t.placed) continue
      // filled by push from a literal, so every unit's array has the same elements kind (map() made them vary, deoptimising their readers)
      const members: (Placed | undefined)[] = []
      for (let l = 0; l < layers.length; l++) members.push(l === layer ? t : undefined)
      units.push({ members, start: t.start, end: t.end, id: '', number: 0 })
    }
  }
  for (let k = 0; k < units.length; k++) {
    const u = units[k]!
    let first: Placed | undefined
    for (let i = 0; i < u.members.length; i++) {
      const m = u.members[i]
      if (m && (!first || byPosition(m, first) < 0)) first = m
    }
    u.id = first!.tag.id
  }
  units.sort((a, b) => a.start - b.start || b.end - a.end || byId(a.id, b.id))
  units.forEach((u, i) => (u.number = i + 1))
  // a link or reference agrees when it points into the same unit (shown by its number), whatever the target's id
  let unitOf: Map<string, Building> | undefined
  const unitIdOf = (tagId: string) => {
    // built on first use: most articles' units have no links or references to resolve
    unitOf ??= new Map(units.flatMap((u) => u.members.flatMap((m) => (m ? [[m.tag.id, u] as const] : []))))
    const target = unitOf.get(tagId)
    return target ? `#${target.number}` : 'a tag outside these layers'
  }
  return units.map((u) => describe(u, layers, names, tagRefKeys, unitIdOf, options.attribute))
}

function describe(u: Building, layers: readonly string[], names: Record<string, string>, tagRefKeys: Set<string>, unitIdOf: (tagId: string) => string, attribute: ClassifyOptions['attribute']): ReviewUnit {
  const members: Record<string, string | null> = {}
  let complete = true
  for (let i = 0; i < layers.length; i++) {
    const m = u.members[i]
    members[layers[i]!] = m ? m.tag.id : null
    if (!m) complete = false
  }
  // most units agree plainly, and need neither the comparisons nor their strings
  if (complete && agreePlainly(u.members as Placed[])) return { id: u.id, number: u.number, start: u.start, end: u.end, members, kinds: [], details: [] }
  const { kinds, details } = differences(u, layers, names, tagRefKeys, unitIdOf, attribute)
  return { id: u.id, number: u.number, start: u.start, end: u.end, members, kinds, details }
}

/** What differs between a unit's versions, in words; apart from describe, so that deoptimising this does not slow the plain agreements. */
function differences(
  u: Building,
  layers: readonly string[],
  names: Record<string, string>,
  tagRefKeys: Set<string>,
  unitIdOf: (tagId: string) => string,
  attribute: ClassifyOptions['attribute']
): Pick<ReviewUnit, 'kinds' | 'details'> {
  const name = (layer: string) => names[layer] ?? layer
  const present: string[] = []
  const absent: string[] = []
  const versions: ComparedTag[] = []
  layers.forEach((l, i) => {
    const m = u.members[i]
    if (m) {
      present.push(l)
      versions.push(m.tag)
    } else absent.push(l)
  })
  const kinds = new Set<DisagreementKind>()
  const details: string[] = []
  if (absent.length) {
    kinds.add('missing')
    details.push(`only ${present.map(name).join(', ')} tagged this; not ${absent.map(name).join(', ')}`)
  }
  // versions are compared by `same` and shown by `show`: two actor ids may share a name and still differ
  const differ = <T>(what: DisagreementKind, label: string, value: (t: ComparedTag) => T, same: (v: T) => string = String, show: (v: T) => string = same) => {
    const values = versions.map(value)
    if (new Set(values.map(same)).size <= 1) return
    kinds.add(what)
    details.push(`${label}: ${present.map((l, i) => `${name(l)} ${show(values[i]!)}`).join(', ')}`)
  }
  const first = versions[0]!
  if (!versions.every((t) => sameFragments(t.fragments, first.fragments))) differ('boundary', 'boundary', (t) => t.fragments.map((f) => `${f.start}–${f.end}`).join(' + '))
  const oneLabel = versions.every((t) => t.label === first.label)
  if (!oneLabel) differ('label', 'label', (t) => t.label)
  // attributes are compared only between versions that agree on the label: a different label is the disagreement
  if (oneLabel && versions.some((t) => hasKeys(t.attributes))) {
    const keys = [...new Set(versions.flatMap((t) => Object.keys(t.attributes)))].sort()
    for (const key of keys) {
      const read = (t: ComparedTag) => (tagRefKeys.has(key) ? [t.attributes[key]].flat().filter((v) => v != null).map((v) => unitIdOf(String(v))) : t.attributes[key])
      const named = attribute ? attribute.name(first.label, key) : key
      if (!attribute || tagRefKeys.has(key)) differ('attribute', named, (t) => canonical(read(t)))
      else differ('attribute', named, read, canonical, (v) => attribute.show(first.label, key, v))
    }
  }
  if (versions.some((t) => t.links.length > 0)) differ('relation', 'links', (t) => t.links.map((l) => `${l.type}→${unitIdOf(l.to)}`).sort().join(', ') || 'none')
  return { kinds: kinds.size ? DISAGREEMENT_KINDS.filter((k) => kinds.has(k)) : [], details }
}

/** Every version has the first one's fragments and label, and none has attributes or links. */
function agreePlainly(members: readonly Placed[]): boolean {
  const first = members[0]!.tag
  for (let i = 0; i < members.length; i++) {
    const t = members[i]!.tag
    if (t.label !== first.label || t.links.length > 0 || hasKeys(t.attributes) || !sameFragments(t.fragments, first.fragments)) return false
  }
  return true
}

/** Tag–unit pairs that share text, best first: same label, then more shared characters, then closer starts. */
function candidatePairs(tags: Placed[], units: Building[]): Pair[] {
  const pairs: Pair[] = []
  let longest = 0
  for (let k = 0; k < units.length; k++) if (units[k]!.end - units[k]!.start > longest) longest = units[k]!.end - units[k]!.start
  for (let k = 0; k < tags.length; k++) {
    const tag = tags[k]!
    const start = tag.start
    const end = tag.end
    // units are sorted by start: only those starting within `longest` before the tag can reach it
    for (let i = lowerBound(units, start - longest); i < units.length && units[i]!.start < end; i++) {
      const unit = units[i]!
      if (unit.end <= start) continue
      let shared = 0
      let same = 0
      for (let j = 0; j < unit.members.length; j++) {
        const m = unit.members[j]
        if (!m) continue
        const n = sharedChars(m.tag, tag.tag)
        if (n > shared) shared = n
        if (m.tag.label === tag.tag.label) same = 1
      }
      if (shared > 0) pairs.push({ tag, unit, same, shared, gap: Math.abs(unit.start - start) })
    }
  }
  return pairs.sort((a, b) => b.same - a.same || b.shared - a.shared || a.gap - b.gap || byId(a.tag.tag.id, b.tag.tag.id))
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
  const fa = a.fragments
  const fb = b.fragments
  for (let i = 0; i < fa.length; i++) for (let j = 0; j < fb.length; j++) n += Math.max(0, Math.min(fa[i]!.end, fb[j]!.end) - Math.max(fa[i]!.start, fb[j]!.start))
  return n
}


function hasKeys(o: Record<string, unknown>): boolean {
  for (const _ in o) return true
  return false
}

function place(tag: ComparedTag): Placed {
  const fragments = tag.fragments
  if (fragments.length === 0) return { tag, start: Infinity, end: -Infinity, placed: false }
  // from the first fragment, not from ±Infinity: extents stay small integers, so the JIT never boxes them as doubles (which deoptimises the code reading them)
  let start = fragments[0]!.start
  let end = fragments[0]!.end
  for (let i = 1; i < fragments.length; i++) {
    if (fragments[i]!.start < start) start = fragments[i]!.start
    if (fragments[i]!.end > end) end = fragments[i]!.end
  }
  return { tag, start, end, placed: false }
}

function byPosition(a: Placed, b: Placed): number {
  return a.start - b.start || b.end - a.end || byId(a.tag.id, b.tag.id)
}

/** Ties go by id in code-unit order: unlike localeCompare, the same on every machine and locale, and cheap. */
function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** One spelling per value: empty values are absent, choice lists are sets. */
function canonical(value: unknown): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return '(empty)'
  if (Array.isArray(value)) return [...value].map(String).sort().join(' | ')
  return typeof value === 'string' ? value : JSON.stringify(value)
}
