import type { ExportFormat } from '../../shared/exchange/exchange-formats'
import { BratWriter } from './brat/brat-writer'
import { conllWriter } from './conll/conll-writer'
import { DoccanoWriter } from './doccano/doccano-writer'
import type { FormatWriter } from './format-writer'
import { LabelStudioWriter } from './label-studio/label-studio-writer'
import { NativeWriter } from './native/native-writer'
import { RefiQdaWriter } from './refi-qda/refi-qda-writer'
import { spacyWriter } from './spacy/spacy-writer'
import { csvWriter } from './tables/csv-writer'
import { tablesJsonlWriter } from './tables/tables-jsonl-writer'
import { W3cWriter } from './w3c/w3c-writer'

/** Every folder export format's writer, by format id; one line per format (a pack is one file: run-pack-export). */
export const WRITERS: Record<Exclude<ExportFormat, 'pack'>, () => FormatWriter> = {
  native: () => new NativeWriter(),
  csv: csvWriter,
  'tables-jsonl': tablesJsonlWriter,
  brat: () => new BratWriter(),
  w3c: () => new W3cWriter(),
  conll: conllWriter,
  doccano: () => new DoccanoWriter(),
  'label-studio': () => new LabelStudioWriter(),
  'refi-qda': () => new RefiQdaWriter(),
  spacy: spacyWriter
}
