import { copyFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { openWorkerDb } from '../../../src/main/store/open-project-db'
import { Store } from '../../../src/main/store/store'
import { dumpTables } from '../pack-fixtures'
import { createTempProject } from '../project'

export interface ProjectTemplate {
  /** Every table's rows in the prepared file (dumpTables), to compare a copy with after a refused import. */
  tables: Record<string, string[]>
  /** A fresh copy of the prepared project file, open; dispose() closes and deletes it. */
  open(): { store: Store; dispose(): void }
}

let copies = 0

/**
 * A real project file prepared once by `setup` and copied for every fuzz case, so each case starts from the same
 * state and a failing case replays on its own (state left by earlier cases never decides the outcome).
 */
export function projectTemplate(setup: (store: Store) => void = () => {}): ProjectTemplate {
  const { file, store } = createTempProject('template.spanwise')
  setup(store)
  return templateOf({ file, store })
}

/** A template of an existing project (closed here; its file is what every case copies). */
export function templateOf({ file, store }: { file: string; store: Store }): ProjectTemplate {
  const tables = dumpTables(store)
  store.close()
  return {
    tables,
    open() {
      const copy = join(dirname(file), `case-${++copies}.spanwise`)
      copyFileSync(file, copy)
      const opened = new Store(openWorkerDb(copy), copy)
      return {
        store: opened,
        dispose() {
          opened.close()
          for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(f, { force: true })
        }
      }
    }
  }
}
