import type { ExportFormat } from '../../shared/exchange/exchange-formats'
import { conllWriter } from './conll/conll-writer'
import type { FormatWriter } from './format-writer'
import { spacyWriter } from './spacy/spacy-writer'
import { csvWriter } from './tables/csv-writer'
import { tablesJsonlWriter } from './tables/tables-jsonl-writer'

/** Every export format's writer, by format id; one line per format. */
export const WRITERS: Partial<Record<ExportFormat, () => FormatWriter>> = {
  csv: csvWriter,
  'tables-jsonl': tablesJsonlWriter,
  conll: conllWriter,
  spacy: spacyWriter
}
