import type { ImportFormat } from '../../../shared/exchange/exchange-formats'
import type { FormatReader } from './imported-document'
import { RefiQdaReader } from './refi-qda/refi-qda-reader'

/** Every import format's reader, by format id; one line per format. */
export const READERS: Partial<Record<ImportFormat, () => FormatReader>> = {
  'refi-qda': () => new RefiQdaReader()
}
