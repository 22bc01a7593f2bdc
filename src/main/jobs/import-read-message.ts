import type { ImportIssue } from '../../shared/domain'
import type { PreparedArticle } from '../import/read-import-files'

/** What the reader thread sends the writer thread, in order. */
export type ImportReadMessage =
  | { type: 'start'; total: number }
  | { type: 'articles'; list: PreparedArticle[]; index: number; name: string }
  | { type: 'issue'; issue: ImportIssue }
  | { type: 'progress'; index: number; name: string }
  | { type: 'done' }
  | { type: 'cancelled' }
  | { type: 'failed'; message: string }
