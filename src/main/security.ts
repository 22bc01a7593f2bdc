import type { App, IpcMainInvokeEvent, Session, WebContents } from 'electron'
import type { ErrorShape } from '../shared/errors'

/**
 * True only for our own page: the app:// bundle, the dev server during `npm run dev`, or (older builds) the bundled
 * file. Compares scheme and host, never `origin`, which is the opaque "null" for about:blank, data: and app:.
 */
export function isOwnPage(frameUrl: string, rendererUrl: string): boolean {
  try {
    const frame = new URL(frameUrl)
    const own = new URL(rendererUrl)
    if (own.protocol === 'file:') return frame.protocol === 'file:' && frame.pathname === own.pathname
    return frame.protocol === own.protocol && own.host !== '' && frame.host === own.host
  } catch {
    return false
  }
}

/** The answer every IPC channel gives a frame other than our own page, before it reads the input; null for our page. */
export function refuseForeignFrame(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, rendererUrl: string): { ok: false; error: ErrorShape } | null {
  const frameUrl = event.senderFrame?.url ?? ''
  if (isOwnPage(frameUrl, rendererUrl)) return null
  return { ok: false, error: { code: 'VALIDATION', message: `IPC from an unexpected frame (${frameUrl || 'unknown'}) was refused.` } }
}

/**
 * App-wide hardening (Electron security checklist): no navigation of any frame, no redirects, no new windows, no
 * <webview>. The workbench shows no external links, so nothing is handed to shell.openExternal either.
 */
export function hardenApp(app: Pick<App, 'on'>): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event) => event.preventDefault())
    contents.on('will-frame-navigate', (event) => event.preventDefault())
    contents.on('will-redirect', (event) => event.preventDefault())
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
}

/** Denies every permission request and check (camera, notifications, geolocation …) and every device (HID, USB, serial). */
export function denyPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}
