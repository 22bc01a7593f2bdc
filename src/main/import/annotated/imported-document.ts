import type { Codebook } from '../../../shared/codebook/codebook-schema'
import type { Actor, AnnotationStatus, ArticleStatus, ImportIssue } from '../../../shared/domain'
import type { AnnotatedImportOptions, AnnotatedImportReport } from '../../../shared/exchange/annotated-import'
import type { Store } from '../../store/store'

/** A span as a file states it, already converted to code points of its document's `text`. */
export interface ImportedSpan {
  start: number
  end: number
  /** The text the file says the span covers, when it says; used to check and re-anchor the span. */
  quote?: string
  /** Text just before and after the span, when the file gives it; narrows re-anchoring to one place. */
  prefix?: string
  suffix?: string
}

/** A tag read from a file, before labels are mapped and spans checked. */
export interface ImportedAnnotation {
  /** The file's own id for the tag (brat "T3", Label Studio region id…), unique within its document. */
  key: string
  label: string
  fragments: ImportedSpan[]
  attributes?: Record<string, unknown>
  note?: string
  /** Who made it, when the file says (Label Studio completed_by, REFI-QDA creatingUser, native). */
  annotator?: { id?: string; name: string }
  status?: AnnotationStatus
  /** Links to other tags of the same document, by their `key`. */
  links?: { type: string; to: string }[]
  createdAt?: string
  updatedAt?: string
  /** The tag's id to keep (native files only; others get an id derived from layer, article and key). */
  id?: string
  /** The id of a Spanwise tag the file says this is (a W3C export's urn:uuid): it updates that tag when it is in the same article and layer. */
  projectTagId?: string
  codebookVersion?: number | null
  /** Where the tag is in the file, for reports. */
  line?: number
}

/** An article read from a file, with its tags; `text` is as the file has it (canonicalised on import). */
export interface ImportedDocument {
  /** The file (and document within it) for reports, e.g. "news/000-introduction.ann". */
  name: string
  text: string
  title?: string
  source?: string
  url?: string
  published?: string
  language?: string
  fileName?: string
  metadata?: Record<string, unknown>
  uid?: string
  status?: ArticleStatus
  note?: string
  importedAt?: string
  annotations: ImportedAnnotation[]
  /** The file it came from, as reported ("news/1.ann"): a re-import of that file replaces only the tags it brought. Defaults to `name`. */
  origin?: string
  /** Coders whose tags on this article the document replaces in full, even when it lists none of theirs (a pack's coder). */
  replaces?: { id: string; name: string }[]
}

/** Reports a problem with the input; errors refuse the import, warnings are listed with the result. */
export type IssueSink = (issue: ImportIssue) => void

/**
 * Reads one format. `paths` are the files or folders the user chose. Documents are yielded one at a time so
 * large files stream; problems are reported through `issue` with file and line, never thrown, except when
 * the input cannot be read at all.
 */
export interface FormatReader {
  read(paths: string[], issue: IssueSink): Iterable<ImportedDocument>
  /** Set by readers whose files carry more than articles, before they yield the first document. */
  extras?: ImportExtras
  /** Called inside the import's transaction once a document's tags are written (packs record which pack each layer came from). */
  written?(doc: ImportedDocument, articleId: number, tagIds: string[]): void
  /** Adds what the reader found to the report before the import commits or rolls back. */
  complete?(report: AnnotatedImportReport): void
}

/** What a reader may use besides the paths: the project (packs match articles by hash and check layers), the options and the user. */
export interface ReaderContext {
  store: Store
  options: AnnotatedImportOptions
  user: { id: string; name: string }
}

/** Project-level content some formats carry (native: codebook versions and the registry; REFI-QDA: codes). */
export interface ImportExtras {
  /** Codebook versions the file's tags were coded with, by the file's version number. */
  codebooks?: { version: number; codebook: Codebook }[]
  actors?: Actor[]
  /** Labels the file defines (brat annotation.conf, REFI-QDA codes), with colours where it gives them. */
  labels?: { name: string; color?: string; parent?: string }[]
}
