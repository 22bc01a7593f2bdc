import { existsSync, rmSync } from 'node:fs'
import Database from 'better-sqlite3'
import type { SalvageReport } from '../../../shared/backups/backup-entry'
import { AppError } from '../../../shared/errors'
import { APPLICATION_ID } from '../application-id'
import { migrate } from '../migrate'
import { configure } from '../open-project-db'

const CHUNK = 500
/** Tables rebuilt from others after the copy, never copied: full-text index shadows and SQLite's own. */
const DERIVED = /^(article_fts.*|sqlite_.*)$/

/**
 * Reads what it can from a damaged project into a new project at `target`: table by table, in rowid
 * chunks, stepping over unreadable pages; then drops rows whose references were lost, recounts tags,
 * rebuilds the search index and migrates to the latest schema. The damaged file is opened read-only.
 */
export function salvageProject(damaged: string, target: string): SalvageReport {
  if (existsSync(target)) throw new AppError('PROJECT_EXISTS', `${target} already exists; salvage writes a new file and never overwrites one.`)
  let source: Database.Database
  let version: number
  try {
    source = new Database(damaged, { readonly: true, fileMustExist: true })
    version = source.pragma('user_version', { simple: true }) as number
    source.prepare('SELECT count(*) FROM sqlite_master').get()
  } catch (error) {
    throw new AppError('PROJECT_DAMAGED', `Nothing can be read from ${damaged}: ${(error as Error).message}. Restore a backup instead.`)
  }
  const out = new Database(target)
  const tables: SalvageReport['tables'] = []
  try {
    configure(out)
    out.pragma(`application_id = ${APPLICATION_ID}`)
    migrate(out, version)
    out.pragma('foreign_keys = OFF')
    const names = (out.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid").pluck().all() as string[]).filter((n) => !DERIVED.test(n))
    out.transaction(() => {
      for (const name of names) tables.push(copyTable(source, out, name))
      dropOrphans(out)
      out.exec('UPDATE article SET tag_count = (SELECT count(*) FROM annotation WHERE annotation.article_id = article.id)')
      out.exec("INSERT INTO article_fts(article_fts) VALUES ('rebuild')")
    })()
    out.pragma('foreign_keys = ON')
    migrate(out)
    const count = (t: string) => out.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number
    return { path: target, tables, articles: count('article'), tags: count('annotation') }
  } catch (error) {
    out.close()
    for (const f of [target, `${target}-wal`, `${target}-shm`]) rmSync(f, { force: true })
    throw error instanceof AppError ? error : new AppError('PROJECT_DAMAGED', `Salvaging ${damaged} failed: ${(error as Error).message}. Restore a backup instead.`)
  } finally {
    source.close()
    if (out.open) out.close()
  }
}

/** Copies the columns both schemas share; on a read error, skips ahead by growing rowid steps until reads succeed again. */
function copyTable(source: Database.Database, out: Database.Database, name: string): SalvageReport['tables'][number] {
  const report = { name, rows: 0, unreadable: false }
  let columns: string[]
  try {
    const have = new Set((source.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).map((c) => c.name))
    columns = (out.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).map((c) => c.name).filter((c) => have.has(c))
  } catch {
    return { ...report, unreadable: true }
  }
  if (!columns.length) return { ...report, unreadable: true }
  const list = columns.map((c) => `"${c}"`).join(', ')
  const insert = out.prepare(`INSERT OR IGNORE INTO "${name}" (${list}) VALUES (${columns.map(() => '?').join(', ')})`)
  // rows the migrations seeded (default codebook, seed actors) give way to the project's own, unless none can be read
  let cleared = false
  const add = (row: unknown[]) => {
    if (!cleared) out.prepare(`DELETE FROM "${name}"`).run()
    cleared = true
    insert.run(...row)
    report.rows++
  }
  const withoutRowid = /WITHOUT\s+ROWID/i.test(out.prepare("SELECT sql FROM sqlite_master WHERE name = ?").pluck().get(name) as string)
  if (withoutRowid) {
    // no rowid to step over damage with: keep every row read before the first unreadable page
    try {
      for (const row of source.prepare(`SELECT ${list} FROM "${name}"`).raw().iterate() as Iterable<unknown[]>) add(row)
    } catch {
      report.unreadable = true
    }
    return report
  }
  const read = source.prepare(`SELECT rowid, ${list} FROM "${name}" WHERE rowid > ? ORDER BY rowid LIMIT ${CHUNK}`).raw()
  let after = Number.MIN_SAFE_INTEGER
  let step = 1
  for (let guard = 0; guard < 1_000_000; guard++) {
    let rows: unknown[][]
    try {
      rows = read.all(after) as unknown[][]
    } catch {
      report.unreadable = true
      after = Math.max(after, 0) + step
      step *= 2
      if (after > 2 ** 53) break
      continue
    }
    if (!rows.length) break
    step = 1
    for (const row of rows) add(row.slice(1))
    after = rows[rows.length - 1]![0] as number
  }
  return report
}

/** Deletes rows whose parent was lost, repeating until foreign_key_check finds none (a lost article takes its tags). */
function dropOrphans(out: Database.Database): void {
  for (let round = 0; round < 20; round++) {
    const orphans = out.pragma('foreign_key_check') as { table: string; rowid: number | null }[]
    if (!orphans.length) return
    for (const o of orphans) if (o.rowid !== null) out.prepare(`DELETE FROM "${o.table}" WHERE rowid = ?`).run(o.rowid)
    // WITHOUT ROWID tables report no rowid: remove their orphans by joining on the lost parent
    for (const table of new Set(orphans.filter((o) => o.rowid === null).map((o) => o.table))) deleteOrphansWithoutRowid(out, table)
  }
}

function deleteOrphansWithoutRowid(out: Database.Database, table: string): void {
  const keys = out.prepare(`PRAGMA foreign_key_list("${table}")`).all() as { table: string; from: string; to: string | null }[]
  for (const k of keys) out.exec(`DELETE FROM "${table}" WHERE "${k.from}" IS NOT NULL AND "${k.from}" NOT IN (SELECT "${k.to ?? 'rowid'}" FROM "${k.table}")`)
}
