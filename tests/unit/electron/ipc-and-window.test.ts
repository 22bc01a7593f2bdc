import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { METHOD_NAMES } from '../../../src/shared/method-names'

const created: { options: Record<string, unknown>; contents: Record<string, (...args: unknown[]) => void> }[] = []
const answers: number[] = []
// a fake electron module: the binary cannot be downloaded on the build machines
vi.mock('electron', () => ({
  BrowserWindow: class {
    webContents = {
      on: (event: string, listener: (...args: unknown[]) => void) => void (created.at(-1)!.contents[event] = listener)
    }
    constructor(options: Record<string, unknown>) {
      created.push({ options, contents: {} })
    }
    once() {}
    loadURL() {
      return Promise.resolve()
    }
  },
  dialog: { showMessageBoxSync: () => answers.shift() ?? 1 }
}))

const { registerIpc, channelOf } = await import('../../../src/main/ipc')
const { createMainWindow } = await import('../../../src/main/window')
const { createHandlers } = await import('../../../src/main/api/handlers')
const { Workbench } = await import('../../../src/main/app/workbench')

const { APP_PAGE_URL: RENDERER } = await import('../../../src/main/app-protocol')

function registered() {
  const dataDir = mkdtempSync(join(tmpdir(), 'sw-ipc-'))
  const wb = new Workbench({ mode: 'electron', dataDir, resourcesDir: resolve(__dirname, '../../../resources'), workerPath: '/nonexistent', emit: () => {} })
  const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>()
  registerIpc({ handle: (channel: string, fn: never) => handlers.set(channel, fn) } as never, createHandlers(wb), RENDERER)
  return handlers
}

describe('IPC wiring (fake electron module)', () => {
  it('registers exactly one channel per contract method', () => {
    const handlers = registered()
    expect([...handlers.keys()].sort()).toEqual(METHOD_NAMES.map(channelOf).sort())
  })

  it('answers our own page, wherever in the app it has routed to', async () => {
    const info = registered().get(channelOf('app.info'))!
    for (const url of [RENDERER, `${RENDERER}#/article/3/review`])
      expect(await info({ senderFrame: { url } }, {})).toMatchObject({ ok: true, value: { mode: 'electron' } })
  })

  it.each([
    ['another origin', 'https://evil.example/'],
    ['an about:blank iframe', 'about:blank'],
    ['an srcdoc iframe', 'about:srcdoc'],
    ['a data: page', 'data:text/html,<script>spanwise.call("app.info")</script>'],
    ['another app:// host', 'app://evil/index.html'],
    ['our bundle opened through file://', 'file:///app/out/renderer/index.html'],
    ['a file:// page elsewhere', 'file:///tmp/evil.html'],
    ['a dev server', 'http://localhost:5173/']
  ])('refuses a call from %s before any handler runs', async (_what, url) => {
    const handlers = registered()
    expect(await handlers.get(channelOf('app.info'))!({ senderFrame: { url } }, {})).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/unexpected frame/) } })
    // a refused write leaves nothing behind: the name is still unset afterwards
    expect(await handlers.get(channelOf('user.setName'))!({ senderFrame: { url } }, { name: 'Mallory' })).toMatchObject({ ok: false })
    expect(await handlers.get(channelOf('app.info'))!({ senderFrame: { url: RENDERER } }, {})).toMatchObject({ ok: true, value: { user: null } })
  })

  it('refuses a call whose frame is gone (destroyed or navigated away)', async () => {
    const info = registered().get(channelOf('app.info'))!
    expect(await info({ senderFrame: null }, {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await info({}, {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('validates input before any handler runs', async () => {
    const handlers = registered()
    const result = await handlers.get(channelOf('annotations.create'))!({ senderFrame: { url: RENDERER } }, { articleId: 'x' })
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })
})

describe('main window (fake electron module)', () => {
  it('is isolated and sandboxed, with no Node integration or webview', () => {
    createMainWindow(RENDERER)
    const prefs = created.at(-1)!.options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, webSecurity: true, webviewTag: false })
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.js$/)
  })

  it('asks before closing over unsaved changes the page holds, and closes only when told to leave', () => {
    createMainWindow(RENDERER)
    const prevent = created.at(-1)!.contents['will-prevent-unload']!
    let left = 0
    const event = { preventDefault: () => void left++ }
    answers.push(1)
    prevent(event)
    expect(left).toBe(0)
    answers.push(0)
    prevent(event)
    expect(left).toBe(1)
  })

  it('allows no insecure content, experimental or Blink features, sub-frame Node, extra arguments or other session', () => {
    createMainWindow(RENDERER)
    const prefs = created.at(-1)!.options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({ allowRunningInsecureContent: false, experimentalFeatures: false })
    for (const key of ['enableBlinkFeatures', 'nodeIntegrationInSubFrames', 'additionalArguments', 'partition', 'session', 'disableBlinkFeatures'])
      expect(prefs, key).not.toHaveProperty(key)
  })
})
