import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { denyPermissions, hardenApp, isOwnPage, isSafeExternalUrl } from '../../../src/main/security'

// Electron cannot be downloaded on the build machines: these drive the real hardening code with fake app/webContents objects
function fakeContents() {
  const contents = new EventEmitter() as EventEmitter & { openHandler?: (d: { url: string }) => { action: string } }
  Object.assign(contents, { setWindowOpenHandler: (h: (d: { url: string }) => { action: string }) => (contents.openHandler = h) })
  return contents
}

describe('app hardening (fake electron module)', () => {
  const setup = () => {
    const app = new EventEmitter()
    const openExternal = vi.fn()
    hardenApp(app as never, openExternal)
    const contents = fakeContents()
    app.emit('web-contents-created', {}, contents)
    return { contents, openExternal }
  }

  it.each(['will-navigate', 'will-redirect', 'will-attach-webview'])('prevents %s', (name) => {
    const { contents } = setup()
    const event = { preventDefault: vi.fn() }
    contents.emit(name, event, 'https://evil.example/')
    expect(event.preventDefault).toHaveBeenCalled()
  })

  it('denies window.open and sends only http(s) links to the system browser', () => {
    const { contents, openExternal } = setup()
    expect(contents.openHandler!({ url: 'https://example.org/a' })).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledWith('https://example.org/a')
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'not a url']) {
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' })
    }
    expect(openExternal).toHaveBeenCalledTimes(1)
  })

  it('denies every permission request and check', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() }
    denyPermissions(session as never)
    const callback = vi.fn()
    session.setPermissionRequestHandler.mock.calls[0]![0]({}, 'media', callback)
    expect(callback).toHaveBeenCalledWith(false)
    expect(session.setPermissionCheckHandler.mock.calls[0]![0]({}, 'notifications')).toBe(false)
  })
})

describe('URL checks', () => {
  it.each([
    ['https://example.org', true],
    ['http://example.org/x?y', true],
    ['javascript:alert(1)', false],
    ['file:///tmp/x', false],
    ['https://', false],
    ['data:text/html,<script>', false]
  ])('isSafeExternalUrl(%s) = %s', (url, ok) => expect(isSafeExternalUrl(url)).toBe(ok))

  it.each([
    ['file:///app/out/renderer/index.html', 'file:///app/out/renderer/index.html', true],
    ['file:///tmp/evil.html', 'file:///app/out/renderer/index.html', false],
    ['http://localhost:5173/#/article/1', 'http://localhost:5173', true],
    ['http://localhost:5174/', 'http://localhost:5173', false],
    ['https://evil.example/', 'file:///app/out/renderer/index.html', false],
    ['', 'file:///app/out/renderer/index.html', false]
  ])('isOwnPage(%s, %s) = %s', (frame, own, ok) => expect(isOwnPage(frame, own)).toBe(ok))
})
