import { runAnnotatedImport } from '../../../src/main/import/annotated/run-annotated-import'
import { annotatedImportOptions, type AnnotatedImportInput } from '../../../src/shared/exchange/annotated-import'
import { ANA } from '../project'
import { expectSafeAnnotatedImport, type ImportOutcome } from './expect-safe-import'
import type { Files } from './mutate-files'
import type { ProjectTemplate } from './project-template'
import { writeFiles } from './write-files'

export type CaseOptions = Omit<AnnotatedImportInput, 'paths'> & { user?: { id: string; name: string } }

/**
 * One fuzz case of an annotated import: writes `files` to a new temp folder, imports what `paths` picks from it
 * (the folder itself by default) as Ana into a fresh copy of `project`, checks the outcome with
 * expectSafeAnnotatedImport, and removes the folder and the copy.
 */
export function importFilesCase(project: ProjectTemplate, files: Files, options: CaseOptions, paths: (dir: string) => string[] = (dir) => [dir]): ImportOutcome {
  const { dir, dispose: removeFiles } = writeFiles(files)
  const { store, dispose } = project.open()
  try {
    const { user = ANA, ...rest } = options
    const parsed = annotatedImportOptions.parse({ ...rest, paths: paths(dir) })
    return expectSafeAnnotatedImport(store, () => runAnnotatedImport(store, parsed, user), { dryRun: parsed.dryRun, before: project.tables })
  } finally {
    dispose()
    removeFiles()
  }
}
