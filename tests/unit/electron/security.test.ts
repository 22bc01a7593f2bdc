import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { denyPermissions, hardenApp, isOwnPage } from '../../../src/main/security'

// Electron cannot be downloaded on the build machines: these drive the real hardening code with fake app/webContents objects
function fakeContents() {
  const contents = new EventEmitter() as EventEmitter & { openHandler?: (d: { url: string }) => { action: string } }
  Object.assign(contents, { setWindowOpenHandler: (h: (d: { url: string }) => { action: string }) => (contents.openHandler = h) })
  return contents
}

describe('app hardening (fake electron module)', () => {
  const setup = () => {
    const app = new EventEmitter()
    hardenApp(app as never)
    const created = () => {
      const contents = fakeContents()
      app.emit('web-contents-created', {}, contents)
      return contents
    }
    return { created }
  }

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview'])('prevents %s in every web contents', (name) => {
    const { created } = setup()
    for (const contents of [created(), created()]) {
      const event = { preventDefault: vi.fn() }
      contents.emit(name, event, 'https://evil.example/')
      expect(event.preventDefault).toHaveBeenCalledOnce()
    }
  })

  it.each(['https://example.org/a', 'http://example.org/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://spanwise/index.html', 'about:blank', 'not a url'])(
    'denies window.open(%s): no window, and nothing handed to the system',
    (url) => {
      const contents = setup().created()
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' })
    }
  )

  it('denies every permission request and check, and every device', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() }
    denyPermissions(session as never)
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'display-capture', 'openExternal', 'hid']) {
      const callback = vi.fn()
      session.setPermissionRequestHandler.mock.calls[0]![0]({}, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
      expect(session.setPermissionCheckHandler.mock.calls[0]![0]({}, permission)).toBe(false)
    }
    expect(session.setDevicePermissionHandler.mock.calls[0]![0]({ deviceType: 'usb', origin: 'app://spanwise' })).toBe(false)
  })
})

describe('isOwnPage', () => {
  const APP = 'app://spanwise/index.html'
  it.each([
    [APP, APP, true],
    ['app://spanwise/index.html#/article/1', APP, true],
    ['app://spanwise/other.html', APP, true],
    ['app://evil/index.html', APP, false],
    ['app://spanwise.evil/index.html', APP, false],
    ['about:blank', APP, false],
    ['about:srcdoc', APP, false],
    ['data:text/html,<script>1</script>', APP, false],
    ['blob:app://spanwise/0b8e4f1c', APP, false],
    ['file:///app/out/renderer/index.html', APP, false],
    ['https://spanwise/index.html', APP, false],
    ['file:///app/out/renderer/index.html', 'file:///app/out/renderer/index.html', true],
    ['file:///tmp/evil.html', 'file:///app/out/renderer/index.html', false],
    ['about:blank', 'file:///app/out/renderer/index.html', false],
    ['http://localhost:5173/#/article/1', 'http://localhost:5173', true],
    ['http://localhost:5174/', 'http://localhost:5173', false],
    ['about:blank', 'http://localhost:5173', false],
    ['https://evil.example/', 'file:///app/out/renderer/index.html', false],
    ['', APP, false],
    ['not a url', APP, false]
  ])('isOwnPage(%s, %s) = %s', (frame, own, ok) => expect(isOwnPage(frame, own)).toBe(ok))
})
