import type { ExportFormat } from '../../shared/exchange/exchange-formats'
import { DoccanoWriter } from './doccano/doccano-writer'
import type { FormatWriter } from './format-writer'
import { LabelStudioWriter } from './label-studio/label-studio-writer'
import { W3cWriter } from './w3c/w3c-writer'

/** Every export format's writer, by format id; one line per format. */
export const WRITERS: Partial<Record<ExportFormat, () => FormatWriter>> = {
  w3c: () => new W3cWriter(),
  doccano: () => new DoccanoWriter(),
  'label-studio': () => new LabelStudioWriter()
}
