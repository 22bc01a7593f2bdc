import type { TableEncoding } from './table-encoding'
import type { Row, TableSpec } from './table-spec'

/** JSON Lines: one object per row with every column in order, typed (numbers, booleans, arrays, objects, null). */
export class JsonlTableEncoding implements TableEncoding {
  readonly extension = 'jsonl'

  header(): string {
    return ''
  }

  rows(spec: TableSpec, rows: Row[]): string {
    return rows.map((row) => JSON.stringify(Object.fromEntries(spec.columns.map((c) => [c.name, row[c.name] ?? null]))) + '\n').join('')
  }

  counts(): Record<string, number> {
    return {}
  }

  describe(): string[] {
    return [
      'JSONL files hold one JSON object per line (UTF-8, LF, no byte-order mark) with every column of the table, in order.',
      'Missing values are null; list columns are arrays and JSON columns objects. Values are written as stored: no formula neutralisation (JSON is not opened as a spreadsheet).'
    ]
  }
}
