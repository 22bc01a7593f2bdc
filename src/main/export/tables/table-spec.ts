/** How a column's cells are typed: numbers and booleans stay typed, lists and JSON become text in CSV. */
export type ColumnKind = 'text' | 'number' | 'boolean' | 'list' | 'json'

export interface Column {
  name: string
  kind: ColumnKind
}

/** One analysis table: its file name (without extension) and its columns, in order. */
export interface TableSpec {
  name: string
  columns: Column[]
}

export type Cell = string | number | boolean | string[] | Record<string, unknown> | null | undefined

/** A row by column name; a column left out is empty. */
export type Row = Record<string, Cell>

/** Builds a column list from a compact "name:kind" notation (kind defaults to text). */
export function columns(...names: string[]): Column[] {
  return names.map((n) => {
    const [name, kind] = n.split(':') as [string, ColumnKind | undefined]
    return { name, kind: kind ?? 'text' }
  })
}
