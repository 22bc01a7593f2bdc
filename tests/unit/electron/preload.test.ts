import { beforeAll, describe, expect, it, vi } from 'vitest'
import { EVENT_NAMES, METHOD_NAMES } from '../../../src/shared/method-names'
import { PICK_PATHS_CHANNEL } from '../../../src/shared/pick-paths'

// a fake electron module (the binary cannot be downloaded here): records what the real preload exposes and sends
const exposed = new Map<string, unknown>()
const ipcRenderer = {
  invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
  on: vi.fn(),
  removeListener: vi.fn(),
  send: vi.fn(),
  sendSync: vi.fn()
}
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer,
  webUtils: { getPathForFile: vi.fn(() => '/home/ana/article.txt') }
}))

interface Bridge {
  call: (method: string, input: unknown) => Promise<unknown>
  on: (event: string, listener: (payload: unknown) => void) => () => void
  pathForFile: (file: unknown) => string
  pickPaths: (request: unknown) => Promise<unknown>
}
let bridge: Bridge

beforeAll(async () => {
  await import('../../../src/preload/index')
  bridge = exposed.get('spanwise') as Bridge
})

describe('preload bridge (fake electron module)', () => {
  it('exposes one object with four functions, and nothing of Electron itself', () => {
    expect([...exposed.keys()]).toEqual(['spanwise'])
    expect(Object.keys(bridge).sort()).toEqual(['call', 'on', 'pathForFile', 'pickPaths'])
    for (const value of Object.values(bridge)) {
      expect(typeof value).toBe('function')
      expect(Object.values(ipcRenderer)).not.toContain(value)
    }
    expect(Object.values(bridge)).not.toContain(ipcRenderer)
  })

  it('sends each contract method to its own channel, and any other name nowhere', async () => {
    expect(await bridge.call('app.info', {})).toEqual({ ok: true, value: { channel: 'api:app.info', input: {} } })
    for (const method of METHOD_NAMES) await bridge.call(method, { x: 1 })
    expect(ipcRenderer.invoke.mock.calls.slice(1)).toEqual(METHOD_NAMES.map((m) => [`api:${m}`, { x: 1 }]))
    ipcRenderer.invoke.mockClear()
    for (const name of ['event', 'api:app.info', '../app.info', 'ELECTRON_BROWSER_WINDOW_ALERT', '__proto__', 'constructor'])
      expect(await bridge.call(name, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    expect(ipcRenderer.invoke).not.toHaveBeenCalled()
    expect(ipcRenderer.send).not.toHaveBeenCalled()
    expect(ipcRenderer.sendSync).not.toHaveBeenCalled()
  })

  it('sends a path-picker request to its one channel and nowhere else, leaving the checks to main', async () => {
    ipcRenderer.invoke.mockClear()
    const request = { kind: 'open-files', title: 'Import brat standoff', multiple: true }
    expect(await bridge.pickPaths(request)).toEqual({ ok: true, value: { channel: PICK_PATHS_CHANNEL, input: request } })
    // a malformed request still goes only to the picker channel, where main refuses it
    await bridge.pickPaths({ kind: 'api:app.info', title: 'x' })
    expect(ipcRenderer.invoke.mock.calls.map(([channel]) => channel)).toEqual([PICK_PATHS_CHANNEL, PICK_PATHS_CHANNEL])
    expect(ipcRenderer.send).not.toHaveBeenCalled()
    expect(ipcRenderer.sendSync).not.toHaveBeenCalled()
  })

  it('hands a listener only the payload of its own event, never the IpcRendererEvent, and unsubscribes', () => {
    const listener = vi.fn()
    const unsubscribe = bridge.on(EVENT_NAMES[0], listener)
    expect(ipcRenderer.on).toHaveBeenCalledOnce()
    const [channel, wrapped] = ipcRenderer.on.mock.calls[0]! as [string, (...args: unknown[]) => void]
    expect(channel).toBe('event')
    expect(wrapped).not.toBe(listener)
    const ipcEvent = { sender: ipcRenderer, senderFrame: {}, ports: [] }
    wrapped(ipcEvent, EVENT_NAMES[0], { done: 1 })
    wrapped(ipcEvent, EVENT_NAMES[1], { other: true })
    expect(listener.mock.calls).toEqual([[{ done: 1 }]])
    unsubscribe()
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith('event', wrapped)
  })

  it('ignores a subscription to an event that is not in the contract', () => {
    ipcRenderer.on.mockClear()
    const unsubscribe = bridge.on('ipc-message', vi.fn())
    expect(ipcRenderer.on).not.toHaveBeenCalled()
    expect(typeof unsubscribe).toBe('function')
  })
})
