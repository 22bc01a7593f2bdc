import { expect } from 'vitest'
import type { AnnotatedImportReport } from '../../../src/shared/exchange/annotated-import'
import { IMPORT_ISSUE_CODES, type ImportIssue } from '../../../src/shared/domain'
import { AppError, ERROR_CODES } from '../../../src/shared/errors'
import type { Store } from '../../../src/main/store/store'
import { dumpTables } from '../pack-fixtures'
import { expectConsistentProject } from './expect-consistent-project'
import { HANG_LIMIT_MS } from './fuzz-params'

export type ImportOutcome = 'committed' | 'refused' | 'error'

/** A thrown error is a refusal only when it is an AppError with a known code and a message; anything else is a bug. */
export function expectAppError(error: unknown): asserts error is AppError {
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`, { cause: error })
  expect(ERROR_CODES).toContain(error.code)
  expect(error.message.trim()).not.toBe('')
}

/** Every issue has a known code, a severity and a message that says something. */
export function expectClearIssues(issues: readonly ImportIssue[]): void {
  for (const i of issues) {
    expect(IMPORT_ISSUE_CODES).toContain(i.code)
    expect(['error', 'warning']).toContain(i.severity)
    expect(i.message.trim().length, `message of ${i.code}`).toBeGreaterThan(0)
  }
}

/**
 * Runs one annotated import of hostile input against a real project file and checks it behaved: it finished in
 * bounded time; it either threw an AppError or returned a report with clear issues; a refused (or failed) import
 * left every table exactly as it was; a committed one left a consistent project.
 */
export function expectSafeAnnotatedImport(store: Store, run: () => AnnotatedImportReport, options: { dryRun?: boolean; before?: Record<string, string[]> } = {}): ImportOutcome {
  const before = options.before ?? dumpTables(store)
  const started = performance.now()
  let report: AnnotatedImportReport
  try {
    report = run()
  } catch (error) {
    expectAppError(error)
    expect(dumpTables(store)).toEqual(before)
    return 'error'
  } finally {
    expect(performance.now() - started, 'one input must not take near-forever').toBeLessThan(HANG_LIMIT_MS)
  }
  expectClearIssues(report.issues)
  if (!report.committed) {
    expect(dumpTables(store)).toEqual(before)
    // a refusal says why: an error, a label to decide on, or nothing found (a dry run never commits)
    if (!options.dryRun) expect(report.errors > 0 || report.unresolvedLabels.length > 0 || report.documents === 0, 'a refused import says why').toBe(true)
    return 'refused'
  }
  expectConsistentProject(store)
  return 'committed'
}
