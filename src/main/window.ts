import { BrowserWindow } from 'electron'
import { join } from 'node:path'

/** The workbench window: isolated, sandboxed, no Node in the page, only our preload bridge. */
export function createMainWindow(rendererUrl: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    show: false,
    title: 'Spanwise',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false
    }
  })
  win.once('ready-to-show', () => win.show())
  void win.loadURL(rendererUrl)
  return win
}
