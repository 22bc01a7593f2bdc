import Database from 'better-sqlite3'

/** Why SQLite cannot trust `file` (quick_check rows or the error opening it), or null when it reads soundly. Opens read-only. */
export function findDamage(file: string): string | null {
  let db: Database.Database | null = null
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
    const rows = (db.pragma('quick_check(3)') as { quick_check: string }[]).map((r) => r.quick_check)
    return rows.length === 1 && rows[0] === 'ok' ? null : rows.join('; ')
  } catch (error) {
    return (error as Error).message
  } finally {
    db?.close()
  }
}
