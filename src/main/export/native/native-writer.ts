import type { Actor } from '../../../shared/domain'
import type { Adjudication, TagComment } from '../../../shared/review/adjudication'
import { NATIVE_FILE, NATIVE_FORMAT, NATIVE_VERSION } from '../../../shared/exchange/native-format'
import type { ExportAnnotation, ExportArticle, ExportContext } from '../export-dataset'
import type { ExportNotes, FormatWriter } from '../format-writer'
import type { OutputFolder } from '../output-folder'

/** Where native lines go: a file of the export folder, or a pack's zip entry. */
export interface TextSink {
  write(text: string): void
}

/** A sink that also takes ready-made UTF-8 lines (an export folder's file). */
export interface ByteSink extends TextSink {
  writeBytes(bytes: Uint8Array): void
}

/** The registry as the native file carries it: alias ids and mention counts are project-local, so left out. */
function nativeActor(a: Actor) {
  const { mentionCount: _count, aliases, ...rest } = a
  return { ...rest, aliases: aliases.map(({ id: _id, ...alias }) => alias) }
}

/** A decision as the native line carries it: the article is the line's, and whether its gold tag still stands is the project's to say. */
function nativeDecision(d: Adjudication) {
  return {
    id: d.id,
    decision: d.decision,
    candidates: d.candidates,
    chosenId: d.chosenId,
    goldId: d.goldId,
    reason: d.reason,
    guideline: d.guideline,
    decidedBy: { id: d.decidedBy, name: d.decidedByName },
    decidedAt: d.decidedAt
  }
}

const nativeComment = (c: TagComment) => ({ id: c.id, author: { id: c.authorId, name: c.authorName }, body: c.body, createdAt: c.createdAt })

function nativeTag(a: ExportAnnotation, quotes: boolean, review: boolean) {
  const tag = {
    id: a.id,
    label: a.label,
    fragments: quotes ? a.fragments.map((f) => ({ start: f.start, end: f.end, quote: f.quote, prefix: f.prefix, suffix: f.suffix })) : a.fragments.map((f) => ({ start: f.start, end: f.end })),
    attributes: a.attributes,
    links: a.links,
    note: a.note,
    status: a.status,
    annotator: { id: a.annotatorId, name: a.annotatorName },
    codebookVersion: a.codebookVersion,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt
  }
  return review ? { ...tag, comments: (a.comments ?? []).map(nativeComment) } : tag
}

/**
 * Lossless JSONL: a header line with the codebook versions, the registry and the coders, then one line per
 * article with its text, metadata, memo, every tag with its comments, the adjudication decisions and the coders'
 * done marks. Nothing time-dependent is in the file, so exporting an imported export gives the same bytes (the
 * export time is in manifest.json).
 */
export class NativeWriter implements FormatWriter {
  private file!: TextSink
  private quotes = true

  /** The dataset reader reads the review records (all of them are written, or the done marks a pack carries). */
  readonly readsReview = true

  /**
   * `withText: false` writes each article's text as "" (packs without text; the hash still names the article).
   * `review: 'doneMarks'` writes only the done marks of the review records (a pack: one coder's tags and whether they finished).
   */
  constructor(
    private readonly withText = true,
    private readonly review: 'all' | 'doneMarks' = 'all'
  ) {}

  begin(ctx: ExportContext, out: OutputFolder): void {
    this.start(ctx, out.open(NATIVE_FILE))
  }

  /** Opens the export file and writes the header; the article lines, already serialised (NativeLineReader), go straight to it. */
  beginLines(ctx: ExportContext, out: OutputFolder): ByteSink {
    const file = out.open(NATIVE_FILE)
    this.start(ctx, file)
    return file
  }

  /** Writes the header line into `sink`; the articles follow through article(). */
  start(ctx: ExportContext, sink: TextSink): void {
    this.quotes = ctx.options.quotes
    this.file = sink
    const header = {
      type: NATIVE_FORMAT,
      version: NATIVE_VERSION,
      offsetUnit: 'codepoint',
      codebookVersion: ctx.codebookVersion,
      codebooks: [...ctx.codebooks.entries()].sort(([a], [b]) => a - b).map(([version, codebook]) => ({ version, codebook })),
      actors: [...ctx.actors.values()].map(nativeActor),
      annotators: ctx.annotators
    }
    this.file.write(`${JSON.stringify(header)}\n`)
  }

  article(a: ExportArticle): void {
    const line = {
      type: 'article',
      uid: a.uid,
      title: a.title,
      source: a.source,
      url: a.url,
      published: a.published,
      language: a.language,
      fileName: a.fileName,
      hash: a.hash,
      status: a.status,
      importedAt: a.importedAt,
      metadata: a.metadata,
      note: a.note,
      text: this.withText ? a.text : '',
      annotations: a.annotations.map((t) => nativeTag(t, this.quotes, this.review === 'all'))
    }
    const doneMarks = (a.doneMarks ?? []).map((m) => ({ annotator: { id: m.annotatorId, name: m.annotatorName }, doneAt: m.doneAt }))
    const review = this.review === 'all' ? { adjudications: (a.adjudications ?? []).map(nativeDecision), doneMarks } : { doneMarks }
    this.file.write(`${JSON.stringify({ ...line, ...review })}\n`)
  }

  end(): ExportNotes {
    return { warnings: [], counts: {}, files: [NATIVE_FILE] }
  }
}
