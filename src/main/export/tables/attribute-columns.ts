import type { AttributeDef, Codebook } from '../../../shared/codebook/codebook-schema'
import type { Actor, Annotation } from '../../../shared/domain'
import { resolveActor } from './resolve-actor'
import type { Cell, Column, ColumnKind, Row } from './table-spec'

/** One codebook attribute as a column of the annotations table; actor attributes add a `_name` column. */
export interface AttributeColumn extends Column {
  label: string
  key: string
  type: AttributeDef['type']
  /** For actor attributes: the column with the canonical names. */
  nameColumn?: string
}

/** A label name as it appears in column names: lower case, accents dropped, other characters as "_". */
export function labelSlug(label: string): string {
  const slug = label.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '')
  return slug || 'label'
}

function kindOf(def: AttributeDef): ColumnKind {
  if (def.type === 'number') return 'number'
  if (def.type === 'boolean') return 'boolean'
  if (def.type === 'multi' || ((def.type === 'actor' || def.type === 'tag') && def.many)) return 'list'
  return 'text'
}

/**
 * One column per label and attribute, named `attr_<label>_<key>`, across the current codebook and every
 * older version an exported tag was coded with (current first, so columns keep the current order).
 */
export function attributeColumns(current: Codebook, versions: Iterable<Codebook>): AttributeColumn[] {
  const books = [current, ...[...versions].filter((b) => b !== current).sort((a, b) => b.version - a.version)]
  const found = new Map<string, AttributeColumn>()
  for (const book of books) {
    for (const label of book.labels) {
      for (const def of label.attributes) {
        const name = `attr_${labelSlug(label.name)}_${def.key}`
        if (found.has(name)) continue
        found.set(name, { name, kind: kindOf(def), label: label.name, key: def.key, type: def.type, ...(def.type === 'actor' ? { nameColumn: `${name}_name` } : {}) })
      }
    }
  }
  return [...found.values()]
}

/** The columns an attribute column list adds to a table, with the actor-name companions. */
export function attributeTableColumns(attrs: AttributeColumn[]): Column[] {
  return attrs.flatMap((a) => [{ name: a.name, kind: a.kind }, ...(a.nameColumn ? [{ name: a.nameColumn, kind: a.kind }] : [])])
}

/** A stored attribute value as a cell of the given kind; a number or yes/no of another shape is left empty (the attributes column keeps it). */
export function attributeCell(value: unknown, kind: ColumnKind): Cell {
  if (value === undefined || value === null || value === '') return null
  if (kind === 'list') return (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
  if (kind === 'number') return typeof value === 'number' && Number.isFinite(value) ? value : null
  if (kind === 'boolean') return typeof value === 'boolean' ? value : null
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** A tag's attribute cells for the columns of its label (canonical actor names resolved through merges). */
export function attributeCells(tag: Annotation, attrs: AttributeColumn[], actors: Map<string, Actor>): Row {
  const row: Row = {}
  for (const a of attrs) {
    if (a.label !== tag.label) continue
    const value = tag.attributes[a.key]
    row[a.name] = attributeCell(value, a.kind)
    if (a.nameColumn) {
      const ids = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v !== '')
      const names = ids.map((id) => resolveActor(actors, id)?.name ?? '')
      row[a.nameColumn] = a.kind === 'list' ? names : (names[0] ?? null)
    }
  }
  return row
}
