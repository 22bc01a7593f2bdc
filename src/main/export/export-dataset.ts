import type { Codebook } from '../../shared/codebook/codebook-schema'
import type { ExportOptions } from '../../shared/exchange/export-options'
import type { Actor, Annotation, ArticleStatus } from '../../shared/domain'
import type { Adjudication, TagComment } from '../../shared/review/adjudication'

/** A tag as exporters see it: the app's Annotation plus the codebook version it was coded with. */
export interface ExportAnnotation extends Annotation {
  codebookVersion: number | null
  /** The tag's comment thread, oldest first; read only for writers that ask (FormatWriter.readsReview). */
  comments?: TagComment[]
}

/** A coder's mark that they finished the article. */
export interface DoneMark {
  annotatorId: string
  annotatorName: string
  doneAt: string
}

/** One article with the tags the export's filter keeps, in text order; offsets are code points into `text`. */
export interface ExportArticle {
  id: number
  uid: string
  title: string
  /** The canonical text every offset refers to. */
  text: string
  hash: string
  source: string
  url: string
  published: string
  language: string
  fileName: string
  metadata: Record<string, unknown>
  status: ArticleStatus
  note: string
  importedAt: string
  annotations: ExportAnnotation[]
  /** The article's adjudication decisions, oldest first; read only for writers that ask (FormatWriter.readsAdjudications or readsReview). */
  adjudications?: Adjudication[]
  /** The done marks of the coders the filter keeps, by coder id; read only for writers that ask (FormatWriter.readsReview). */
  doneMarks?: DoneMark[]
}

/** What every writer may need besides the articles: the project, its codebook, registry and coders. */
export interface ExportContext {
  projectName: string
  exportedAt: string
  /** The current codebook; tags coded under older versions keep their labels and attributes as stored. */
  codebook: Codebook
  codebookVersion: number
  /** Every codebook version some exported tag was coded with, by number. */
  codebooks: Map<number, Codebook>
  /** The whole registry, merged tombstones included, so every mention resolves. */
  actors: Map<string, Actor>
  annotators: { id: string; name: string }[]
  options: ExportOptions
}
