import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import Database from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import { LATEST_VERSION } from './migrations'
import { migrate } from './migrate'

/** Marks our SQLite files ("Spnw"), so we never mistake another database for a project. */
export const APPLICATION_ID = 0x53706e77
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
 * Opens an existing project: checks it is ours and not from a newer version before writing anything,
 * backs it up, then migrates it to the latest schema.
 */
export async function openProjectDb(file: string): Promise<Db> {
  inspectProjectFile(file)
  const db = new Database(file, { fileMustExist: true })
  try {
    configure(db)
    const version = db.pragma('user_version', { simple: true }) as number
    if (version < LATEST_VERSION) {
      await db.backup(`${file}.before-v${LATEST_VERSION}-${new Date().toISOString().replace(/[:.]/g, '-')}.bak`)
      migrate(db)
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

/** Throws a clear AppError unless `file` is a Spanwise project this build can open. Writes nothing. */
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
  if (read < 16 || header.toString('latin1', 0, 16) !== SQLITE_HEADER)
    throw new AppError('NOT_A_PROJECT', `${name} is not a Spanwise project (it is not an SQLite database). Choose a .spanwise file, or import it as an article instead.`)
  // Read user_version (offset 60) and application_id (offset 68) from the header: even a read-only SQLite
  // connection to a WAL-mode file creates -wal and -shm files beside it. Only a file that already has a -wal
  // (writes not yet checkpointed into the header) is asked through SQLite.
  const db = existsSync(`${file}-wal`) ? new Database(file, { readonly: true, fileMustExist: true }) : null
  try {
    const appId = db ? (db.pragma('application_id', { simple: true }) as number) : read < 100 ? 0 : header.readInt32BE(68)
    const version = db ? (db.pragma('user_version', { simple: true }) as number) : read < 100 ? 0 : header.readInt32BE(60)
    if (appId !== APPLICATION_ID)
      throw new AppError('NOT_A_PROJECT', `${name} is an SQLite database but not a Spanwise project; it was left unchanged.`)
    if (version > LATEST_VERSION)
      throw new AppError(
        'PROJECT_TOO_NEW',
        `${name} was written by a newer version of Spanwise (schema ${version}; this version reads up to ${LATEST_VERSION}). Update Spanwise to open it; the file was left unchanged.`,
        { version, supported: LATEST_VERSION }
      )
    return { version }
  } finally {
    db?.close()
  }
}
