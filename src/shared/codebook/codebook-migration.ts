import { z } from 'zod'

const labelName = z.string().trim().min(1).max(80)
const key = z.string().regex(/^[a-z][a-z0-9_]*$/, 'use lower-case letters, digits and _')

/** What happens to the tags of a label the new codebook renames or removes. */
export const labelMoveSchema = z.union([z.object({ to: labelName }).strict(), z.object({ delete: z.literal(true) }).strict()])

/**
 * How tags follow a codebook change. `labels` is keyed by the label name in the previous version; the
 * `label` of an attribute or value entry is the label the tag has once relabelled (a name in the new version).
 */
export const codebookMigrationSchema = z.object({
  labels: z.record(z.string().min(1).max(200), labelMoveSchema).default({}),
  /** Move an attribute's value to another key of the same label (to: key), or clear it (to: null). */
  attributes: z.array(z.object({ label: labelName, from: z.string().min(1).max(200), to: key.nullable() })).max(10_000).default([]),
  /** Map one choice onto another (merge or rename; to: value), or clear it (to: null). */
  values: z.array(z.object({ label: labelName, attribute: key, from: z.string().min(1).max(200), to: key.nullable() })).max(10_000).default([]),
  /** Links the new codebook no longer allows between these labels (names in the new version): retype them (to: relation) or remove them (to: null). */
  links: z.array(z.object({ relation: z.string().min(1).max(200), from: labelName, target: labelName, to: key.nullable() })).max(10_000).default([]),
  /** Values of an attribute that do not fit its (new) type and cannot be converted: move them to a text attribute (to: key) or clear them (to: null). */
  retype: z.array(z.object({ label: labelName, attribute: key, to: key.nullable() })).max(10_000).default([])
})

export type LabelMove = z.infer<typeof labelMoveSchema>
export type CodebookMigration = z.infer<typeof codebookMigrationSchema>

export const EMPTY_MIGRATION: CodebookMigration = { labels: {}, attributes: [], values: [], links: [], retype: [] }

/** Something tags use that a new codebook would drop; a save is refused until the migration says what to do. */
export type CodebookOrphan =
  | { kind: 'label'; label: string; tags: number }
  | { kind: 'attribute'; label: string; attribute: string; tags: number }
  | { kind: 'value'; label: string; attribute: string; value: string; tags: number }
  | { kind: 'link'; relation: string; from: string; target: string; tags: number }
  | { kind: 'type'; label: string; attribute: string; type: string; tags: number; /** Up to four distinct values, as text, so the user sees what will move (a fourth: there are more). */ examples?: string[] }
