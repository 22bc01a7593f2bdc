import type { ExportFormat } from '../../shared/exchange/exchange-formats'
import type { FormatWriter } from './format-writer'
import { BratWriter } from './brat/brat-writer'

/** Every export format's writer, by format id; one line per format. */
export const WRITERS: Partial<Record<ExportFormat, () => FormatWriter>> = {
  brat: () => new BratWriter()
}
