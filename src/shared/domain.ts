import type { DamagedProject } from './backups/backup-entry'
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
  /** Tags with a required attribute still empty, per label and attribute ("3 Events missing date_start"). */
  missing: MissingCount[]
  importedAt: string
}

export interface MissingCount {
  label: string
  attribute: string
  count: number
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

/** Part of an article's text in code points: [from, before), from the start and to the end when left out. */
export interface TextSpan {
  from?: number
  before?: number
}

/** A typed link from one tag to another in the same article (event → perpetrator, claim → claimant…). */
export interface Link {
  type: string
  to: string
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
  /** Outgoing links, in the order they were made. */
  links: Link[]
  /** Keys of required attributes still empty under the codebook version the tag was coded with. */
  missing: string[]
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

/** A project file's extension; the file is one SQLite database. */
export const PROJECT_EXTENSION = '.spanwise'

export interface AppInfo {
  mode: 'electron' | 'browser'
  user: User | null
  project: ProjectInfo | null
  recent: RecentProject[]
  dataDir: string
  maxTextBytes: number
  /** Why start-up did not open the last project, if it could not; shown to the user once. */
  startupNotice: string | null
  /** The last project, if start-up found it damaged and moved it aside; the UI offers restore or salvage. */
  damaged: DamagedProject | null
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
  'CHARACTERS_REMOVED',
  'AMBIGUOUS_DATE',
  // annotated imports (native, brat, doccano, Label Studio, W3C, REFI-QDA)
  'BAD_LINE',
  'NOT_THIS_FORMAT',
  'BAD_ARCHIVE',
  'DUPLICATE_ID',
  'UNKNOWN_REFERENCE',
  'SPAN_OUT_OF_RANGE',
  'SPAN_MISMATCH',
  'SPAN_REANCHORED',
  'UNKNOWN_LABEL',
  'UNKNOWN_ATTRIBUTE',
  'NOT_CARRIED',
  'EDITED_KEPT',
  // annotation packs
  'ARTICLE_MISSING',
  'OLDER_PACK',
  'CODEBOOK_DIFFERS'
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

export const ACTOR_KINDS = ['organisation', 'sub_unit', 'individual', 'generic_category'] as const
export type ActorKind = (typeof ACTOR_KINDS)[number]
export const ACTOR_STATUSES = ['provisional', 'approved', 'merged'] as const
export type ActorStatus = (typeof ACTOR_STATUSES)[number]
export const ALIAS_TYPES = [
  'official_self_designation',
  'former_self_designation',
  'state_designation',
  'media_name',
  'acronym',
  'nickname',
  'translation'
] as const
export type AliasType = (typeof ALIAS_TYPES)[number]
export const ACTOR_RELATION_TYPES = ['splinter_of', 'successor_of', 'faction_of', 'merged_into', 'allied_with', 'renamed_to'] as const
/** Relations a coder records between actors; merged_into is written by merging, never by hand. */
export const EDITABLE_ACTOR_RELATIONS = ['splinter_of', 'successor_of', 'faction_of', 'allied_with', 'renamed_to'] as const satisfies readonly (typeof ACTOR_RELATION_TYPES)[number][]

export interface ActorAlias {
  id: number
  alias: string
  language: string
  aliasType: AliasType
  designatedBy: string
  validFrom: string
  validTo: string
  /** Never offered as a unique match (e.g. "AGC", "FARC dissidents"). */
  ambiguous: boolean
}

/** A canonical actor of the registry; mentions in articles link to it. */
export interface Actor {
  id: string
  name: string
  kind: ActorKind
  type: string
  country: string
  parentId: string | null
  externalIds: Record<string, string>
  status: ActorStatus
  /** Set on the tombstone of an actor merged into another. */
  mergedInto: string | null
  notes: string
  createdBy: string
  createdAt: string
  aliases: ActorAlias[]
  relations: { type: string; to: string; date: string }[]
  mentionCount: number
}

/** A registry actor proposed for a name; the coder confirms it, nothing links silently. */
export interface ActorSuggestion {
  actor: Actor
  alias: string
  /** exact: the whole name is an alias; partial: an alias contains the name or starts with it. */
  match: 'exact' | 'partial'
  ambiguous: boolean
}

/** A place in the corpus where a tag's text, or one of its actor's names, occurs untagged. */
export interface Occurrence {
  articleId: number
  title: string
  start: number
  end: number
  quote: string
  /** The snippet's context around the quote: whole words, "…" where the text goes on (see matchContext). */
  before: string
  after: string
}

/** A tag that refers to an actor, with where it is. */
export interface ActorMention {
  annotationId: string
  articleId: number
  title: string
  label: string
  quote: string
  /** The quote's context in its article: whole words, "…" where the text goes on (see matchContext). */
  before: string
  after: string
}
