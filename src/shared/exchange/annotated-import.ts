import { z } from 'zod'
import { absolutePath } from '../absolute-path'
import type { ImportIssue } from '../domain'
import { IMPORT_FORMATS, type ImportFormat } from './exchange-formats'
import type { PackImportSummary } from './pack-format'

export const annotatedImportOptions = z
  .object({
    format: z.enum(IMPORT_FORMATS),
    /** Files or folders to read. */
    paths: z.array(absolutePath('a file path is required')).min(1, 'choose at least one file or folder').max(100_000),
    /** The coder the tags are filed under when the file does not name one (a layer per import); packs name their coder. */
    annotator: z.string().trim().max(100).default(''),
    /** A label the codebook lacks → the label to use instead, or null to leave those tags out. */
    labelMap: z.record(z.string().max(200), z.string().max(100).nullable()).default({}),
    /** Labels the codebook lacks that should be added to it (a new codebook version). */
    createLabels: z.array(z.string().trim().min(1).max(80)).max(500).default([]),
    /** Import everything else when some tags cannot be placed (they are listed); otherwise nothing is imported. */
    skipInvalid: z.boolean().default(false),
    /** Read and check everything, then roll back: the report says what an import would do. */
    dryRun: z.boolean().default(false),
    /** Add the articles the project lacks (when the file has their text); otherwise their tags are left out and listed. Default: yes, except for packs. */
    addMissingArticles: z.boolean().optional(),
    /** Packs: import even over a newer pack already imported from the same coder (otherwise those articles are refused). */
    force: z.boolean().default(false)
  })
  .refine((o) => o.format === 'pack' || o.annotator !== '', { path: ['annotator'], message: 'name the coder these tags belong to' })
export type AnnotatedImportOptions = z.infer<typeof annotatedImportOptions>

/** Whether an import adds the articles the project lacks: asked for, or by default for every format but packs. */
export const addsMissingArticles = (o: Pick<AnnotatedImportOptions, 'addMissingArticles' | 'format'>): boolean => o.addMissingArticles ?? o.format !== 'pack'
export type AnnotatedImportInput = z.input<typeof annotatedImportOptions>

export interface ImportedLabel {
  name: string
  tags: number
  /** In the codebook already. */
  known: boolean
  /** What the import does with its tags: the label they get, null when left out, undefined when undecided. */
  target: string | null | undefined
}

/** What an annotated import did (or, for a dry run, would do). */
export interface AnnotatedImportReport {
  format: ImportFormat
  documents: number
  articlesAdded: number
  articlesMatched: number
  annotations: number
  links: number
  /** Tags of the same layer replaced because the file was imported before. */
  replaced: number
  reanchored: number
  skipped: number
  labels: ImportedLabel[]
  /** Labels with no decision: the import is refused until each is mapped, created or left out. */
  unresolvedLabels: string[]
  issues: ImportIssue[]
  /** Issues beyond those listed. */
  moreIssues: number
  errors: number
  committed: boolean
  firstArticleId: number | null
  /** Pack imports: the packs, matched and missing articles, and the coder layers' changes. */
  pack?: PackImportSummary
  /** Native imports: the review records written (added or updated). */
  review?: ReviewRecordCounts
}

/** Review records by kind: adjudication decisions, tag comments, coders' done marks. */
export interface ReviewRecordCounts {
  adjudications: number
  comments: number
  doneMarks: number
}

export function isImportFormat(value: string): value is ImportFormat {
  return (IMPORT_FORMATS as readonly string[]).includes(value)
}
