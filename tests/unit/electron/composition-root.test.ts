import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it, vi } from 'vitest'
import { METHOD_NAMES } from '../../../src/shared/method-names'
import { PICK_PATHS_CHANNEL } from '../../../src/shared/pick-paths'

// A fake electron module (no Electron binary can run on the build machines), complete enough for src/main/index.ts
// to start: it records every IPC channel the app opens and how the picker finds its window.
const fake = vi.hoisted(() => {
  const channels = new Map<string, (event: unknown, input: unknown) => unknown>()
  const appEvents = new Map<string, () => void>()
  const windows: { webContents: unknown }[] = []
  const dialog = { showOpenDialog: async (_window: unknown, _options: unknown) => ({ canceled: false, filePaths: ['/home/ana/corpus.spanwise'] }), showSaveDialog: async () => ({ canceled: true, filePath: '' }) }
  return { channels, appEvents, windows, dialog, ready: null as Promise<void> | null }
})
vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { send() {}, on() {} }
    constructor() {
      fake.windows.push(this)
    }
    once() {}
    loadURL() {
      return Promise.resolve()
    }
    static fromWebContents(contents: unknown) {
      return fake.windows.find((w) => w.webContents === contents) ?? null
    }
  }
  let dataDir = ''
  const app = {
    isPackaged: false,
    setName() {},
    setPath: (_name: string, dir: string) => (dataDir = dir),
    getPath: () => dataDir,
    on: (name: string, fn: () => void) => fake.appEvents.set(name, fn),
    quit() {},
    whenReady: () => ({ then: (fn: () => Promise<void>) => (fake.ready = fn()) })
  }
  const permissions = { setPermissionRequestHandler() {}, setPermissionCheckHandler() {}, setDevicePermissionHandler() {} }
  return {
    app,
    BrowserWindow,
    dialog: fake.dialog,
    ipcMain: { handle: (channel: string, fn: (event: unknown, input: unknown) => unknown) => fake.channels.set(channel, fn) },
    protocol: { registerSchemesAsPrivileged() {}, handle() {} },
    session: { defaultSession: permissions },
    Menu: { buildFromTemplate: () => ({}), setApplicationMenu() {} }
  }
})

const dataDir = mkdtempSync(join(tmpdir(), 'sw-root-'))
process.env.SPANWISE_DATA_DIR = dataDir
delete process.env.ELECTRON_RENDERER_URL
await import('../../../src/main/index')
await fake.ready
afterAll(() => {
  fake.appEvents.get('before-quit')?.()
  rmSync(dataDir, { recursive: true, force: true })
})

it('opens the contract channels and the path picker, and no other IPC channel (fake electron module: no Electron binary here)', () => {
  expect([...fake.channels.keys()].sort()).toEqual([...METHOD_NAMES.map((m) => `api:${m}`), PICK_PATHS_CHANNEL].sort())
})

it('shows the picker modal to the window whose page asked, found through BrowserWindow.fromWebContents', async () => {
  const [win] = fake.windows
  const showOpenDialog = vi.spyOn(fake.dialog, 'showOpenDialog')
  const event = { senderFrame: { url: 'app://spanwise/index.html' }, sender: win!.webContents }
  expect(await fake.channels.get(PICK_PATHS_CHANNEL)!(event, { kind: 'open-files', title: 'Open a project' })).toEqual({ ok: true, value: ['/home/ana/corpus.spanwise'] })
  expect(showOpenDialog.mock.calls[0]![0]).toBe(win)
})
