import type { AnnotatedImportOptions, AnnotatedImportReport } from '../../shared/exchange/annotated-import'
import type { ExportOptions } from '../../shared/exchange/export-options'
import type { ExportResult } from '../../shared/exchange/export-result'
import type { ErrorCode } from '../../shared/errors'

export type ExchangeTask =
  | { task: 'export'; projectPath: string; options: ExportOptions; user: { id: string; name: string } | null; cancelFlag: SharedArrayBuffer }
  | { task: 'annotated-import'; projectPath: string; options: AnnotatedImportOptions; user: { id: string; name: string }; cancelFlag: SharedArrayBuffer }

export type ExchangeWorkerMessage =
  | { type: 'progress'; done: number; total: number; articles: number; message: string }
  | { type: 'done'; report: ExportResult | AnnotatedImportReport }
  | { type: 'cancelled' }
  | { type: 'failed'; code: ErrorCode; message: string }
