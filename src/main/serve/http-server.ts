import { timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { EventName } from '../../shared/method-names'
import type { Handlers } from '../api/handlers'
import { dispatch } from '../api/dispatch'
import { CONTENT_SECURITY_POLICY } from '../static/content-security-policy'
import { contentTypeOf } from '../static/content-type'
import { resolveStaticFile } from '../static/resolve-static-file'

/** Request bodies above this are refused (browser uploads of article files travel as base64 JSON). */
export const MAX_BODY_BYTES = 300 * 1024 * 1024
const COOKIE = 'spanwise_token'
/** The only address browser mode listens on: the IPv4 loopback, unreachable from other machines. */
export const LOOPBACK_HOST = '127.0.0.1'

export interface BrowserServer {
  server: Server
  /** Sends an event to every open page. */
  broadcast: (event: EventName, payload: unknown) => void
}

/**
 * Browser mode: the renderer bundle and POST /api/<method> on 127.0.0.1 only. Every request needs the
 * per-run token (as a SameSite=Strict cookie set from the printed URL); API calls must come from our own origin.
 */
export function createBrowserServer(options: { handlers: Handlers; staticDir: string; token: string }): BrowserServer {
  const clients = new Set<ServerResponse>()
  const tokenBuf = Buffer.from(options.token)
  const hasToken = (value: string | undefined | null) => {
    if (!value) return false
    const b = Buffer.from(value)
    return b.length === tokenBuf.length && timingSafeEqual(b, tokenBuf)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(error)
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error')
      else res.end()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'no-referrer')
    res.setHeader('Cache-Control', 'no-store')
    const port = (server.address() as { port: number }).port
    const host = req.headers.host ?? ''
    // refuse DNS-rebinding: only our loopback names are valid hosts
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 421, 'text/plain; charset=utf-8', 'wrong host')
    const url = new URL(req.url ?? '/', `http://${host}`)
    if (req.method === 'GET' && url.searchParams.has('token')) {
      if (!hasToken(url.searchParams.get('token'))) return send(res, 403, 'text/plain; charset=utf-8', 'wrong token: use the URL printed by npm run serve')
      res.setHeader('Set-Cookie', `${COOKIE}=${options.token}; HttpOnly; SameSite=Strict; Path=/`)
      res.writeHead(303, { Location: '/' })
      return void res.end()
    }
    if (!hasToken(readCookie(req.headers.cookie, COOKIE)) && !hasToken(req.headers['x-spanwise-token'] as string | undefined))
      return send(res, 403, 'text/plain; charset=utf-8', 'this Spanwise server needs its token: open the URL printed by npm run serve')
    const origin = req.headers.origin
    if (origin !== undefined && origin !== `http://${host}`) return send(res, 403, 'text/plain; charset=utf-8', 'cross-origin requests are refused')

    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', Connection: 'keep-alive' })
      res.write(': connected\n\n')
      clients.add(res)
      req.on('close', () => clients.delete(res))
      return
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'use POST')
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'text/plain; charset=utf-8', 'send application/json')
      const started = performance.now()
      const body = await readBody(req)
      if (body === null) return send(res, 413, 'application/json', JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB; import fewer files at once.` } }))
      let input: unknown
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : {}
      } catch {
        return send(res, 400, 'application/json', JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: 'The request body is not valid JSON.' } }))
      }
      const result = await dispatch(options.handlers, url.pathname.slice(5), input)
      const json = JSON.stringify(result)
      // standard Server-Timing: the browser's resource timing can then tell the server's share from the transport's
      res.setHeader('Server-Timing', `app;dur=${(performance.now() - started).toFixed(2)}`)
      return send(res, 200, 'application/json', json)
    }
    if (req.method !== 'GET') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed')
    const file = resolveStaticFile(options.staticDir, url.pathname)
    if (file === null) return send(res, 404, 'text/plain; charset=utf-8', 'not found')
    try {
      return send(res, 200, contentTypeOf(file), await readFile(file))
    } catch {
      return send(res, 404, 'text/plain; charset=utf-8', 'not found')
    }
  }

  const broadcast = (event: EventName, payload: unknown) => {
    const frame = `event: message\ndata: ${JSON.stringify({ event, payload })}\n\n`
    for (const c of clients) c.write(frame)
  }
  return { server, broadcast }
}

/** Starts listening on LOOPBACK_HOST (port 0: any free port) and resolves with the port. */
export function listenOnLoopback(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, LOOPBACK_HOST, () => {
      server.off('error', reject)
      resolve((server.address() as { port: number }).port)
    })
  })
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'Content-Type': type })
  res.end(body)
}

function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return v.join('=')
  }
  return null
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooBig = false
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY_BYTES) tooBig = true
      else chunks.push(c)
    })
    req.on('end', () => resolve(tooBig ? null : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}
