import type { CodebookProblem } from '../../shared/codebook/validate-codebook'
import { AppError } from '../../shared/errors'
import { plural } from '../../shared/plural'

/** A VALIDATION error whose message lists every problem with its JSON path; details carry them for the UI. */
export function problemsError(what: string, problems: readonly CodebookProblem[]): AppError {
  const n = problems.length
  const list = problems.map((p) => `${p.path}: ${p.message}`).join('; ')
  return new AppError('VALIDATION', `${what} (${plural(n, 'problem')}): ${list}`, { problems })
}
