import { z } from 'zod'
import { absolutePath } from './absolute-path'
import type { Codebook } from './codebook/codebook-schema'
import { codebookMigrationSchema, EMPTY_MIGRATION } from './codebook/codebook-migration'
import type { CodebookSaved, CodebookUsage, CodebookVersionInfo } from './codebook/codebook-versions'
import type { MethodName, EventName } from './method-names'
import type { BackupEntry, BackupList, SalvageReport } from './backups/backup-entry'
import { actorFields, actorPatch, actorRelationInput, aliasInput } from './actors/actor-schema'
import { annotatedImportOptions, type AnnotatedImportReport } from './exchange/annotated-import'
import { exportOptions } from './exchange/export-options'
import type { ExportResult } from './exchange/export-result'
import type {
  Actor,
  ActorMention,
  ActorSuggestion,
  AppInfo,
  Annotation,
  Article,
  ArticleSummary,
  HistoryState,
  ImportReport,
  JobOutcome,
  Mutation,
  Occurrence,
  ProjectInfo,
  SearchPage,
  TextSpan
} from './domain'
import { ANNOTATION_STATUSES, ARTICLE_STATUSES } from './domain'
import { attributeValues } from './codebook/attribute-values'
import type { ErrorShape } from './errors'
import type { AgreementReport } from './agreement/agreement-report'
import { decideInput, type CorpusReviewRow, type Layer, type TagComment } from './review/adjudication'
import type { PackedReview } from './review/packed-review'

export interface LayersState {
  layers: Layer[]
  blind: boolean
  /** Colleagues' layers blind coding hides from this user until they mark the article done. */
  hiddenLayers: number
}

/** Declares a method: its input schema, and its output type carried as a phantom. */
function method<O>() {
  return <S extends z.ZodType>(input: S) => ({ input, output: undefined as unknown as O })
}

const id = z.number().int().positive()
const path = absolutePath('a file path is required')
const label = z.string().trim().min(1).max(100)
const fragmentRange = z
  .object({ start: z.number().int().min(0), end: z.number().int().min(1) })
  .refine((f) => f.end > f.start, { message: 'a fragment must end after it starts' })
const tagId = z.string().uuid()
const offset = z.number().int().min(0)
const textSpan = z.object({ from: offset.optional(), before: offset.optional() }) satisfies z.ZodType<TextSpan>
const backupFile = z.string().regex(/^[\w.-]+$/, 'a backup is named by its file name in the backup folder').max(200)
const actorId = z.string().min(1).max(100)
const linkInput = z.object({ from: tagId, type: z.string().min(1).max(64), to: tagId })
const sortKey = z.enum(['title', 'source', 'published', 'imported', 'tags', 'status'])
const cursor = z.object({ value: z.union([z.string(), z.number()]), id })

export const listArticlesInput = z.object({
  sort: sortKey.default('imported'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  filter: z
    .object({
      status: z.enum(ARTICLE_STATUSES).optional(),
      source: z.string().max(500).optional(),
      language: z.string().max(50).optional()
    })
    .default({}),
  after: cursor.optional(),
  limit: z.number().int().min(1).max(500).default(100)
})
export type ListArticlesInput = z.input<typeof listArticlesInput>
export type ArticleCursor = z.infer<typeof cursor>

export const searchInput = z.object({
  query: z.string().trim().min(1, 'type something to search for').max(500),
  after: z.object({ rank: z.number(), id, ranked: z.boolean().optional() }).optional(),
  limit: z.number().int().min(1).max(200).default(50)
})

export const importSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path }),
  z.object({ kind: z.literal('bytes'), name: z.string().min(1).max(1024), base64: z.string() })
])
export type ImportSource = z.infer<typeof importSource>

