import { APP_PAGE_URL } from './app-protocol'

/**
 * The page the window loads: electron-vite's dev server (ELECTRON_RENDERER_URL) while developing, on the loopback
 * only; the bundle over app:// otherwise. A packaged app ignores the variable, so no one can point it, and with it
 * our preload bridge, at another page.
 */
export function rendererUrl(isPackaged: boolean, devServerUrl: string | undefined): string {
  if (isPackaged || !devServerUrl) return APP_PAGE_URL
  const url = new URL(devServerUrl)
  if (url.protocol !== 'http:' || !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname))
    throw new Error(`ELECTRON_RENDERER_URL must be an http://localhost dev server, not ${devServerUrl}`)
  return url.toString()
}
