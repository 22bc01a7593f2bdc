import type { CodebookMigration } from './codebook-migration'

/** How many tags use each label, attribute and choice value (by the names stored on the tags). */
export interface CodebookUsage {
  labels: Record<string, number>
  attributes: Record<string, Record<string, number>>
  values: Record<string, Record<string, Record<string, number>>>
}

/** One stored codebook version, newest first in `codebook.versions`. */
export interface CodebookVersionInfo {
  version: number
  name: string
  note: string
  createdBy: string | null
  createdAt: string
  /** How tags were carried over from the previous version (null for the first version). */
  migration: CodebookMigration | null
  /** Attributes whose type this version changed, "Label › key: old → new" (see typeChanges). */
  typeChanges: string[]
}

/** What `codebook.save` did. */
export interface CodebookSaved {
  version: number
  relabelled: number
  retagged: number
  deleted: number
}
