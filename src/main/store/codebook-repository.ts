import type { Codebook } from '../../shared/codebook/codebook-schema'
import { validateCodebook } from '../../shared/codebook/validate-codebook'
import { AppError } from '../../shared/errors'
import type { Db } from './open-project-db'

/** The project's codebook versions; the highest is the one tags are coded under. */
export class CodebookRepository {
  constructor(private readonly db: Db) {}

  currentVersion(): number {
    return this.db.prepare('SELECT max(version) FROM codebook').pluck().get() as number
  }

  /** A stored version, checked again on the way out: a file edited by hand is refused, not trusted. */
  get(version = this.currentVersion()): Codebook {
    const json = this.db.prepare('SELECT json FROM codebook WHERE version = ?').pluck().get(version) as string | undefined
    if (json === undefined) throw new AppError('NOT_FOUND', `Codebook version ${version} does not exist in this project.`)
    const check = validateCodebook(JSON.parse(json))
    if (!check.ok) throw new AppError('VALIDATION', `Codebook version ${version} in this project is invalid: ${check.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`)
    return { ...check.codebook, version }
  }
}
