import { BrowserWindow, dialog } from 'electron'
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
  // the page asks to stay (an unsaved codebook draft): Electron would silently keep the window open, so ask the user as a browser does
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      buttons: ['Leave', 'Stay'],
      defaultId: 1,
      cancelId: 1,
      title: 'Unsaved changes',
      message: 'The codebook editor has changes that are not saved.',
      detail: 'Leave and lose them, or stay and save them (Ctrl+S)?'
    })
    if (choice === 0) event.preventDefault()
  })
  void win.loadURL(rendererUrl)
  return win
}
