import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBrowserServer, listenOnLoopback, type BrowserServer } from '../../../src/main/serve/http-server'
import { cleanupTemp, tempDir } from '../../helpers/project'
import { createTempWorkbench, type TempWorkbench } from '../../helpers/workbench'

const TOKEN = 'test-token-0123456789abcdef'
const INDEX = '<!doctype html><title>Spanwise</title>'
const SECRET = 'SECRET-OUTSIDE-STATIC'

let bench: TempWorkbench
let server: BrowserServer
let port: number
let host: string

beforeAll(async () => {
  bench = createTempWorkbench({ userName: 'Ana' })
  const root = tempDir()
  const staticDir = join(root, 'static')
  mkdirSync(join(staticDir, 'assets'), { recursive: true })
  writeFileSync(join(staticDir, 'index.html'), INDEX)
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)')
  // files a traversal would reach: beside the static folder, and in a sibling whose name starts the same
  writeFileSync(join(root, 'secret.txt'), SECRET)
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: SECRET }))
  mkdirSync(join(root, 'static-evil'))
  writeFileSync(join(root, 'static-evil', 'x.txt'), SECRET)
  server = createBrowserServer({ handlers: bench.handlers, staticDir, token: TOKEN })
  // started as serve.ts starts it
  port = await listenOnLoopback(server.server, 0)
  host = `127.0.0.1:${port}`
})

afterAll(async () => {
  await new Promise((resolve) => server.server.close(resolve))
  bench.wb.close()
  cleanupTemp()
})

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A raw HTTP request: the path is sent exactly as written, and Host can be anything. */
function send(method: string, path: string, options: { headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { Host: host, ...options.headers } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

const cookie = { Cookie: `spanwise_token=${TOKEN}` }
const json = { ...cookie, 'Content-Type': 'application/json' }

/** The status and first chunk of GET /api/events; the stream is closed after that. */
function openEvents(headers: Record<string, string>): Promise<{ status: number; type: string | undefined; first: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'GET', path: '/api/events', headers: { Host: host, ...headers } }, (res) => {
      res.once('data', (c: Buffer) => {
        resolve({ status: res.statusCode!, type: res.headers['content-type'], first: c.toString('utf8') })
        req.destroy()
      })
    })
    req.on('error', reject)
    req.end()
  })
}

describe('browser-mode server: where it listens', () => {
  // tests/e2e/security.spec.ts also connects to the real serve entry through the machine's other addresses
  it('is bound to 127.0.0.1 over IPv4 only', () => {
    expect(server.server.address()).toMatchObject({ address: '127.0.0.1', family: 'IPv4' })
  })
})

