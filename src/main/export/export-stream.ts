import type { ExportArticle } from './export-dataset'
import { ExportCancelled, type ExportHooks } from './export-hooks'
import type { NativeLine } from './native/native-line-reader'
import type { DatasetReader } from './read-dataset'

/** Streams an export's articles into a writer: counts what passed, reports progress at most every 100 ms, stops when cancelled. */
export class ExportStream {
  articles = 0
  annotations = 0
  links = 0
  /** Review records written, counted only for the native lines (the one format that carries them all). */
  readonly review = { comments: 0, adjudications: 0, doneMarks: 0 }
  private last = 0

  constructor(
    private readonly total: number,
    private readonly hooks: ExportHooks
  ) {}

  progress(force: boolean, message: string): void {
    const now = Date.now()
    if (!force && now - this.last < 100) return
    this.last = now
    this.hooks.onProgress?.({ done: this.articles, total: this.total, annotations: this.annotations, message })
  }

  run(reader: DatasetReader, write: (article: ExportArticle) => void): void {
    for (const batch of reader.batches()) {
      for (const article of batch) {
        if (this.hooks.isCancelled?.()) throw new ExportCancelled()
        write(article)
        this.articles++
        this.annotations += article.annotations.length
        for (const a of article.annotations) this.links += a.links.length
        this.progress(false, article.title)
      }
    }
  }

  /** The same for lines SQLite has already serialised (the native export). */
  runLines(batches: Iterable<NativeLine[]>, write: (bytes: Uint8Array) => void): void {
    for (const batch of batches) {
      for (const line of batch) {
        if (this.hooks.isCancelled?.()) throw new ExportCancelled()
        write(line.bytes)
        this.articles++
        this.annotations += line.annotations
        this.links += line.links
        this.review.comments += line.comments
        this.review.adjudications += line.adjudications
        this.review.doneMarks += line.doneMarks
        this.progress(false, line.title)
      }
    }
  }
}
