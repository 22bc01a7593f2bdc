import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { EVENT_NAMES, METHOD_NAMES } from '../shared/method-names'
import { PICK_PATHS_CHANNEL } from '../shared/pick-paths'
import type { PreloadBridge } from './bridge'

const methods = new Set<string>(METHOD_NAMES)
const events = new Set<string>(EVENT_NAMES)

// a narrow bridge: only contract methods and events, never ipcRenderer itself
const bridge = {
  call: (method: string, input: unknown) => {
    if (!methods.has(method)) return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_METHOD', message: `There is no method called "${method}".` } })
    return ipcRenderer.invoke(`api:${method}`, input)
  },
  on: (event: string, listener: (payload: unknown) => void) => {
    if (!events.has(event)) return () => {}
    const wrapped = (_e: unknown, name: string, payload: unknown) => {
      if (name === event) listener(payload)
    }
    ipcRenderer.on('event', wrapped)
    return () => {
      ipcRenderer.removeListener('event', wrapped)
    }
  },
  pathForFile: (file: File) => webUtils.getPathForFile(file),
  // main parses the request; a check here would add nothing, since only main's check cannot be skipped by the page
  pickPaths: (request) => ipcRenderer.invoke(PICK_PATHS_CHANNEL, request)
} satisfies PreloadBridge

contextBridge.exposeInMainWorld('spanwise', bridge)