describe('browser-mode server: the token', () => {
  it('refuses a request without the token with 403', async () => {
    const reply = await send('GET', '/')
    expect(reply.status).toBe(403)
    expect(reply.body).not.toContain(INDEX)
    expect((await send('POST', '/api/app.info', { headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(403)
    expect((await send('GET', '/', { headers: { Cookie: 'spanwise_token=wrong' } })).status).toBe(403)
  })

  it('needs the token for the static files and the event stream too', async () => {
    for (const path of ['/index.html', '/assets/app.js', '/assets/missing.js']) {
      const reply = await send('GET', path)
      expect(reply.status).toBe(403)
      expect(reply.body).not.toContain('console.log')
    }
    const refused = await openEvents({ Cookie: 'spanwise_token=wrong' })
    expect(refused.status).toBe(403)
    expect(refused.type).not.toBe('text/event-stream')
    const stream = await openEvents(cookie)
    expect(stream).toMatchObject({ status: 200, type: 'text/event-stream', first: ': connected\n\n' })
  })

  it('refuses a wrong token in the URL', async () => {
    const reply = await send('GET', '/?token=not-the-token')
    expect(reply.status).toBe(403)
    expect(reply.headers['set-cookie']).toBeUndefined()
  })

  it('GET /?token=… sets an HttpOnly SameSite=Strict cookie and redirects to /', async () => {
    const reply = await send('GET', `/?token=${TOKEN}`)
    expect(reply.status).toBe(303)
    expect(reply.headers.location).toBe('/')
    const setCookie = ([] as string[]).concat(reply.headers['set-cookie'] ?? [])
    expect(setCookie).toHaveLength(1)
    const parts = setCookie[0]!.split(';').map((p) => p.trim())
    expect(parts).toContain(`spanwise_token=${TOKEN}`)
    expect(parts).toContain('HttpOnly')
    expect(parts).toContain('SameSite=Strict')
  })

  it('with the cookie, serves the page and answers POST /api/app.info with ok:true', async () => {
    const page = await send('GET', '/', { headers: cookie })
    expect(page.status).toBe(200)
    expect(page.body).toBe(INDEX)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    const api = await send('POST', '/api/app.info', { headers: json, body: '{}' })
    expect(api.status).toBe(200)
    expect(JSON.parse(api.body)).toMatchObject({ ok: true, value: { mode: 'browser', user: { name: 'Ana' } } })
    // the server's own time, for the benchmarks to tell it from the transport's
    expect(api.headers['server-timing']).toMatch(/^app;dur=\d+\.\d{2}$/)
  })

  it('accepts the token in the X-Spanwise-Token header too', async () => {
    const api = await send('POST', '/api/app.info', { headers: { 'X-Spanwise-Token': TOKEN, 'Content-Type': 'application/json' }, body: '' })
    expect(JSON.parse(api.body)).toMatchObject({ ok: true })
  })
})

describe('browser-mode server: request checks', () => {
  it('refuses a wrong Host header with 421 (DNS rebinding)', async () => {
    const reply = await send('GET', '/', { headers: { ...cookie, Host: `evil.example:${port}` } })
    expect(reply.status).toBe(421)
    expect((await send('GET', '/', { headers: { ...cookie, Host: `127.0.0.1:${port + 1}` } })).status).toBe(421)
    expect((await send('GET', '/', { headers: { ...cookie, Host: `localhost:${port}` } })).status).toBe(200)
  })

  it('refuses a cross-origin Origin with 403 and accepts our own', async () => {
    const evil = await send('POST', '/api/app.info', { headers: { ...json, Origin: 'http://evil.example' }, body: '{}' })
    expect(evil.status).toBe(403)
    // another server on the loopback is same-site (the cookie goes along), so only the Origin check stops it
    expect((await send('POST', '/api/app.info', { headers: { ...json, Origin: `http://127.0.0.1:${port + 1}` }, body: '{}' })).status).toBe(403)
    // file:// pages and sandboxed frames send Origin: null
    expect((await send('POST', '/api/app.info', { headers: { ...json, Origin: 'null' }, body: '{}' })).status).toBe(403)
    for (const origin of ['http://evil.example', 'null']) expect((await openEvents({ ...cookie, Origin: origin })).status).toBe(403)
    expect((await send('POST', '/api/app.info', { headers: { ...json, Origin: `http://localhost:${port}` }, body: '{}' })).status).toBe(403)
    const own = await send('POST', '/api/app.info', { headers: { ...json, Origin: `http://${host}` }, body: '{}' })
    expect(own.status).toBe(200)
  })

  it('answers GET on an API method with 405 and a non-JSON body with 415', async () => {
    expect((await send('GET', '/api/x', { headers: cookie })).status).toBe(405)
    expect((await send('GET', '/api/app.info', { headers: cookie })).status).toBe(405)
    const form = await send('POST', '/api/app.info', { headers: { ...cookie, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=1' })
    expect(form.status).toBe(415)
    expect((await send('POST', '/api/app.info', { headers: { ...cookie, 'Content-Type': 'text/plain' }, body: '{}' })).status).toBe(415)
  })

  it('answers invalid JSON with 400 VALIDATION and an unknown method with UNKNOWN_METHOD', async () => {
    const bad = await send('POST', '/api/app.info', { headers: json, body: '{nope' })
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const unknown = await send('POST', '/api/nope', { headers: json, body: '{}' })
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
  })

  it.each([
    '/../secret.txt',
    '/../package.json',
    '/%2e%2e/package.json',
    '/..%2fpackage.json',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%2fstatic-evil%2fx.txt',
    '/%2e%2e%2fstatic-evil/x.txt',
    '/..\\secret.txt'
  ])('never serves a file outside staticDir: %s', async (path) => {
    const reply = await send('GET', path, { headers: cookie })
    expect([200, 404]).toContain(reply.status)
    expect(reply.body).not.toContain(SECRET)
    if (reply.status === 200) expect(reply.body).toBe(INDEX)
  })

  it('serves files inside staticDir with their type', async () => {
    const js = await send('GET', '/assets/app.js', { headers: cookie })
    expect(js.status).toBe(200)
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect((await send('GET', '/assets/missing.js', { headers: cookie })).status).toBe(404)
  })

  it('sends a Content-Security-Policy with script-src self on every response, refusals included', async () => {
    for (const reply of [await send('GET', '/', { headers: cookie }), await send('GET', '/'), await send('GET', '/', { headers: { Host: 'evil.example' } })]) {
      const csp = String(reply.headers['content-security-policy'])
      expect(csp).toContain("script-src 'self'")
      expect(csp).toContain("default-src 'none'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(reply.headers['x-content-type-options']).toBe('nosniff')
    }
  })
})
