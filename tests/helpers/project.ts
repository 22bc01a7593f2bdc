import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { User } from '../../src/shared/domain'
import { runImport } from '../../src/main/import/run-import'
import { createProjectDb, openProjectDb } from '../../src/main/store/open-project-db'
import { Store } from '../../src/main/store/store'

const dirs: string[] = []
const stores: Store[] = []

/** A fresh folder under the OS temp dir; removed by cleanupTemp(). */
export function tempDir(prefix = 'spanwise-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  dirs.push(dir)
  return dir
}

/** Closes every store opened through these helpers and removes every temp folder (use in afterEach/afterAll). */
export function cleanupTemp(): void {
  for (const s of stores.splice(0)) s.close()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
}

export interface TempProject {
  dir: string
  file: string
  store: Store
}

/** A new, empty project file in a temp folder, open as a Store. */
export function createTempProject(name = 'test.spanwise'): TempProject {
  const dir = tempDir()
  const file = join(dir, name)
  const store = track(new Store(createProjectDb(file), file))
  return { dir, file, store }
}

/** Opens an existing project file through the real open path (checks, backup, migration). */
export async function openStore(file: string): Promise<Store> {
  return track(new Store(await openProjectDb(file), file))
}

/** Imports one text as a .txt article through the real importer; returns its id. */
export function addArticle(store: Store, text: string, name = 'article.txt'): number {
  const report = runImport(store.db, [{ kind: 'bytes', name, bytes: Buffer.from(text, 'utf8') }], { encoding: 'utf-8' })
  if (report.firstArticleId === null) throw new Error(`addArticle: nothing imported (${JSON.stringify(report.issues)})`)
  return report.firstArticleId
}

export function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

/** The SQLite side files beside a database that exist right now. */
export function sideFiles(file: string): string[] {
  return ['-wal', '-shm', '-journal'].filter((s) => existsSync(file + s))
}

/** The code points of `text` from `start` to `end`: what a stored range covers. */
export function cpSlice(text: string, start: number, end?: number): string {
  return Array.from(text).slice(start, end).join('')
}

/** Code point offset of the first `needle` in `text` (throws when absent). */
export function cpIndexOf(text: string, needle: string): number {
  const at = text.indexOf(needle)
  if (at < 0) throw new Error(`"${needle}" not in text`)
  return Array.from(text.slice(0, at)).length
}

export const ANA: User = { id: '11111111-1111-4111-8111-111111111111', name: 'Ana' }
export const BEN: User = { id: '22222222-2222-4222-8222-222222222222', name: 'Ben' }

function track(store: Store): Store {
  stores.push(store)
  return store
}
