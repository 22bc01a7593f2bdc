import type { ImportReport } from '../../shared/domain'
import type { ImportProgress } from '../import/run-import'

export type ImportWorkerMessage =
  | ({ type: 'progress' } & ImportProgress)
  | { type: 'done'; report: ImportReport }
  | { type: 'cancelled' }
  | { type: 'failed'; message: string }
