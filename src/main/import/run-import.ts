import type { ImportReport } from '../../shared/domain'
import type { Db } from '../store/open-project-db'
import { ImportWriter, type ImportProgress } from './import-writer'
import { readImportFiles, type ImportInput } from './read-import-files'

export { discardAbandonedImports, discardBatch, type ImportProgress } from './import-writer'
export { ImportCancelled, type ImportInput } from './read-import-files'

export interface RunImportOptions {
  encoding: 'utf-8' | 'windows-1252'
  onProgress?: (p: ImportProgress) => void
  isCancelled?: () => boolean
}

/** Reads and writes in one thread (CLI, tests, benchmarks); the app pipelines the two in two workers. */
export function runImport(db: Db, inputs: ImportInput[], options: RunImportOptions): ImportReport {
  const writer = new ImportWriter(db, options)
  try {
    readImportFiles(inputs, options.encoding, writer, options.isCancelled)
    return writer.finish()
  } catch (error) {
    writer.abort(error)
    throw error
  }
}
