import { join, resolve } from 'node:path'
import type { EventName } from '../../src/shared/method-names'
import { createHandlers, type Handlers } from '../../src/main/api/handlers'
import { Workbench } from '../../src/main/app/workbench'
import { tempDir } from './project'

export const RESOURCES_DIR = resolve(__dirname, '../../resources')

export interface TempWorkbench {
  wb: Workbench
  handlers: Handlers
  dataDir: string
  events: { event: EventName; payload: unknown }[]
}

/** A browser-mode Workbench over a temp data folder; events are collected instead of sent. Close it with wb.close(). */
export function createTempWorkbench(options: { userName?: string; workerPath?: string } = {}): TempWorkbench {
  const dataDir = tempDir('spanwise-data-')
  const events: TempWorkbench['events'] = []
  const wb = new Workbench({
    mode: 'browser',
    dataDir,
    resourcesDir: RESOURCES_DIR,
    // tests that do not import never start a worker, so a missing file is fine
    workerPath: options.workerPath ?? join(dataDir, 'no-import-worker.js'),
    emit: (event, payload) => events.push({ event, payload })
  })
  if (options.userName) wb.settings.setUserName(options.userName)
  return { wb, handlers: createHandlers(wb), dataDir, events }
}
