import type { ExportFormat } from './exchange-formats'

/** What an export wrote, for the dialog, the CLI and scripts. */
export interface ExportResult {
  destination: string
  format: ExportFormat
  articles: number
  annotations: number
  links: number
  /** Files in the export folder, relative to it, manifest.json last. */
  files: string[]
  /** What the format could not carry in this export, one sentence each. */
  warnings: string[]
  counts: Record<string, number>
}
