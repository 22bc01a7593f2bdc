import { z } from 'zod'
import { absolutePath } from '../absolute-path'
import { ANNOTATION_STATUSES, ARTICLE_STATUSES } from '../domain'
import { EXPORT_FORMATS } from './exchange-formats'

/** Which articles and tags an export includes; an empty or missing list means "all". */
export const exportFilter = z.object({
  articleIds: z.array(z.number().int().positive()).max(1_000_000).optional(),
  articleStatuses: z.array(z.enum(ARTICLE_STATUSES)).optional(),
  sources: z.array(z.string().max(500)).max(1000).optional(),
  languages: z.array(z.string().max(50)).max(200).optional(),
  /** Words the article's title or text must hold, as the corpus search reads them ("quoted phrases" kept). */
  text: z.string().trim().max(500).optional(),
  labels: z.array(z.string().min(1).max(100)).max(1000).optional(),
  /** Annotator ids or names. */
  annotators: z.array(z.string().min(1).max(200)).max(1000).optional(),
  statuses: z.array(z.enum(ANNOTATION_STATUSES)).optional()
})
export type ExportFilter = z.infer<typeof exportFilter>

export const exportOptions = z.object({
  format: z.enum(EXPORT_FORMATS),
  /** The folder to create; it must not exist unless `overwrite`. */
  destination: absolutePath('choose a folder to export to'),
  filter: exportFilter.default({}),
  /** Include each span's exact text, prefix and suffix where the format has room for them. */
  quotes: z.boolean().default(true),
  /** Start CSV files with a UTF-8 byte-order mark, so Excel reads them as UTF-8. */
  bom: z.boolean().default(false),
  /** Packs only: carry each article's text, so a colleague who lacks an article can add it. */
  includeText: z.boolean().default(false),
  overwrite: z.boolean().default(false)
})
export type ExportOptions = z.infer<typeof exportOptions>
export type ExportOptionsInput = z.input<typeof exportOptions>
