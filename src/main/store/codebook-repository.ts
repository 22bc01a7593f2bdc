import type { Link } from '../../shared/domain'
import type { Codebook } from '../../shared/codebook/codebook-schema'
import type { CodebookMigration } from '../../shared/codebook/codebook-migration'
import type { CodebookUsage, CodebookVersionInfo } from '../../shared/codebook/codebook-versions'
import { typeChanges } from '../../shared/codebook/type-changes'
import { validateCodebook } from '../../shared/codebook/validate-codebook'
import { AppError } from '../../shared/errors'
import type { Db } from './open-project-db'
import type { DbCodebookVersionRow } from './rows'
import { quoted } from '../../shared/text/quoted'

/** The coding of one tag: what a codebook change can touch. */
export interface TagCoding {
  id: string
  label: string
  attributes: Record<string, unknown>
  links: Link[]
}

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
    if (!labels.includes(label)) throw new AppError('VALIDATION', `The codebook has no label ${quoted(label)}; use one of: ${labels.join(', ')}.`)
  }

  /** Stores a new version; versions are never overwritten. Call inside a transaction. */
  insert(v: { codebook: Codebook; note: string; createdBy: string; migration: CodebookMigration }): void {
    this.db
      .prepare('INSERT INTO codebook (version, json, note, created_by, created_at, migration) VALUES (?, ?, ?, ?, ?, ?)')
      .run(v.codebook.version, JSON.stringify(v.codebook), v.note, v.createdBy, new Date().toISOString(), JSON.stringify(v.migration))
  }

  /** Every version, newest first, with who saved it, how tags were carried over and which attribute types it changed. */
  versions(): CodebookVersionInfo[] {
    const rows = this.db
      .prepare<[], DbCodebookVersionRow>(
        `SELECT c.version, c.json, c.note, u.name AS created_by, c.created_at, c.migration
         FROM codebook c LEFT JOIN annotator u ON u.id = c.created_by ORDER BY c.version DESC`
      )
      .all()
    const codebooks = rows.map((r) => JSON.parse(r.json) as Codebook)
    return rows.map((r, i) => {
      const migration = r.migration === null ? null : (JSON.parse(r.migration) as CodebookMigration)
      const previous = codebooks[i + 1]
      return {
        version: r.version,
        name: codebooks[i]!.name ?? '',
        note: r.note,
        createdBy: r.created_by,
        createdAt: r.created_at,
        migration,
        typeChanges: previous ? typeChanges(previous, codebooks[i]!, migration) : []
      }
    })
  }

  /** Label, attribute and value of every tag: what a codebook change can orphan. */
  tagCodings(): TagCoding[] {
    return this.db
      .prepare<[], { id: string; label: string; attributes: string; links: string }>(
        `SELECT n.id, n.label, n.attributes,
           (SELECT json_group_array(json_object('type', r.type, 'to', r.to_id)) FROM (SELECT * FROM relation WHERE from_id = n.id ORDER BY idx) r) AS links
         FROM annotation n`
      )
      .all()
      .map((r) => ({ id: r.id, label: r.label, attributes: JSON.parse(r.attributes) as Record<string, unknown>, links: JSON.parse(r.links) as Link[] }))
  }

  /** How many tags use each label, attribute key and string value (single values and list items). */
  usage(): CodebookUsage {
    const usage: CodebookUsage = { labels: {}, attributes: {}, values: {} }
    for (const r of this.db.prepare<[], { label: string; n: number }>('SELECT label, count(*) AS n FROM annotation GROUP BY label').all()) usage.labels[r.label] = r.n
    const keys = this.db
      .prepare<[], { label: string; key: string; n: number }>('SELECT a.label, j.key, count(*) AS n FROM annotation a, json_each(a.attributes) j GROUP BY a.label, j.key')
      .all()
    for (const r of keys) (usage.attributes[r.label] ??= {})[r.key] = r.n
    // free text is not counted value by value: only short strings can be choices
    const values = this.db
      .prepare<[], { label: string; key: string; value: string; n: number }>(
        `SELECT a.label, j.key, j.value, count(*) AS n FROM annotation a, json_each(a.attributes) j
           WHERE j.type = 'text' AND length(j.value) <= 200 GROUP BY a.label, j.key, j.value
         UNION ALL
         SELECT a.label, j.key, e.value, count(DISTINCT a.id) AS n FROM annotation a, json_each(a.attributes) j, json_each(j.value) e
           WHERE j.type = 'array' AND e.type = 'text' GROUP BY a.label, j.key, e.value`
      )
      .all()
    for (const r of values) ((usage.values[r.label] ??= {})[r.key] ??= {})[r.value] = r.n
    return usage
  }
}
