import { expect } from 'vitest'
import { runImport } from '../../../src/main/import/run-import'
import type { ImportReport } from '../../../src/shared/domain'
import { dumpTables } from '../pack-fixtures'
import { expectConsistentProject } from './expect-consistent-project'
import { expectClearIssues } from './expect-safe-import'
import { HANG_LIMIT_MS } from './fuzz-params'
import type { Files } from './mutate-files'
import type { ProjectTemplate } from './project-template'
import { writeFiles } from './write-files'

/**
 * One fuzz case of the article import (.txt, .md, .jsonl, .csv): writes `files` to a new temp folder, imports the
 * folder into a fresh copy of `project`, and checks it finished in bounded time without throwing, every issue is
 * clear, and the project changed only by the articles it reports (none when it imported none; the import log
 * row aside) and stays consistent.
 */
export function importArticlesCase(project: ProjectTemplate, files: Files, encoding: 'utf-8' | 'windows-1252'): 'imported' | 'refused' {
  const { dir, dispose: removeFiles } = writeFiles(files)
  const { store, dispose } = project.open()
  try {
    const started = performance.now()
    let report: ImportReport
    try {
      report = runImport(store.db, [{ kind: 'path', path: dir }], { encoding })
    } finally {
      expect(performance.now() - started, 'one input must not take near-forever').toBeLessThan(HANG_LIMIT_MS)
    }
    expectClearIssues(report.issues)
    const { import_batch: batches, ...after } = dumpTables(store)
    const { import_batch: batchesBefore, ...before } = project.tables
    expect(batches!.length).toBe(batchesBefore!.length + 1)
    const added = (store.db.prepare('SELECT count(*) FROM article').pluck().get() as number) - before['article']!.length
    expect(added).toBe(report.imported)
    if (report.imported === 0) {
      expect(after).toEqual(before)
      // nothing imported: an issue says why (or every article was already there)
      expect(report.issues.length > 0 || report.duplicates > 0 || report.files === 0, 'an import of nothing says why').toBe(true)
      return 'refused'
    }
    expectConsistentProject(store)
    return 'imported'
  } finally {
    dispose()
    removeFiles()
  }
}
