import type { FormatWriter } from '../format-writer'
import { CsvTableEncoding } from './csv-table-encoding'
import { TablesWriter } from './tables-writer'

/** The analysis tables as RFC 4180 CSV files. */
export function csvWriter(): FormatWriter {
  return new TablesWriter((ctx) => new CsvTableEncoding(ctx.options.bom))
}
