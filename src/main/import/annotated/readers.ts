import type { ImportFormat } from '../../../shared/exchange/exchange-formats'
import { BratReader } from './brat/brat-reader'
import { DoccanoReader } from './doccano/doccano-reader'
import type { FormatReader, ReaderContext } from './imported-document'
import { LabelStudioReader } from './label-studio/label-studio-reader'
import { NativeReader } from './native/native-reader'
import { PackReader } from './pack/pack-reader'
import { RefiQdaReader } from './refi-qda/refi-qda-reader'
import { projectArticlesBySource } from './w3c/project-articles-by-source'
import { W3cReader } from './w3c/w3c-reader'

/** Every import format's reader, by format id; one line per format. */
export const READERS: Record<ImportFormat, (ctx: ReaderContext) => FormatReader> = {
  native: (ctx) => new NativeReader(ctx.store),
  brat: () => new BratReader(),
  doccano: () => new DoccanoReader(),
  'label-studio': () => new LabelStudioReader(),
  w3c: (ctx) => new W3cReader(projectArticlesBySource(ctx.store)),
  'refi-qda': () => new RefiQdaReader(),
  pack: (ctx) => new PackReader(ctx)
}
