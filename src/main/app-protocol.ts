import { readFile } from 'node:fs/promises'
import type { CustomScheme } from 'electron'
import { CONTENT_SECURITY_POLICY } from './static/content-security-policy'
import { contentTypeOf } from './static/content-type'
import { resolveStaticFile } from './static/resolve-static-file'

/** The desktop app's page: the renderer bundle over our own scheme, never file:// (checklist item 18). */
export const APP_PAGE_URL = 'app://spanwise/index.html'
const { protocol: APP_PROTOCOL, host: APP_HOST } = new URL(APP_PAGE_URL)
export const APP_SCHEME = APP_PROTOCOL.slice(0, -1)

/**
 * Standard (a real origin, relative URLs) and secure (a secure context like https); deliberately not corsEnabled,
 * supportFetchAPI or bypassCSP, so other origins cannot read it and the CSP applies.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = { scheme: APP_SCHEME, privileges: { standard: true, secure: true } }

/** Serves app://spanwise/<path> from `rootDir` with the CSP header; other hosts, methods and paths get errors. */
export function createAppFileHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url)
    if (url.protocol !== APP_PROTOCOL || url.host !== APP_HOST) return refuse(404, 'not found')
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'method not allowed')
    const file = resolveStaticFile(rootDir, url.pathname)
    if (file === null) return refuse(404, 'not found')
    try {
      // a copy typed as plain bytes, which is what Response accepts
      const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(file))
      return new Response(body, { status: 200, headers: headers(contentTypeOf(file)) })
    } catch {
      return refuse(404, 'not found')
    }
  }
}

function headers(type: string): Record<string, string> {
  return { 'Content-Type': type, 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' }
}

function refuse(status: number, message: string): Response {
  return new Response(message, { status, headers: headers('text/plain; charset=utf-8') })
}
