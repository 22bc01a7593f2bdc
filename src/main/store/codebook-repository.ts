import type { Codebook } from '../../shared/codebook/codebook-schema'
import { validateCodebook } from '../../shared/codebook/validate-codebook'
import { AppError } from '../../shared/errors'
import type { Db } from './open-project-db'

/** The project's codebook versions; the highest is the one tags are coded under. */
export class CodebookRepository {
  // versions never change once stored, so each is parsed and checked once
  private readonly cache = new Map<number, Codebook>()

  constructor(private readonly db: Db) {}

  currentVersion(): number {
    return this.db.prepare('SELECT max(version) FROM codebook').pluck().get() as number
  }

  /** A stored version, checked again on the way out: a file edited by hand is refused, not trusted. */
  get(version = this.currentVersion()): Codebook {
    const cached = this.cache.get(version)
    if (cached) return cached
    const json = this.db.prepare('SELECT json FROM codebook WHERE version = ?').pluck().get(version) as string | undefined
    if (json === undefined) throw new AppError('NOT_FOUND', `Codebook version ${version} does not exist in this project.`)
    const check = validateCodebook(JSON.parse(json))
    if (!check.ok) throw new AppError('VALIDATION', `Codebook version ${version} in this project is invalid: ${check.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`)
    const codebook = { ...check.codebook, version }
    this.cache.set(version, codebook)
    return codebook
  }

  /** Refuses a label the current codebook does not define, naming the ones it does. */
  requireLabel(label: string): void {
    const labels = this.get().labels.map((l) => l.name)
    if (!labels.includes(label)) throw new AppError('VALIDATION', `The codebook has no label “${label}”; use one of: ${labels.join(', ')}.`)
  }
}