export const contract = {
  'app.info': method<AppInfo>()(z.object({})),
  'user.setName': method<AppInfo>()(z.object({ name: z.string().trim().min(1, 'your name cannot be empty').max(100) })),
  'project.open': method<ProjectInfo>()(z.object({ path })),
  'project.create': method<ProjectInfo>()(
    z.union([z.object({ path }), z.object({ name: z.string().trim().min(1).max(100).regex(/^[^/\\:*?"<>|]+$/, 'a project name cannot contain / \\ : * ? " < > |') })])
  ),
  'project.openDemo': method<ProjectInfo>()(z.object({})),
  /** Puts a damaged project back: from one of its verified backups, or by salvaging what the moved-aside file still holds. */
  'project.recover': method<{ project: ProjectInfo; salvage: SalvageReport | null }>()(
    z.discriminatedUnion('action', [
      z.object({ action: z.literal('restore'), path, backup: backupFile }),
      z.object({ action: z.literal('salvage'), path, movedTo: path })
    ])
  ),
  'backup.list': method<BackupList>()(z.object({})),
  /** "Back up now": a verified copy in the project's backup folder. */
  'backup.create': method<BackupEntry>()(z.object({})),
  /** Replaces the open project with a backup, after backing up its current state (so a restore can be undone by another). */
  'backup.restore': method<ProjectInfo>()(z.object({ backup: backupFile })),
  'articles.list': method<{ rows: ArticleSummary[]; next: ArticleCursor | null }>()(listArticlesInput),
  'articles.facets': method<{ total: number; sources: string[]; languages: string[]; labels: string[] }>()(z.object({})),
  'articles.search': method<SearchPage>()(searchInput),
  'articles.get': method<Article>()(z.object({ id })),
  'articles.setStatus': method<ArticleSummary>()(z.object({ id, status: z.enum(ARTICLE_STATUSES) })),
  /** The article's memo, plain text with "\n" between paragraphs; logged in the change log, not undoable. */
  'articles.setNote': method<{ id: number; note: string }>()(z.object({ id, note: z.string().max(100_000) })),
  /** The article's tags in text order; with startsIn, only those whose text starts in [from, before) (code points). */
  'annotations.list': method<Annotation[]>()(z.object({ articleId: id, startsIn: textSpan.optional() })),
  'annotations.create': method<Mutation>()(
    z.object({ articleId: id, label, fragments: z.array(fragmentRange).min(1).max(50), note: z.string().max(100_000).optional() })
  ),
  'annotations.update': method<Mutation>()(
    z.object({
      id: z.string().uuid(),
      label: label.optional(),
      note: z.string().max(100_000).optional(),
      // the tag's whole new fragment list (add or remove one by sending the list with or without it); checked like create's
      fragments: z.array(fragmentRange).max(50, 'a tag has at most 50 fragments').optional(),
      // null (or empty) clears an attribute; values are checked against the codebook by the store
      attributes: attributeValues.optional(),
      /** Review status: a coder submits, a reviewer accepts, rejects or requests changes. */
      status: z.enum(ANNOTATION_STATUSES).optional()
    })
  ),
  'annotations.delete': method<Mutation>()(z.object({ id: z.string().uuid() })),
  'annotations.link': method<Mutation>()(linkInput),
  'annotations.unlink': method<Mutation>()(linkInput),
  /** Copies a colleague's (or a gold) tag into my layer: label, span, attributes and note; links and tag references stay behind. */
  'annotations.copy': method<Mutation>()(z.object({ id: z.string().uuid() })),
  'occurrences.find': method<{ phrases: string[]; occurrences: Occurrence[]; truncated: boolean; articlesScanned: number }>()(
    z.object({ annotationId: tagId, scope: z.enum(['article', 'corpus']), withAliases: z.boolean().default(true) })
  ),
  'occurrences.accept': method<{ created: number; articles: number; mutation: Mutation | null }>()(
    z.object({
      annotationId: tagId,
      items: z.array(z.object({ articleId: id, start: z.number().int().min(0), end: z.number().int().min(1) })).min(1).max(5_000)
    })
  ),
  'actors.list': method<Actor[]>()(z.object({ query: z.string().max(300).default(''), limit: z.number().int().min(1).max(1000).default(200) })),
  'actors.get': method<Actor>()(z.object({ id: actorId })),
  'actors.suggest': method<ActorSuggestion[]>()(z.object({ text: z.string().max(300), date: z.string().max(10).default('') })),
  'actors.create': method<Actor>()(z.object({ fields: actorFields, aliases: z.array(aliasInput).max(100).optional() })),
  'actors.update': method<Actor>()(z.object({ id: actorId, fields: actorPatch, status: z.enum(['provisional', 'approved']).optional() })),
  'actors.addAlias': method<Actor>()(z.object({ actorId, alias: aliasInput })),
  'actors.removeAlias': method<Actor>()(z.object({ aliasId: z.number().int().positive() })),
  'actors.addRelation': method<Actor>()(z.object({ actorId, relation: actorRelationInput })),
  'actors.removeRelation': method<Actor>()(z.object({ actorId, type: actorRelationInput.shape.type, to: actorId })),
  'actors.merge': method<Actor>()(z.object({ from: actorId, into: actorId })),
  'actors.mentions': method<ActorMention[]>()(z.object({ id: actorId, limit: z.number().int().min(1).max(5000).default(500) })),
  'history.state': method<HistoryState>()(z.object({ articleId: id })),
  'history.undo': method<Mutation | null>()(z.object({ articleId: id })),
  'history.redo': method<Mutation | null>()(z.object({ articleId: id })),
  'codebook.get': method<Codebook>()(z.object({ version: z.number().int().min(1).optional() })),
  'codebook.versions': method<CodebookVersionInfo[]>()(z.object({})),
  'codebook.usage': method<CodebookUsage>()(z.object({})),
  /** Parses and checks a codebook file's text; saves nothing. */
  'codebook.import': method<Codebook>()(z.object({ json: z.string().max(5_000_000, 'a codebook file can be at most 5 MB') })),
  /** Saves a new codebook version and carries the tags over; refused (VALIDATION, details.orphans) if tags would be orphaned. */
  'codebook.save': method<CodebookSaved>()(
    z.object({
      // checked by validateCodebook, so every problem is reported with its JSON path
      codebook: z.record(z.string(), z.unknown()),
      note: z.string().trim().max(2000).default(''),
      migration: codebookMigrationSchema.default(EMPTY_MIGRATION),
      baseVersion: z.number().int().min(1)
    })
  ),
  /** The article's layers (coders, gold) and whether blind coding hides some of them from this user. */
  'review.layers': method<LayersState>()(z.object({ articleId: id })),
  /** Marks the article done (or not) for this user; under blind coding, done reveals colleagues' layers. */
  'review.markDone': method<LayersState>()(z.object({ articleId: id, done: z.boolean() })),
  'review.setBlind': method<{ blind: boolean }>()(z.object({ on: z.boolean() })),
  /** The compared layers aligned into units with their disagreements and decisions (default: every coder layer). */
  /** Packed in columns: unpackReview gives the ArticleReview. */
  'review.article': method<PackedReview>()(z.object({ articleId: id, annotators: z.array(z.string().min(1).max(100)).max(50).optional() })),
  /** Articles coded by two or more layers, most disagreements first. */
  'review.corpus': method<{ rows: CorpusReviewRow[]; blind: boolean }>()(
    z.object({ annotators: z.array(z.string().min(1).max(100)).max(50).default([]), limit: z.number().int().min(1).max(100_000).default(1000) })
  ),
  /** Records one adjudication decision and writes its gold tag: one undoable action. */
  'review.decide': method<Mutation>()(decideInput),
  /** Takes every unit all compared layers agree on into gold: one undoable action; null when there is none. */
  'review.acceptAgreed': method<Mutation | null>()(z.object({ articleId: id, annotators: z.array(z.string().min(1).max(100)).max(50).optional() })),
  'comments.list': method<TagComment[]>()(z.object({ annotationId: tagId })),
  'comments.add': method<TagComment[]>()(z.object({ annotationId: tagId, body: z.string().trim().min(1, 'a comment cannot be empty').max(20_000) })),
  /** Every coder with tags in the project (the gold layer included), for choosing whom to compare. */
  'agreement.coders': method<{ id: string; name: string }[]>()(z.object({})),
  /** Agreement between the chosen coders (default: every coder) on the chosen labels (default: all). */
  'agreement.report': method<AgreementReport>()(
    z.object({
      annotators: z.array(z.string().min(1).max(200)).max(50).optional(),
      labels: z.array(label).max(200).optional(),
      articleIds: z.array(id).max(100_000).optional()
    })
  ),
  'import.start': method<{ jobId: string }>()(
    z.object({ sources: z.array(importSource).min(1).max(200_000), encoding: z.enum(['utf-8', 'windows-1252']).default('utf-8') })
  ),
  /** Starts an export in a worker; progress and the result come as job events. */
  'export.start': method<{ jobId: string }>()(exportOptions),
  /** Starts an import of articles with their tags (dryRun: only check and report); the report comes with job.finished. */
  'exchange.import': method<{ jobId: string }>()(annotatedImportOptions),
  'jobs.cancel': method<{ cancelled: boolean }>()(z.object({ jobId: z.string().min(1).max(100) }))
} satisfies Record<MethodName, { input: z.ZodType; output: unknown }>

export type Contract = typeof contract
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>
export type MethodOutput<M extends MethodName> = Contract[M]['output']

export type JobKind = 'import' | 'export' | 'annotated-import'
export type JobReport = ImportReport | ExportResult | AnnotatedImportReport

export interface JobProgress {
  jobId: string
  kind: JobKind
  done: number
  total: number
  articles: number
  message: string
}

interface JobFinishedBase {
  jobId: string
  outcome: JobOutcome
  error: ErrorShape | null
}

/** A job's end; `report` is null unless the outcome is 'done'. */
export type JobFinished = JobFinishedBase &
  ({ kind: 'import'; report: ImportReport | null } | { kind: 'export'; report: ExportResult | null } | { kind: 'annotated-import'; report: AnnotatedImportReport | null })

export interface EventPayloads {
  'job.progress': JobProgress
  'job.finished': JobFinished
  'project.changed': { what: 'articles' | 'annotations' | 'project' | 'actors' | 'codebook'; articleId?: number }
}
export type EventPayload<E extends EventName> = EventPayloads[E]

/** What the renderer talks to, over Electron IPC or HTTP. */
export interface WorkbenchApi {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}
