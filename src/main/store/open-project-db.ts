import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import Database from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import { APPLICATION_ID } from './application-id'
import { backupFolderOf } from './backup/backup-folder'
import { makeBackup } from './backup/make-backup'
import { hasBackups, quarantineProject } from './backup/quarantine-project'
import { findDamage } from './find-damage'
import type { Migration } from './migration'
import { LATEST_VERSION, MIGRATIONS } from './migrations'
import { migrate } from './migrate'

export { APPLICATION_ID }
const SQLITE_HEADER = 'SQLite format 3\0'

export type Db = Database.Database

/** Pragmas every connection needs; WAL + synchronous=FULL so "Saved" survives a power cut (see README). */
export function configure(db: Db): void {
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  db.pragma('journal_size_limit = 67108864')
}

/** Creates a new, empty project file at the latest schema. Refuses to overwrite an existing file. */
export function createProjectDb(file: string): Db {
  if (existsSync(file)) throw new AppError('PROJECT_EXISTS', `${file} already exists; open it instead, or choose another name.`)
  // SQLite's own message ("the directory does not exist") names neither the folder nor the file
  const folder = dirname(file)
  const stat = statSync(folder, { throwIfNoEntry: false })
  if (!stat?.isDirectory())
    throw new AppError('NOT_FOUND', `Cannot create ${file}: ${stat ? `${folder} is a file, not a folder` : `the folder ${folder} does not exist`}; create the folder first, or choose another place for the project.`)
  const db = new Database(file)
  try {
    configure(db)
    db.pragma(`application_id = ${APPLICATION_ID}`)
    migrate(db)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/**
 * Opens an existing project: checks it is ours, not from a newer version and not damaged before writing
 * anything, then (if its schema is older) backs it up and migrates it. A damaged project is moved aside
 * untouched and reported as PROJECT_DAMAGED with its backups; a failed migration leaves the file as it was.
 */
export async function openProjectDb(file: string, migrations: readonly Migration[] = MIGRATIONS): Promise<Db> {
  const { version } = inspectProjectFile(file)
  const problem = findDamage(file)
  if (problem) throw quarantineProject(file, problem)
  const db = new Database(file, { fileMustExist: true })
  try {
    configure(db)
    const latest = migrations[migrations.length - 1]!.version
    if (version < latest) {
      const backup = await makeBackup(file, 'before-migration')
      try {
        migrate(db, latest, migrations)
      } catch (error) {
        throw new AppError(
          'MIGRATION_FAILED',
          `${basename(file)} could not be upgraded from schema ${version} to ${latest}: ${(error as Error).message}. Nothing was changed in it, and a copy was kept as ${backup.file} in ${basename(backupFolderOf(file))}. Report this problem with the file attached.`,
          { from: version, to: latest, backup: backup.file }
        )
      }
    }
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/** Opens a second connection to a project the main connection already checked (for worker threads). */
export function openWorkerDb(file: string): Db {
  const db = new Database(file, { fileMustExist: true })
  configure(db)
  return db
}

/** Throws a clear AppError unless `file` is a Spanwise project this build can open. Writes nothing; a damaged project is only moved aside. */
export function inspectProjectFile(file: string): { version: number } {
  const name = basename(file)
  if (!existsSync(file)) throw new AppError('NOT_FOUND', `${file} does not exist. Check the path, or create a new project.`)
  if (!statSync(file).isFile()) throw new AppError('NOT_A_PROJECT', `${file} is a folder, not a project file.`)
  const header = Buffer.alloc(100)
  const fd = openSync(file, 'r')
  let read: number
  try {
    read = readSync(fd, header, 0, 100, 0)
  } finally {
    closeSync(fd)
  }
  if (read < 16 || header.toString('latin1', 0, 16) !== SQLITE_HEADER) {
    if (hasBackups(file)) throw quarantineProject(file, 'its first bytes are not an SQLite header')
    throw new AppError('NOT_A_PROJECT', `${name} is not a Spanwise project (it is not an SQLite database). Choose a .spanwise file, or import it as an article instead.`)
  }
  // Read user_version (offset 60) and application_id (offset 68) from the header: even a read-only SQLite
  // connection to a WAL-mode file creates -wal and -shm files beside it. Only a file that already has a -wal
  // (writes not yet checkpointed into the header) is asked through SQLite.
  const { appId, version, unreadable } = readHeaderFields(file, read < 100 ? null : header)
  if (appId !== APPLICATION_ID || unreadable) {
    const problem = hasBackups(file) || (unreadable && appId === APPLICATION_ID) ? (unreadable ?? findDamage(file) ?? 'its header no longer marks it as a Spanwise project') : null
    if (problem) throw quarantineProject(file, problem)
    throw new AppError('NOT_A_PROJECT', `${name} is an SQLite database but not a Spanwise project; it was left unchanged.`)
  }
  if (version > LATEST_VERSION)
    throw new AppError(
      'PROJECT_TOO_NEW',
      `${name} was written by a newer version of Spanwise (schema ${version}; this version reads up to ${LATEST_VERSION}). Update Spanwise to open it; the file was left unchanged.`,
      { version, supported: LATEST_VERSION }
    )
  return { version }
}

/** application_id and user_version, from the header bytes or, when a -wal may hold newer ones, through SQLite. */
function readHeaderFields(file: string, header: Buffer | null): { appId: number; version: number; unreadable: string | null } {
  const fromHeader = { appId: header ? header.readInt32BE(68) : 0, version: header ? header.readInt32BE(60) : 0 }
  if (!existsSync(`${file}-wal`)) return { ...fromHeader, unreadable: null }
  let db: Database.Database | null = null
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
    return { appId: db.pragma('application_id', { simple: true }) as number, version: db.pragma('user_version', { simple: true }) as number, unreadable: null }
  } catch (error) {
    return { ...fromHeader, unreadable: (error as Error).message }
  } finally {
    db?.close()
  }
}
