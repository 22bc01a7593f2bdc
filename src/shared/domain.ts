export const ARTICLE_STATUSES = ['new', 'in_progress', 'done'] as const
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number]

export const ANNOTATION_STATUSES = ['draft', 'submitted', 'accepted', 'rejected', 'changes_requested'] as const
export type AnnotationStatus = (typeof ANNOTATION_STATUSES)[number]

export interface ArticleSummary {
  id: number
  uid: string
  title: string
  source: string
  published: string
  language: string
  status: ArticleStatus
  fileName: string
  charCount: number
  tagCount: number
  labelCounts: Record<string, number>
  importedAt: string
}

export interface Article extends ArticleSummary {
  text: string
  hash: string
  url: string
  metadata: Record<string, unknown>
  /** The analysts' memo on the whole article: plain text, paragraphs separated by "\n". */
  note: string
}

/** One piece of a tag, in code points [start, end) into the canonical text, with the text it covered. */
export interface Fragment {
  start: number
  end: number
  quote: string
  prefix: string
  suffix: string
}

export interface Annotation {
  id: string
  articleId: number
  annotatorId: string
  annotatorName: string
  label: string
  fragments: Fragment[]
  attributes: Record<string, unknown>
  note: string
  status: AnnotationStatus
  createdAt: string
  updatedAt: string
}

export interface HistoryState {
  canUndo: boolean
  canRedo: boolean
  undoDescription: string | null
  redoDescription: string | null
}

/** What a tagging action changed, so a view can patch itself instead of reloading. */
export interface Mutation {
  articleId: number
  description: string
  upserted: Annotation[]
  removed: string[]
  history: HistoryState
}

export interface SearchHit extends ArticleSummary {
  /** Snippet text; matched terms are wrapped in SNIPPET_OPEN … SNIPPET_CLOSE, never in HTML. */
  snippet: string
  rank: number
}

/** Where the next page of a search starts; `ranked: false` pages newest first. */
export interface SearchCursor {
  rank: number
  id: number
  ranked?: boolean
}

/** One page of search results. */
export interface SearchPage {
  hits: SearchHit[]
  next: SearchCursor | null
  /** Matching articles, counted up to just past the ranking limit (first page only; 0 on later pages). */
  total: number
  /** False when the query matched too many articles to rank: hits are then newest first. */
  ranked: boolean
}

export const SNIPPET_OPEN = '\u0002'
export const SNIPPET_CLOSE = '\u0003'

export interface ProjectInfo {
  path: string
  name: string
  articleCount: number
}

export interface RecentProject {
  path: string
  name: string
  openedAt: string
  exists: boolean
}

export interface User {
  id: string
  name: string
}

export interface AppInfo {
  mode: 'electron' | 'browser'
  user: User | null
  project: ProjectInfo | null
  recent: RecentProject[]
  dataDir: string
  canPickFiles: boolean
  maxTextBytes: number
  /** Why start-up did not open the last project, if it could not; shown to the user once. */
  startupNotice: string | null
}

export const IMPORT_ISSUE_CODES = [
  'EMPTY_FILE',
  'BINARY_FILE',
  'INVALID_UTF8',
  'FILE_TOO_LARGE',
  'UNSUPPORTED_TYPE',
  'BAD_RECORD',
  'MISSING_COLUMN',
  'EMPTY_TEXT',
  'UNREADABLE',
  'CHARACTERS_REMOVED'
] as const
export type ImportIssueCode = (typeof IMPORT_ISSUE_CODES)[number]

export interface ImportIssue {
  file: string
  line?: number
  severity: 'error' | 'warning'
  code: ImportIssueCode
  message: string
  /** For INVALID_UTF8: the byte offset of the first bad byte. */
  byteOffset?: number
}

export interface ImportReport {
  files: number
  imported: number
  duplicates: number
  issues: ImportIssue[]
  /** The first article this import added, to open it straight away. */
  firstArticleId: number | null
}

export type JobOutcome = 'done' | 'cancelled' | 'failed'
