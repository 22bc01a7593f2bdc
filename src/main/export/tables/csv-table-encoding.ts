import { stringify } from 'csv-stringify/sync'
import { neutraliseFormula } from './neutralise-formula'
import type { TableEncoding } from './table-encoding'
import type { Cell, ColumnKind, Row, TableSpec } from './table-spec'

/** Joins the values of a multi-value cell (multi-choice attributes, several actors) in CSV. */
export const CSV_LIST_SEPARATOR = '|'
const RECORD_DELIMITER = '\r\n'
/** A lone CR or LF in a cell must be quoted too: csv-stringify quotes only the full delimiter once one is given, and R, pandas and Excel end a record at either. */
const OPTIONS = { record_delimiter: RECORD_DELIMITER, quote_record_delimiter: true }

/** RFC 4180 CSV (CRLF, UTF-8, optional BOM); text cells that look like formulas get a leading apostrophe, numbers never. */
export class CsvTableEncoding implements TableEncoding {
  readonly extension = 'csv'
  private neutralised = 0

  constructor(private readonly bom: boolean) {}

  header(spec: TableSpec): string {
    return (this.bom ? '\uFEFF' : '') + stringify([spec.columns.map((c) => c.name)], OPTIONS)
  }

  rows(spec: TableSpec, rows: Row[]): string {
    if (rows.length === 0) return ''
    return stringify(
      rows.map((row) => spec.columns.map((c) => this.cell(row[c.name], c.kind))),
      OPTIONS
    )
  }

  counts(): Record<string, number> {
    return { formulaCellsNeutralised: this.neutralised }
  }

  describe(): string[] {
    return [
      `CSV files follow RFC 4180: comma-separated, fields quoted with " when needed, records end with CRLF, UTF-8${this.bom ? ' with a byte-order mark (for Excel)' : ' without a byte-order mark'}.`,
      `Empty cells mean "no value". Multi-value cells (list columns) join their values with "${CSV_LIST_SEPARATOR}"; JSON columns hold JSON text.`,
      'Formula injection: a text, list or JSON cell starting with =, +, -, @, tab, carriage return or NUL gets a leading apostrophe (OWASP); number columns are never changed, so -3 stays -3.'
    ]
  }

  private cell(value: Cell, kind: ColumnKind): string {
    if (value === null || value === undefined) return ''
    if (kind === 'number') return typeof value === 'number' && Number.isFinite(value) ? String(value) : ''
    if (kind === 'boolean') return typeof value === 'boolean' ? String(value) : ''
    const text = Array.isArray(value) ? value.join(CSV_LIST_SEPARATOR) : typeof value === 'string' ? value : JSON.stringify(value)
    const safe = neutraliseFormula(text)
    if (safe.changed) this.neutralised++
    return safe.text
  }
}
