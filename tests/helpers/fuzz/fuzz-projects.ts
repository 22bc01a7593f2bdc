import { runAnnotatedImport } from '../../../src/main/import/annotated/run-annotated-import'
import { annotatedImportOptions } from '../../../src/shared/exchange/annotated-import'
import { ANA } from '../project'
import type { CaseOptions } from './import-files-case'
import type { Files } from './mutate-files'
import { projectTemplate, type ProjectTemplate } from './project-template'
import { writeFiles } from './write-files'

/**
 * The two projects hostile files are imported into: an empty one, and one that already holds the valid seed
 * files' import (so matching by hash, replacing a layer and clashing ids are reached too).
 */
export function fuzzProjects(seed: Files, options: CaseOptions, paths: (dir: string) => string[] = (dir) => [dir]): { empty: ProjectTemplate; imported: ProjectTemplate } {
  const empty = projectTemplate()
  const imported = projectTemplate((store) => {
    const { dir, dispose } = writeFiles(seed)
    try {
      const { user = ANA, ...rest } = options
      const report = runAnnotatedImport(store, annotatedImportOptions.parse({ ...rest, paths: paths(dir) }), user)
      if (!report.committed) throw new Error(`the seed files do not import: ${JSON.stringify(report.issues.slice(0, 5))}`)
    } finally {
      dispose()
    }
  })
  return { empty, imported }
}
