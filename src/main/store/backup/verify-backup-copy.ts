import { statSync } from 'node:fs'
import Database from 'better-sqlite3'
import { AppError } from '../../../shared/errors'
import { APPLICATION_ID } from '../application-id'
import { sha256OfFile } from './sha256-of-file'

export interface VerifiedCopy {
  bytes: number
  sha256: string
  schemaVersion: number
  articles: number
  tags: number
}

/** Checks a copy is a whole, sound Spanwise project: integrity_check, foreign keys, our application_id. Throws BACKUP_FAILED otherwise. */
export function verifyBackupCopy(file: string, options: { readonly: boolean }): VerifiedCopy {
  let db: Database.Database | null = null
  try {
    db = new Database(file, { readonly: options.readonly, fileMustExist: true })
    const integrity = db.pragma('integrity_check(5)', { simple: false }) as { integrity_check: string }[]
    if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok')
      throw new AppError('BACKUP_FAILED', `The backup ${file} failed its integrity check: ${integrity.map((r) => r.integrity_check).join('; ')}`)
    const orphans = db.pragma('foreign_key_check') as unknown[]
    if (orphans.length) throw new AppError('BACKUP_FAILED', `The backup ${file} has ${orphans.length} rows whose references are broken.`)
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) throw new AppError('BACKUP_FAILED', `${file} is not a Spanwise project.`)
    // a project from before schema 1 has no article table yet
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").pluck()
    const count = (table: string) => (exists.get(table) ? (db!.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n : 0)
    const result = {
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      articles: count('article'),
      tags: count('annotation')
    }
    db.close()
    db = null
    return { ...result, bytes: statSync(file).size, sha256: sha256OfFile(file) }
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new AppError('BACKUP_FAILED', `The backup ${file} cannot be read as a project: ${(error as Error).message}`)
  } finally {
    db?.close()
  }
}
