import type { ImportFormat } from '../../../shared/exchange/exchange-formats'
import type { FormatReader } from './imported-document'
import { BratReader } from './brat/brat-reader'

/** Every import format's reader, by format id; one line per format. */
export const READERS: Partial<Record<ImportFormat, () => FormatReader>> = {
  brat: () => new BratReader()
}
