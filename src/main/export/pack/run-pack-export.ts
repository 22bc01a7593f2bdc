import { createHash, randomUUID } from 'node:crypto'
import type { User } from '../../../shared/domain'
import { AppError } from '../../../shared/errors'
import type { ExportOptions } from '../../../shared/exchange/export-options'
import type { ExportResult } from '../../../shared/exchange/export-result'
import { NATIVE_FILE } from '../../../shared/exchange/native-format'
import { PACK_CODEBOOK, PACK_KIND, PACK_MANIFEST, PACK_VERSION, type PackManifest } from '../../../shared/exchange/pack-format'
import type { Store } from '../../store/store'
import { ExportCancelled, type ExportHooks } from '../export-hooks'
import { ExportStream } from '../export-stream'
import { exportIoError } from '../export-io-error'
import { NativeWriter, type TextSink } from '../native/native-writer'
import { DatasetReader, readContext } from '../read-dataset'
import { ZipWriter, type ZipEntry } from '../refi-qda/zip-writer'
import { SingleFileOutput } from '../single-file-output'
import { packArticleIds } from './pack-article-ids'
import { plural, was } from '../../../shared/plural'

/** Feeds a zip entry while hashing and counting what passes, for the manifest's check of the entry. */
class DigestSink implements TextSink {
  readonly hash = createHash('sha256')
  bytes = 0
  lines = 0

  constructor(private readonly entry: ZipEntry) {}

  write(text: string): void {
    const data = Buffer.from(text, 'utf8')
    this.hash.update(data)
    this.bytes += data.length
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) this.lines++
    this.entry.bytes(data)
  }
}

/**
 * Writes `user`'s annotation pack: their tags (with links, attributes and notes) on the chosen articles as
 * native JSONL, the codebook, and a manifest naming the coder, the pack and the hashes an importer checks.
 */
export function runPackExport(store: Store, options: ExportOptions, user: User | null, hooks: ExportHooks): ExportResult {
  if (!user) throw new AppError('NO_USER', 'A pack carries your tags under your name: tell Spanwise your name first.')
  const { labels, statuses, annotators } = options.filter
  if (labels?.length || statuses?.length || annotators?.length) {
    // importing a pack replaces the coder's whole layer on each article, so a partial layer would delete tags
    throw new AppError('VALIDATION', 'A pack carries all of your tags on each article it names (importing it replaces your layer there); choose articles or article statuses, not labels, tag statuses or coders.')
  }
  const articleIds = packArticleIds(store, user.id, options.filter)
  if (articleIds.length === 0) {
    throw new AppError('NOT_FOUND', `${user.name} has no tags on ${options.filter.articleIds || options.filter.articleStatuses ? 'the chosen articles' : 'any article of this project'}, so there is nothing to pack. Tag some articles first, or choose the articles to pack.`)
  }
  const filter = { articleIds, annotators: [user.id] }
  const base = readContext(store, { ...options, filter })
  const ctx = { ...base, annotators: [{ id: user.id, name: user.name }], actors: namedActors(store, base.actors, user.id, articleIds) }
  const writer = new NativeWriter(options.includeText, 'doneMarks')
  // the coder filter keeps only the packer's own done marks
  const reader = new DatasetReader(store, filter, writer)
  const output = new SingleFileOutput(options.destination, options.overwrite)
  const stream = new ExportStream(articleIds.length, hooks)
  try {
    stream.progress(true, 'starting')
    const zip = new ZipWriter(output.file)
    const entry = zip.entry(NATIVE_FILE)
    const sink = new DigestSink(entry)
    writer.start(ctx, sink)
    let doneMarks = 0
    stream.run(reader, (article) => {
      doneMarks += article.doneMarks?.length ?? 0
      writer.article(article)
    })
    entry.end()
    const codebookJson = `${JSON.stringify(ctx.codebook, null, 2)}\n`
    zip.file(PACK_CODEBOOK, codebookJson)
    const manifest: PackManifest = {
      type: PACK_KIND,
      version: PACK_VERSION,
      id: randomUUID(),
      createdAt: ctx.exportedAt,
      annotator: { id: user.id, name: user.name },
      project: ctx.projectName,
      codebook: { name: ctx.codebook.name, version: ctx.codebookVersion, versionsUsed: [...ctx.codebooks.keys()].sort((a, b) => a - b) },
      includesText: options.includeText,
      offsetUnit: 'codepoint',
      counts: { articles: stream.articles, annotations: stream.annotations, links: stream.links, doneMarks },
      files: {
        [NATIVE_FILE]: { sha256: sink.hash.digest('hex'), bytes: sink.bytes, lines: sink.lines },
        [PACK_CODEBOOK]: { sha256: createHash('sha256').update(codebookJson).digest('hex'), bytes: Buffer.byteLength(codebookJson) }
      }
    }
    zip.file(PACK_MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`)
    zip.end()
    output.commit()
    stream.progress(true, 'done')
    const warnings = reader.droppedLinks > 0 ? [`${plural(reader.droppedLinks, 'link')} to other coders’ tags ${was(reader.droppedLinks)} left out (a pack carries your tags only).`] : []
    return {
      destination: options.destination,
      format: 'pack',
      articles: stream.articles,
      annotations: stream.annotations,
      links: stream.links,
      files: [NATIVE_FILE, PACK_CODEBOOK, PACK_MANIFEST],
      warnings,
      counts: { droppedLinks: reader.droppedLinks }
    }
  } catch (error) {
    output.abort()
    if (error instanceof ExportCancelled || error instanceof AppError) throw error
    throw exportIoError(error, options.destination)
  }
}

/** The registry actors the coder's tags on these articles name, so their mentions resolve in the colleague's project. */
function namedActors<A>(store: Store, all: Map<string, A>, annotatorId: string, articleIds: number[]): Map<string, A> {
  const ids = store.db
    .prepare(
      `SELECT DISTINCT m.actor_id FROM mention m JOIN annotation n ON n.id = m.annotation_id
       WHERE n.annotator_id = ? AND n.article_id IN (SELECT value FROM json_each(?))`
    )
    .pluck()
    .all(annotatorId, JSON.stringify(articleIds)) as string[]
  return new Map(ids.filter((id) => all.has(id)).map((id) => [id, all.get(id)!]))
}
