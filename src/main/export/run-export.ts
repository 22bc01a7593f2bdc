import { basename } from 'node:path'
import type { User } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import { EXPORT_FORMAT_INFO } from '../../shared/exchange/exchange-formats'
import type { ExportOptions } from '../../shared/exchange/export-options'
import type { ExportResult } from '../../shared/exchange/export-result'
import type { Store } from '../store/store'
import { withLargeCache } from '../store/with-large-cache'
import { ExportCancelled, type ExportHooks } from './export-hooks'
import { ExportStream } from './export-stream'
import { exportIoError } from './export-io-error'
import { EXPORT_MANIFEST, OutputFolder } from './output-folder'
import { runPackExport } from './pack/run-pack-export'
import { NativeLineReader } from './native/native-line-reader'
import { NativeWriter } from './native/native-writer'
import { countDataset, DatasetReader, readContext } from './read-dataset'
import { WRITERS } from './writers'
import { plural, was } from '../../shared/plural'
import { checkExportFilter } from './check-export-filter'

export { ExportCancelled, type ExportHooks, type ExportProgress } from './export-hooks'


/**
 * Writes one export: the filtered articles stream through the format's writer into a hidden folder, which
 * gets its manifest and is renamed to the destination only when everything is written. A pack is one file
 * with `user`'s tags only.
 */
export function runExport(store: Store, options: ExportOptions, hooks: ExportHooks = {}, user: User | null = null): ExportResult {
  // reads need less cache than writes: 64 MB keeps the export's memory growth small
  return withLargeCache(store.db, () => (options.format === 'pack' ? runPackExport(store, options, user, hooks) : exportWith(store, options, hooks)), 64)
}

function exportWith(store: Store, options: ExportOptions, hooks: ExportHooks): ExportResult {
  const makeWriter = options.format === 'pack' ? undefined : WRITERS[options.format]
  if (!makeWriter) throw new AppError('NOT_SUPPORTED', `The ${options.format} export is not available in this build.`)
  checkExportFilter(store, options.filter)
  const writer = makeWriter()
  const ctx = readContext(store, options)
  const totals = countDataset(store, options.filter)
  const out = new OutputFolder(options.destination, options.overwrite)
  const stream = new ExportStream(totals.articles, hooks)
  try {
    stream.progress(true, 'starting')
    let droppedLinks: number
    const native = writer instanceof NativeWriter
    if (writer instanceof NativeWriter) {
      // native lines come out of SQLite finished; no article becomes an object
      const file = writer.beginLines(ctx, out)
      const lines = new NativeLineReader(store, options.filter, { quotes: options.quotes, withText: true })
      stream.runLines(lines.batches(), (bytes) => file.writeBytes(bytes))
      droppedLinks = lines.droppedLinks()
    } else {
      const reader = new DatasetReader(store, options.filter, writer)
      writer.begin(ctx, out)
      stream.run(reader, (article) => writer.article(article))
      droppedLinks = reader.droppedLinks
    }
    const notes = writer.end()
    if (droppedLinks > 0) notes.warnings.push(`${plural(droppedLinks, 'link')} ${was(droppedLinks)} left out because the tag ${droppedLinks === 1 ? 'it points' : 'they point'} to is not in this export.`)
    const info = EXPORT_FORMAT_INFO[options.format]
    const result: ExportResult = {
      destination: options.destination,
      format: options.format,
      articles: stream.articles,
      annotations: stream.annotations,
      links: stream.links,
      files: [...notes.files, EXPORT_MANIFEST],
      warnings: notes.warnings,
      counts: notes.counts
    }
    const manifest = {
      spanwise: 'export',
      manifestVersion: 1,
      format: options.format,
      formatTitle: info.title,
      offsetUnit: info.unit,
      offsetEnd: 'exclusive',
      offsetNote: offsetNote(info.unit),
      project: { name: ctx.projectName, file: basename(store.path) },
      codebook: { name: ctx.codebook.name, version: ctx.codebookVersion, versionsUsed: [...ctx.codebooks.keys()].sort((a, b) => a - b) },
      exportedAt: ctx.exportedAt,
      filter: options.filter,
      options: { quotes: options.quotes, bom: options.bom },
      counts: { articles: stream.articles, annotations: stream.annotations, links: stream.links, droppedLinks, ...(native ? stream.review : {}), ...notes.counts },
      cannotCarry: info.drops,
      warnings: notes.warnings,
      files: result.files
    }
    out.writeFile(EXPORT_MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`)
    out.commit()
    stream.progress(true, 'done')
    return result
  } catch (error) {
    out.abort()
    if (error instanceof ExportCancelled || error instanceof AppError) throw error
    throw exportIoError(error, options.destination)
  }
}

function offsetNote(unit: string): string {
  if (unit === 'codepoint') return 'Offsets count Unicode code points of the text (as Python str indexing does), end exclusive.'
  if (unit === 'utf16') return 'Offsets count UTF-16 code units (as JavaScript and the browser-based tool count), end exclusive.'
  return 'Spans are given per token; token boundaries are listed in the export.'
}
