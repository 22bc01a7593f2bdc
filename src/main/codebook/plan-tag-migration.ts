import type { Codebook } from '../../shared/codebook/codebook-schema'
import type { CodebookMigration, CodebookOrphan } from '../../shared/codebook/codebook-migration'
import type { CodebookProblem } from '../../shared/codebook/validate-codebook'
import { linkProblem } from '../../shared/codebook/relation-rules'
import type { Link } from '../../shared/domain'
import type { TagCoding } from '../store/codebook-repository'
import { asText, fitValue } from '../../shared/codebook/fit-value'
import { quoted } from '../../shared/text/quoted'


/** How one tag changes: deleted, or relabelled and/or given new attribute values; `changes` describes it. */
export interface TagRewrite {
  id: string
  delete: boolean
  label: string
  attributes: Record<string, unknown>
  links: Link[]
  changes: string[]
}

export interface TagMigrationPlan {
  rewrites: TagRewrite[]
  /** What tags use that the new codebook drops and the migration leaves unresolved. */
  orphans: CodebookOrphan[]
  /** Migration entries that point at labels, attributes or values the new codebook lacks. */
  problems: CodebookProblem[]
}

/** Checks that every target a migration names exists in the new codebook. */
function checkTargets(next: Codebook, migration: CodebookMigration): CodebookProblem[] {
  const problems: CodebookProblem[] = []
  const label = (name: string) => next.labels.find((l) => l.name === name)
  for (const [from, move] of Object.entries(migration.labels)) {
    if ('to' in move && !label(move.to)) problems.push({ path: `migration.labels.${from}.to`, message: `the label ${quoted(move.to)} is not in the new codebook` })
  }
  migration.attributes.forEach((a, i) => {
    const l = label(a.label)
    if (!l) problems.push({ path: `migration.attributes[${i}].label`, message: `the label ${quoted(a.label)} is not in the new codebook` })
    else if (a.to !== null && !l.attributes.some((d) => d.key === a.to)) problems.push({ path: `migration.attributes[${i}].to`, message: `${a.label} has no attribute ${quoted(a.to)}` })
  })
  migration.links.forEach((l, i) => {
    if (l.to !== null && !next.relations.some((r) => r.type === l.to)) problems.push({ path: `migration.links[${i}].to`, message: `the relation ${quoted(l.to)} is not in the new codebook` })
    else if (l.to !== null && linkProblem(next, l.to, l.from, l.target)) problems.push({ path: `migration.links[${i}].to`, message: linkProblem(next, l.to, l.from, l.target)! })
  })
  ;(migration.retype ?? []).forEach((r, i) => {
    const l = label(r.label)
    if (!l) problems.push({ path: `migration.retype[${i}].label`, message: `the label ${quoted(r.label)} is not in the new codebook` })
    else if (r.to !== null && l.attributes.find((d) => d.key === r.to)?.type !== 'text') problems.push({ path: `migration.retype[${i}].to`, message: `${r.label} has no text attribute ${quoted(r.to)} to move the values to` })
  })
  migration.values.forEach((v, i) => {
    const def = label(v.label)?.attributes.find((d) => d.key === v.attribute)
    if (!def) problems.push({ path: `migration.values[${i}].attribute`, message: `${v.label} has no attribute ${quoted(v.attribute)} in the new codebook` })
    else if (def.type !== 'single' && def.type !== 'multi') problems.push({ path: `migration.values[${i}].attribute`, message: `${v.label} › ${def.name} is ${def.type}, not a choice` })
    else if (v.to !== null && !def.values?.some((c) => c.value === v.to)) problems.push({ path: `migration.values[${i}].to`, message: `${quoted(v.to)} is not a value of ${v.label} › ${def.name}` })
  })
  return problems
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)

/**
 * Works out, without writing, how every tag follows a new codebook under a migration: relabel or delete by
 * label, move or clear attributes, map or clear choice values; and what would still be orphaned.
 */
