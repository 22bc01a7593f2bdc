import type { Codebook } from '../../shared/codebook/codebook-schema'
import { parseCodebookJson } from '../../shared/codebook/parse-codebook-json'
import { problemsError } from './problems-error'

/** Reads a codebook file's text: the checked codebook, or a VALIDATION error naming each problem's path. Saves nothing. */
export function importCodebook(json: string): Codebook {
  const check = parseCodebookJson(json)
  if (!check.ok) throw problemsError('This codebook file cannot be used', check.problems)
  return check.codebook
}
