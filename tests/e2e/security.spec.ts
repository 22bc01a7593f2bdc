import { createServer, type Server as HttpServer } from 'node:http'
import { connect } from 'node:net'
import { networkInterfaces } from 'node:os'
import type { Page } from '@playwright/test'
import { enterName, expect, openApp, test, USER_NAME } from './fixtures'

// tsconfig.node.json typechecks this folder without the DOM lib; these exist only inside evaluate().
declare const document: any
declare const window: any
declare const EventSource: any

/** Runs `fn` in the page and returns what the page recorded: window.__pwned and CSP violations by directive. */
async function attempt(page: Page, fn: () => void): Promise<{ pwned: unknown; violations: string[] }> {
  await page.evaluate(() => {
    window.__violations = []
    document.addEventListener('securitypolicyviolation', (e: any) => window.__violations.push(e.effectiveDirective))
  })
  await page.evaluate(fn)
  // violation events are queued as tasks; give them (and a 404ing image) time to arrive
  await page.waitForTimeout(500)
  return page.evaluate(() => ({ pwned: window.__pwned, violations: [...new Set<string>(window.__violations)].sort() }))
}

/**
 * Injects an inline <script>, an <img onerror>, a javascript: link, eval, new Function and string setTimeout. The
 * string-to-code attempts run in a later task: DevTools (which page.evaluate uses) allows eval during its own call.
 */
function injectEverything(): void {
  const script = document.createElement('script')
  script.textContent = 'window.__pwned = "inline script"'
  document.body.append(script)
  const holder = document.createElement('div')
  holder.innerHTML = '<img src="/no-such-image.png" onerror="window.__pwned = \'onerror\'">'
  document.body.append(holder)
  const link = document.createElement('a')
  link.href = 'javascript:window.__pwned = "javascript: URL"'
  document.body.append(link)
  link.click()
  window.__errors = []
  window.setTimeout(() => {
    for (const run of [() => (0, eval)('window.__pwned = "eval"'), () => new Function('window.__pwned = "new Function"')(), () => window.setTimeout('window.__pwned = "string setTimeout"', 0)]) {
      try {
        run()
      } catch (error) {
        window.__errors.push(String(error).split(':')[0])
      }
    }
  }, 0)
}

test.describe('the Content-Security-Policy in the page', () => {
  test('blocks an injected inline script, inline event handlers, javascript: URLs, eval and new Function', async ({ app: page }) => {
    const result = await attempt(page, injectEverything)
    expect(result.pwned).toBeUndefined()
    expect(result.violations).toEqual(['script-src', 'script-src-attr', 'script-src-elem'])
    // eval and new Function throw; a string setTimeout is dropped silently
    expect(await page.evaluate(() => window.__errors)).toEqual(['EvalError', 'EvalError'])
    // the app itself still works under the policy
    await expect(page.getByLabel('Search articles')).toBeEnabled()
  })

  test("the page's meta tag alone blocks them too (where no header is sent)", async ({ page, server }) => {
    const stripped: string[] = []
    await page.route('**/*', async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue()
      const response = await route.fetch()
      const headers = response.headers()
      if (headers['content-security-policy']) stripped.push(route.request().url())
      delete headers['content-security-policy']
      await route.fulfill({ response, headers })
    })
    await openApp(page, server)
    await enterName(page)
    expect(stripped.length).toBeGreaterThan(0)
    const result = await attempt(page, injectEverything)
    expect(result.pwned).toBeUndefined()
    expect(result.violations).toEqual(['script-src', 'script-src-attr', 'script-src-elem'])
  })
})

/** Whether a TCP connection to address:port is accepted. */
function accepts(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port, timeout: 2000 })
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
    socket.once('timeout', () => (socket.destroy(), resolve(false)))
  })
}

/** A page on another origin of this machine: what a malicious local web page could try. */
async function startEvilSite(): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: HttpServer = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end('<!doctype html><title>evil</title><h1>evil</h1>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

test.describe('browser mode on the network', () => {
  test('the real serve entry listens on 127.0.0.1 only: other local addresses and IPv6 loopback are refused', async ({ server }) => {
    const port = Number(new URL(server.url).port)
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i !== undefined && !i.internal && !i.address.startsWith('fe80:'))
      .map((i) => i!.address)
    if (others.length === 0) console.log('[security] this machine has no non-loopback address; only ::1 is tried')
    expect(await accepts('127.0.0.1', port)).toBe(true)
    for (const address of ['::1', ...others]) expect({ address, accepted: await accepts(address, port) }).toEqual({ address, accepted: false })
  })

  test('a page on another origin cannot call the API, open the event stream or frame the app, even with the cookie', async ({ app: page, server }) => {
    const evil = await startEvilSite()
    try {
      const app = new URL(server.url).origin
      // same host, other port: same-site, so the SameSite=Strict cookie goes along; the Origin check must refuse
      await page.goto(evil.origin)
      const outcome = await page.evaluate(async (app: string) => {
        const failed = (p: Promise<unknown>) => p.then(() => 'answered', (e: Error) => e.name)
        const json = { 'Content-Type': 'application/json' }
        const body = JSON.stringify({ name: 'Mallory' })
        const preflighted = await failed(fetch(`${app}/api/user.setName`, { method: 'POST', credentials: 'include', headers: json, body }))
        const simple = await failed(fetch(`${app}/api/user.setName`, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body }))
        const blind = await fetch(`${app}/api/user.setName`, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body }).then((r) => r.type)
        const read = await failed(fetch(`${app}/`, { credentials: 'include' }))
        const stream = await new Promise<string>((resolve) => {
          const source = new EventSource(`${app}/api/events`, { withCredentials: true })
          source.onopen = () => (source.close(), resolve('open'))
          source.onerror = () => (source.close(), resolve('error'))
        })
        const frame = document.createElement('iframe')
        frame.src = `${app}/`
        document.body.append(frame)
        await new Promise((resolve) => frame.addEventListener('load', resolve))
        return { preflighted, simple, blind, read, stream }
      }, app)
      expect(outcome).toEqual({ preflighted: 'TypeError', simple: 'TypeError', blind: 'opaque', read: 'TypeError', stream: 'error' })
      // frame-ancestors 'none': Chromium shows its error page instead of the app
      const framed = page.frames().find((f) => f !== page.mainFrame())!
      expect(framed.url()).not.toBe(`${app}/`)
      await expect(framed.locator('.brand')).toHaveCount(0)

      // a form posted from that page reaches the server, which refuses it by its Origin
      await page.evaluate((app: string) => {
        const form = document.createElement('form')
        Object.assign(form, { method: 'POST', action: `${app}/api/user.setName`, enctype: 'text/plain' })
        const input = document.createElement('input')
        Object.assign(input, { name: '{"name":"Mallory","x":"', value: '"}' })
        form.append(input)
        document.body.append(form)
        form.submit()
      }, app)
      await expect(page.locator('body')).toHaveText('cross-origin requests are refused')

      // none of the attempts changed anything
      await page.goto(`${app}/`)
      await expect(page.locator('.topbar .user')).toHaveText(USER_NAME)
    } finally {
      await evil.close()
    }
  })
})
