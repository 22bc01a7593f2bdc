import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { APP_PAGE_URL, APP_SCHEME_PRIVILEGES, createAppFileHandler } from '../../../src/main/app-protocol'
import { rendererUrl } from '../../../src/main/renderer-url'
import { CONTENT_SECURITY_POLICY } from '../../../src/main/static/content-security-policy'
import { cleanupTemp, tempDir } from '../../helpers/project'

const INDEX = '<!doctype html><title>Spanwise</title>'
const SECRET = 'SECRET-OUTSIDE-THE-BUNDLE'

function bundle() {
  const root = tempDir('sw-app-protocol-')
  const rendererDir = join(root, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), INDEX)
  writeFileSync(join(rendererDir, 'assets', 'index.js'), 'export {}')
  // what a traversal would reach: beside the bundle, and a sibling folder whose name starts the same
  writeFileSync(join(root, 'secret.txt'), SECRET)
  mkdirSync(join(root, 'renderer-evil'))
  writeFileSync(join(root, 'renderer-evil', 'x.txt'), SECRET)
  return createAppFileHandler(rendererDir)
}

afterAll(cleanupTemp)

// protocol.handle hands the handler a fetch Request; Node builds the same object, so no Electron binary is needed
describe('app:// protocol handler (runs under Node; Electron registers it with protocol.handle)', () => {
  const handler = bundle()
  const get = (url: string, method = 'GET') => handler(new Request(url, { method }))

  it('serves the bundle with its type, the CSP and nosniff', async () => {
    for (const url of [APP_PAGE_URL, 'app://spanwise/', `${APP_PAGE_URL}#/article/1`]) {
      const res = await get(url)
      expect(res.status).toBe(200)
      expect(await res.text()).toBe(INDEX)
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    }
    const js = await get('app://spanwise/assets/index.js')
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await js.text()).toBe('export {}')
  })

  it.each([
    'app://spanwise/../secret.txt',
    'app://spanwise/%2e%2e/secret.txt',
    'app://spanwise/%2e%2e%2fsecret.txt',
    'app://spanwise/..%2fsecret.txt',
    'app://spanwise/assets/..%2f..%2fsecret.txt',
    'app://spanwise/..%2frenderer-evil%2fx.txt',
    'app://spanwise/..%5csecret.txt',
    'app://spanwise/%2fetc%2fpasswd',
    'app://spanwise/assets%00/index.js',
    'app://spanwise/%E0%A4%A',
    'app://spanwise/missing.js'
  ])('refuses %s with 404 and never reads outside the bundle', async (url) => {
    const res = await get(url)
    expect(res.status).toBe(404)
    expect(await res.text()).not.toContain(SECRET)
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
  })

  it('answers only its own host, and only GET', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404)
    expect((await get('app://spanwise.evil/index.html')).status).toBe(404)
    expect((await get('https://spanwise/index.html')).status).toBe(404)
    expect((await get(APP_PAGE_URL, 'POST')).status).toBe(405)
  })

  it('is a standard, secure scheme that other origins cannot read and that cannot bypass the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'app', privileges: { standard: true, secure: true } })
  })
})

describe('the page the window loads', () => {
  it('is the app:// bundle in a packaged app, whatever ELECTRON_RENDERER_URL says', () => {
    expect(rendererUrl(true, 'https://evil.example/')).toBe(APP_PAGE_URL)
    expect(rendererUrl(true, 'http://localhost:5173/')).toBe(APP_PAGE_URL)
    expect(rendererUrl(false, undefined)).toBe(APP_PAGE_URL)
  })

  it('is the loopback dev server during development, and nothing else', () => {
    expect(rendererUrl(false, 'http://localhost:5173')).toBe('http://localhost:5173/')
    expect(rendererUrl(false, 'http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173/')
    for (const url of ['https://evil.example/', 'http://localhost.evil.example:5173/', 'file:///tmp/x.html', 'http://192.168.1.5:5173/'])
      expect(() => rendererUrl(false, url)).toThrow(/localhost dev server/)
  })
})
