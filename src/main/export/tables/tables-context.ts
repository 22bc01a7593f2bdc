import type { Codebook } from '../../../shared/codebook/codebook-schema'
import type { ExportAnnotation, ExportContext } from '../export-dataset'
import { type AttributeColumn, attributeColumns } from './attribute-columns'

/** What every table's rows are built from: the export context plus the columns derived from the codebooks once. */
export interface TablesContext {
  ctx: ExportContext
  /** Every label's attributes as annotations-table columns. */
  attributes: AttributeColumn[]
  /** Label names, current codebook first, for the per-label tag counts of the documents table. */
  labels: string[]
  codebookOf(tag: ExportAnnotation): Codebook
}

export function tablesContext(ctx: ExportContext): TablesContext {
  const books = [ctx.codebook, ...[...ctx.codebooks.values()].sort((a, b) => b.version - a.version)]
  const labels = [...new Set(books.flatMap((b) => b.labels.map((l) => l.name)))]
  return {
    ctx,
    attributes: attributeColumns(ctx.codebook, ctx.codebooks.values()),
    labels,
    codebookOf: (tag) => (tag.codebookVersion !== null ? ctx.codebooks.get(tag.codebookVersion) : undefined) ?? ctx.codebook
  }
}
