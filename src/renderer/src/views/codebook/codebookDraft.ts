import type { AttributeDef, Choice, Codebook, LabelDefinition } from '@shared/codebook/codebook-schema'
import type { CodebookMigration } from '@shared/codebook/codebook-migration'

/** `origin` is the name, key or value this item has in the saved version (absent for new items), so renames can be recorded. */
export interface DraftChoice extends Choice {
  origin?: string
}
export interface DraftAttribute extends Omit<AttributeDef, 'values'> {
  origin?: string
  values?: DraftChoice[]
}
export interface DraftLabel extends Omit<LabelDefinition, 'attributes'> {
  origin?: string
  attributes: DraftAttribute[]
}
/** The codebook being edited: labels in display order (order = index), each item remembering its saved name. */
export interface Draft extends Omit<Codebook, 'labels'> {
  labels: DraftLabel[]
}

/**
 * A draft of `cb`, its labels sorted by order. Items that also exist in `base` (the saved version) by the
 * same name remember it as their origin; for `cb` = `base` that is every item.
 */
export function draftOf(cb: Codebook, base: Codebook = cb): Draft {
  const copy = structuredClone(cb)
  const labels = [...copy.labels].sort((a, b) => a.order - b.order)
  return {
    ...copy,
    labels: labels.map((l, i) => {
      const saved = base.labels.find((b) => b.name === l.name)
      return {
        ...l,
        order: i,
        origin: saved?.name,
        attributes: l.attributes.map((a) => {
          const savedAttr = saved?.attributes.find((s) => s.key === a.key)
          return {
            ...a,
            origin: savedAttr?.key,
            values: a.values?.map((v) => ({ ...v, origin: savedAttr?.values?.some((s) => s.value === v.value) ? v.value : undefined }))
          }
        })
      }
    })
  }
}

/** The codebook a draft stands for, without the origins: what is validated, saved and exported. */
export function codebookOf(draft: Draft): Codebook {
  return {
    ...draft,
    labels: draft.labels.map(({ origin: _o, attributes, ...label }) => ({
      ...label,
      attributes: attributes.map(({ origin: _a, values, ...attr }) => ({ ...attr, ...(values ? { values: values.map(({ origin: _v, ...v }) => v) } : {}) }))
    }))
  }
}

/** The renames the draft makes (labels, attribute keys, values), as the migration that carries tags along. */
export function recordedMigration(draft: Draft): CodebookMigration {
  const migration: CodebookMigration = { labels: {}, attributes: [], values: [], links: [], retype: [] }
  for (const label of draft.labels) {
    if (label.origin !== undefined && label.origin !== label.name) migration.labels[label.origin] = { to: label.name }
    for (const attr of label.attributes) {
      if (attr.origin !== undefined && attr.origin !== attr.key) migration.attributes.push({ label: label.name, from: attr.origin, to: attr.key })
      for (const v of attr.values ?? []) {
        if (v.origin !== undefined && v.origin !== v.value) migration.values.push({ label: label.name, attribute: attr.key, from: v.origin, to: v.value })
      }
    }
  }
  return migration
}
