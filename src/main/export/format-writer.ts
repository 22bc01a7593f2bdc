import type { ExportArticle, ExportContext } from './export-dataset'
import type { OutputFolder } from './output-folder'

/** What a writer reports for the manifest: what it had to drop, snap or convert, counted. */
export interface ExportNotes {
  /** One sentence each, e.g. "12 overlapping tags were left out (the first in text order wins)". */
  warnings: string[]
  /** Named counts, e.g. { snapped: 4, overlapsDropped: 12 }. */
  counts: Record<string, number>
  /** The files the writer created, relative to the export folder (the manifest is added by the runner). */
  files: string[]
}

/**
 * Streams one export format: begin once, one call per article in article order, end once. Writers write
 * only through the OutputFolder and never keep more than the current article (plus small indexes) in memory.
 */
export interface FormatWriter {
  /** Set when the writer needs each article's adjudication decisions (an extra query per batch of articles). */
  readonly readsAdjudications?: boolean
  /** Set when the writer needs every review record: decisions, tag comments and done marks (three extra queries per batch). */
  readonly readsReview?: boolean
  begin(ctx: ExportContext, out: OutputFolder): void
  article(article: ExportArticle): void
  end(): ExportNotes
}
