import type { FormatWriter } from '../format-writer'
import { JsonlTableEncoding } from './jsonl-table-encoding'
import { TablesWriter } from './tables-writer'

/** The analysis tables as JSON Lines files, one object per row. */
export function tablesJsonlWriter(): FormatWriter {
  return new TablesWriter(() => new JsonlTableEncoding())
}
