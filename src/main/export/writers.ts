import type { ExportFormat } from '../../shared/exchange/exchange-formats'
import type { FormatWriter } from './format-writer'
import { NativeWriter } from './native/native-writer'

/** Every export format's writer, by format id; one line per format. */
export const WRITERS: Partial<Record<ExportFormat, () => FormatWriter>> = {
  native: () => new NativeWriter()
}
