import type { ExportFormat } from '../../shared/exchange/exchange-formats'
import type { FormatWriter } from './format-writer'
import { RefiQdaWriter } from './refi-qda/refi-qda-writer'

/** Every export format's writer, by format id; one line per format. */
export const WRITERS: Partial<Record<ExportFormat, () => FormatWriter>> = {
  'refi-qda': () => new RefiQdaWriter()
}
