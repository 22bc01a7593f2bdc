import type { Row, TableSpec } from './table-spec'

/** How table rows become file text: CSV or JSON Lines. Both write the same tables and columns. */
export interface TableEncoding {
  readonly extension: 'csv' | 'jsonl'
  /** Text opening a table's file (BOM and header row for CSV). */
  header(spec: TableSpec): string
  /** Text for a batch of rows of one table. */
  rows(spec: TableSpec, rows: Row[]): string
  /** What the encoding changed, counted for the manifest. */
  counts(): Record<string, number>
  /** How the files are encoded, one sentence each, for the README. */
  describe(): string[]
}
