import { z } from 'zod'
import { codebookSchema } from '../../../../shared/codebook/codebook-schema'
import { ACTOR_KINDS, ACTOR_STATUSES, ALIAS_TYPES, ANNOTATION_STATUSES, ARTICLE_STATUSES, type Actor } from '../../../../shared/domain'
import { NATIVE_FORMAT, NATIVE_VERSION } from '../../../../shared/exchange/native-format'
import type { ImportedAnnotation, IssueSink } from '../imported-document'

const alias = z.object({
  alias: z.string().min(1),
  language: z.string(),
  aliasType: z.enum(ALIAS_TYPES),
  designatedBy: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  ambiguous: z.boolean()
})

const actor = z.object({
  id: z.string().min(1).max(100),
  name: z.string().min(1),
  kind: z.enum(ACTOR_KINDS),
  type: z.string(),
  country: z.string(),
  parentId: z.string().nullable(),
  externalIds: z.record(z.string(), z.string()),
  status: z.enum(ACTOR_STATUSES),
  mergedInto: z.string().nullable(),
  notes: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  aliases: z.array(alias),
  relations: z.array(z.object({ type: z.string(), to: z.string(), date: z.string() }))
})

/** A coder as native lines name one, on tags, comments, decisions and done marks. */
export const coder = z.object({ id: z.string().min(1), name: z.string().min(1) })

export const nativeHeader = z.object({
  type: z.literal(NATIVE_FORMAT),
  version: z.literal(NATIVE_VERSION, { message: `this file is a newer Spanwise JSONL version; this build reads version ${NATIVE_VERSION}` }),
  offsetUnit: z.literal('codepoint'),
  codebookVersion: z.number().int().min(1),
  codebooks: z.array(z.object({ version: z.number().int().min(1), codebook: codebookSchema })),
  actors: z.array(actor),
  annotators: z.array(coder)
})

const fragment = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  quote: z.string().optional(),
  prefix: z.string().optional(),
  suffix: z.string().optional()
})

// SQLite's length() stops at a NUL, so tag_comment's CHECK refuses a body that starts with one as empty
const comment = z.object({ id: z.string().uuid(), author: coder, body: z.string().regex(/^[^\0]/, 'a comment needs text (and cannot start with a NUL character)'), createdAt: z.string() })
export type NativeComment = z.infer<typeof comment>

const tag = z.object({
  id: z.string().uuid(),
  label: z.string().min(1),
  fragments: z.array(fragment).min(1),
  attributes: z.record(z.string(), z.unknown()),
  links: z.array(z.object({ type: z.string().min(1), to: z.string().uuid() })),
  note: z.string(),
  status: z.enum(ANNOTATION_STATUSES),
  annotator: coder,
  codebookVersion: z.number().int().min(1).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  // absent in files written before review records were exported
  comments: z.array(comment).optional()
})

export const nativeArticle = z.object({
  type: z.literal('article'),
  uid: z.string().min(1).max(200),
  title: z.string(),
  source: z.string(),
  url: z.string(),
  published: z.string(),
  language: z.string(),
  fileName: z.string(),
  hash: z.string(),
  status: z.enum(ARTICLE_STATUSES),
  importedAt: z.string(),
  metadata: z.record(z.string(), z.unknown()),
  note: z.string(),
  text: z.string(),
  annotations: z.array(z.unknown()),
  adjudications: z.array(z.unknown()).optional(),
  doneMarks: z.array(z.unknown()).optional()
})

export const where = (issues: z.core.$ZodIssue[]) => issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ')

/** The registry actors of a native header, as the import stores them (alias ids and mention counts are local). */
export function headerActors(h: z.infer<typeof nativeHeader>): Actor[] {
  return h.actors.map((a): Actor => ({ ...a, aliases: a.aliases.map((al) => ({ ...al, id: 0 })), mentionCount: 0 }))
}

/**
 * An article line's tags, checked one by one; `ids` spans the whole file, so a tag id used twice is reported.
 * When `comments` is given, each tag's comment thread is put there by tag id (the tag's ImportedAnnotation has no room for it).
 */
export function nativeAnnotations(raw: unknown[], file: string, line: number, ids: Set<string>, issue: IssueSink, comments?: Map<string, NativeComment[]>): ImportedAnnotation[] {
  const annotations: ImportedAnnotation[] = []
  raw.forEach((value, i) => {
    const t = tag.safeParse(value)
    if (!t.success) {
      issue({ file, line, severity: 'error', code: 'BAD_LINE', message: `${file} line ${line}, tag ${i + 1}: ${where(t.error.issues)}.` })
      return
    }
    if (ids.has(t.data.id)) {
      issue({ file, line, severity: 'error', code: 'DUPLICATE_ID', message: `${file} line ${line}: tag id ${t.data.id} appears twice; each tag needs its own id.` })
      return
    }
    ids.add(t.data.id)
    if (comments && t.data.comments?.length) comments.set(t.data.id, t.data.comments)
    annotations.push({
      key: t.data.id,
      id: t.data.id,
      label: t.data.label,
      fragments: t.data.fragments,
      attributes: t.data.attributes,
      note: t.data.note,
      status: t.data.status,
      annotator: t.data.annotator,
      links: t.data.links,
      codebookVersion: t.data.codebookVersion,
      createdAt: t.data.createdAt,
      updatedAt: t.data.updatedAt,
      line
    })
  })
  return annotations
}
