import type { App, Session, WebContents } from 'electron'

/** Only http(s) links may leave the app, and only through the system browser. */
export function isSafeExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== ''
  } catch {
    return false
  }
}

/** True only for our own page: the bundled file, or the dev server during `npm run dev`. */
export function isOwnPage(frameUrl: string, rendererUrl: string): boolean {
  try {
    const frame = new URL(frameUrl)
    const own = new URL(rendererUrl)
    if (own.protocol === 'file:') return frame.protocol === 'file:' && frame.pathname === own.pathname
    return frame.origin === own.origin
  } catch {
    return false
  }
}

/**
 * App-wide hardening (Electron security checklist): no navigation, no new windows (http(s) links go to
 * the system browser), no permissions, no <webview>.
 */
export function hardenApp(app: Pick<App, 'on'>, openExternal: (url: string) => unknown): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event) => event.preventDefault())
    contents.on('will-redirect', (event) => event.preventDefault())
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void openExternal(url)
      return { action: 'deny' }
    })
  })
}

/** Denies every permission request and check (camera, notifications, geolocation …). */
export function denyPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}
