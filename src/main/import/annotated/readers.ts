import type { ImportFormat } from '../../../shared/exchange/exchange-formats'
import { DoccanoReader } from './doccano/doccano-reader'
import type { FormatReader } from './imported-document'
import { LabelStudioReader } from './label-studio/label-studio-reader'
import { W3cReader } from './w3c/w3c-reader'

/** Every import format's reader, by format id; one line per format. */
export const READERS: Partial<Record<ImportFormat, () => FormatReader>> = {
  w3c: () => new W3cReader(),
  doccano: () => new DoccanoReader(),
  'label-studio': () => new LabelStudioReader()
}