export function planTagMigration(tags: readonly TagCoding[], next: Codebook, migration: CodebookMigration): TagMigrationPlan {
  const problems = checkTargets(next, migration)
  const labels = new Map(next.labels.map((l) => [l.name, l]))
  const orphanCounts = new Map<string, CodebookOrphan>()
  const orphan = (o: CodebookOrphan) => {
    const id = JSON.stringify({ ...o, tags: 0, examples: undefined })
    const seen = orphanCounts.get(id)
    if (!seen) return void orphanCounts.set(id, { ...o, tags: 1 })
    seen.tags++
    // a few distinct values, enough to recognise them (a fourth says there are more)
    if (seen.kind === 'type' && o.kind === 'type' && seen.examples && seen.examples.length < 4) for (const x of o.examples ?? []) if (!seen.examples.includes(x)) seen.examples.push(x)
  }
  const rewrites: TagRewrite[] = []

  for (const tag of tags) {
    const move = Object.hasOwn(migration.labels, tag.label) ? migration.labels[tag.label] : undefined
    if (move && 'delete' in move) {
      rewrites.push({ id: tag.id, delete: true, label: tag.label, attributes: tag.attributes, links: tag.links, changes: [`delete ${tag.label} tag`] })
      continue
    }
    const label = move ? move.to : tag.label
    const def = labels.get(label)
    if (!def) {
      orphan({ kind: 'label', label: tag.label, tags: 1 })
      continue
    }
    const changes = label !== tag.label ? [`relabel ${tag.label} → ${label}`] : []
    const attributes = { ...tag.attributes }
    for (const a of migration.attributes) {
      if (a.label !== label || !(a.from in attributes)) continue
      const value = attributes[a.from]
      delete attributes[a.from]
      if (a.to === null) changes.push(`clear ${a.from}`)
      else if (isEmpty(attributes[a.to])) {
        attributes[a.to] = value
        changes.push(`move ${a.from} → ${a.to}`)
      } else changes.push(`clear ${a.from} (${a.to} already has a value)`)
    }
    for (const v of migration.values) {
      if (v.label !== label) continue
      const value = attributes[v.attribute]
      if (Array.isArray(value) && value.includes(v.from)) {
        const mapped = [...new Set(value.flatMap((x) => (x === v.from ? (v.to === null ? [] : [v.to]) : [x])))]
        if (mapped.length) attributes[v.attribute] = mapped
        else delete attributes[v.attribute]
      } else if (value === v.from) {
        if (v.to === null) delete attributes[v.attribute]
        else attributes[v.attribute] = v.to
      } else continue
      changes.push(v.to === null ? `clear ${v.attribute}: ${v.from}` : `${v.attribute}: ${v.from} → ${v.to}`)
    }
    for (const [key, coded] of Object.entries(attributes)) {
      const attr = def.attributes.find((d) => d.key === key)
      if (!attr) {
        orphan({ kind: 'attribute', label, attribute: key, tags: 1 })
        continue
      }
      // a value coded under another type (the attribute's type changed, or the tag was relabelled) is converted where nothing is lost
      const value = fitValue(attr, coded)
      if (value === undefined) {
        const move = (migration.retype ?? []).find((r) => r.label === label && r.attribute === key)
        if (!move) orphan({ kind: 'type', label, attribute: key, type: attr.type, tags: 1, examples: [asText(coded)] })
        else {
          delete attributes[key]
          if (move.to === null) changes.push(`clear ${key} (not ${attr.type})`)
          else if (isEmpty(attributes[move.to])) {
            attributes[move.to] = asText(coded)
            changes.push(`move ${key} → ${move.to} as text`)
          } else changes.push(`clear ${key} (not ${attr.type}; ${move.to} already has a value)`)
        }
        continue
      }
      if (value !== coded) {
        attributes[key] = value
        changes.push(`${key}: ${JSON.stringify(coded)} → ${JSON.stringify(value)}`)
      }
      if (attr.type !== 'single' && attr.type !== 'multi') continue
      for (const item of Array.isArray(value) ? value : [value]) {
        if (typeof item === 'string' && !attr.values?.some((c) => c.value === item)) orphan({ kind: 'value', label, attribute: key, value: item, tags: 1 })
      }
    }
    if (changes.length) rewrites.push({ id: tag.id, delete: false, label, attributes, links: tag.links, changes })
  }
  planLinks(tags, rewrites, next, migration, orphan)
  return { rewrites, orphans: [...orphanCounts.values()], problems }
}

/**
 * Links under the new codebook: a link whose relation no longer joins the two tags' (new) labels is retyped or
 * removed as the migration says, or reported as an orphan. Links to deleted tags go with them.
 */
function planLinks(tags: readonly TagCoding[], rewrites: TagRewrite[], next: Codebook, migration: CodebookMigration, orphan: (o: CodebookOrphan) => void): void {
  const byId = new Map(rewrites.map((r) => [r.id, r]))
  const labelOf = new Map(tags.map((t) => [t.id, byId.get(t.id)?.label ?? t.label]))
  for (const tag of tags) {
    const own = byId.get(tag.id)
    if (own?.delete || tag.links.length === 0) continue
    const from = labelOf.get(tag.id)!
    const changes: string[] = []
    const links: Link[] = []
    for (const link of tag.links) {
      const target = labelOf.get(link.to)
      if (target === undefined || byId.get(link.to)?.delete) continue
      if (linkProblem(next, link.type, from, target) === null) {
        links.push(link)
        continue
      }
      const move = migration.links.find((m) => m.relation === link.type && m.from === from && m.target === target)
      if (!move) {
        orphan({ kind: 'link', relation: link.type, from, target, tags: 1 })
        links.push(link)
      } else if (move.to === null) changes.push(`remove ${link.type} link`)
      else {
        links.push({ type: move.to, to: link.to })
        changes.push(`${link.type} link → ${move.to}`)
      }
    }
    if (changes.length === 0) continue
    if (own) {
      own.links = links
      own.changes.push(...changes)
    } else rewrites.push({ id: tag.id, delete: false, label: tag.label, attributes: tag.attributes, links, changes })
  }
}
