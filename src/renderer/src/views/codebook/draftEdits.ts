import type { AttributeDef } from '@shared/codebook/codebook-schema'
import type { Draft, DraftAttribute, DraftLabel } from './codebookDraft'

// Each edit mutates a fresh copy of the draft (see useDraft) and keeps references consistent.

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

/** Keeps `order` equal to the position in the list, which is the order the tag bar shows. */
export function renumber(draft: Draft): void {
  draft.labels.forEach((l, i) => (l.order = i))
}

/** Renames a label and, when the old name is now unambiguous, every reference to it (parents, relations, rules, tag targets). */
export function renameLabel(draft: Draft, index: number, name: string): void {
  const label = draft.labels[index]!
  const old = label.name
  label.name = name
  const others = draft.labels.filter((l) => l !== label)
  // a name shared with another label is a problem to show, not a reason to repoint that label's references
  if (old === name || others.some((l) => same(l.name, old) || same(l.name, name))) return
  for (const l of others) if (l.parent === old) l.parent = name
  for (const r of draft.relations) {
    if (r.from === old) r.from = name
    r.to = r.to.map((t) => (t === old ? name : t))
  }
  for (const rule of draft.rules) if (rule.label === old) rule.label = name
  for (const l of draft.labels) for (const a of l.attributes) if (a.targetLabels) a.targetLabels = a.targetLabels.map((t) => (t === old ? name : t))
}

/** Renames an attribute key and the rules and sub-type links that use it. */
export function renameAttribute(draft: Draft, labelIndex: number, attrIndex: number, key: string): void {
  const label = draft.labels[labelIndex]!
  const attr = label.attributes[attrIndex]!
  const old = attr.key
  attr.key = key
  if (old === key || label.attributes.some((a) => a !== attr && (a.key === old || a.key === key))) return
  for (const a of label.attributes) if (a.dependsOn === old) a.dependsOn = key
  for (const rule of draft.rules) {
    if (rule.label !== label.name) continue
    if (rule.a === old) rule.a = key
    if (rule.b === old) rule.b = key
  }
}

/** Renames a choice value and the sub-type values that name it as their parent. */
export function renameValue(draft: Draft, labelIndex: number, attrIndex: number, valueIndex: number, value: string): void {
  const label = draft.labels[labelIndex]!
  const attr = label.attributes[attrIndex]!
  const choice = attr.values![valueIndex]!
  const old = choice.value
  choice.value = value
  if (old === value || attr.values!.some((c) => c !== choice && (c.value === old || c.value === value))) return
  for (const a of label.attributes) if (a.dependsOn === attr.key) for (const c of a.values ?? []) if (c.parent === old) c.parent = value
}

function unusedName(draft: Draft, base: string): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base} ${n}`
    if (!draft.labels.some((l) => same(l.name, name))) return name
  }
}

/** Adds a label at the end with a free name and colour; returns its index. */
export function addLabel(draft: Draft, color: string): number {
  const label: DraftLabel = { name: unusedName(draft, 'New label'), description: '', color, hotkey: null, parent: null, order: draft.labels.length, attributes: [] }
  draft.labels.push(label)
  return draft.labels.length - 1
}

/** Removes a label; its children move up to its parent. */
/** Removes a label and what only made sense with it: relations from it, it as a relation target, its rules; saving asks about tags and links that used them. */
export function removeLabel(draft: Draft, index: number): void {
  const [removed] = draft.labels.splice(index, 1)
  const name = removed!.name
  for (const l of draft.labels) if (l.parent === name) l.parent = removed!.parent
  for (const r of draft.relations) r.to = r.to.filter((t) => t !== name)
  draft.relations = draft.relations.filter((r) => r.from !== name && r.to.length > 0)
  draft.rules = draft.rules.filter((rule) => rule.label !== name)
  for (const l of draft.labels) for (const a of l.attributes) if (a.targetLabels?.includes(name)) a.targetLabels = a.targetLabels.filter((t) => t !== name)
  renumber(draft)
}

/** Swaps a label with its previous (-1) or next (+1) sibling under the same parent. */
export function moveLabel(draft: Draft, index: number, step: -1 | 1): number {
  const label = draft.labels[index]!
  const siblings = draft.labels.map((l, i) => ({ l, i })).filter(({ l }) => l.parent === label.parent)
  const at = siblings.findIndex((s) => s.i === index)
  const other = siblings[at + step]
  if (!other) return index
  draft.labels[index] = other.l
  draft.labels[other.i] = label
  renumber(draft)
  return other.i
}

/** Adds an attribute with a free key; returns its index. */
export function addAttribute(label: DraftLabel): number {
  let n = 1
  while (label.attributes.some((a) => a.key === `attribute_${n}`)) n++
  label.attributes.push({ key: `attribute_${n}`, name: `Attribute ${n}`, description: '', type: 'text', required: false, many: false })
  return label.attributes.length - 1
}

/** Changes an attribute's type, dropping the settings the new type does not have. */
export function setAttributeType(attr: DraftAttribute, type: AttributeDef['type']): void {
  attr.type = type
  const choice = type === 'single' || type === 'multi'
  if (choice) attr.values ??= []
  else {
    delete attr.values
    delete attr.dependsOn
  }
  if (type !== 'number') {
    delete attr.min
    delete attr.max
  }
  if (type !== 'tag') delete attr.targetLabels
  if (type !== 'actor' && type !== 'tag') attr.many = false
}

/** Adds a value with a free key to a choice attribute; returns its index. */
export function addValue(attr: DraftAttribute): number {
  const values = (attr.values ??= [])
  let n = 1
  while (values.some((v) => v.value === `value_${n}`)) n++
  values.push({ value: `value_${n}`, label: `Value ${n}`, description: '' })
  return values.length - 1
}
