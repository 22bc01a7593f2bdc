import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron'
import { join } from 'node:path'
import { createHandlers } from './api/handlers'
import { assertComplete } from './api/dispatch'
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppFileHandler } from './app-protocol'
import { Workbench } from './app/workbench'
import { registerIpc } from './ipc'
import { installMenu } from './menu'
import { registerPathPicker } from './path-picker'
import { rendererUrl as pickRendererUrl } from './renderer-url'
import { denyPermissions, hardenApp } from './security'
import { createMainWindow } from './window'

// composition root only: wire the Electron shell to the workbench
app.setName('Spanwise')
// tests and power users can point the app at another data folder
if (process.env.SPANWISE_DATA_DIR) app.setPath('userData', process.env.SPANWISE_DATA_DIR)
// schemes must be privileged before ready; the renderer is served from app://, not file://
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])
hardenApp(app)
let win: BrowserWindow | null = null

app.whenReady().then(async () => {
  denyPermissions(session.defaultSession)
  protocol.handle(APP_SCHEME, createAppFileHandler(join(__dirname, '../renderer')))
  installMenu(process.platform === 'darwin')
  const rendererUrl = pickRendererUrl(app.isPackaged, process.env.ELECTRON_RENDERER_URL)
  const wb = new Workbench({
    mode: 'electron',
    dataDir: app.getPath('userData'),
    resourcesDir: app.isPackaged ? join(process.resourcesPath, 'resources') : join(__dirname, '../../resources'),
    workerPath: join(__dirname, 'import-worker.js'),
    emit: (event, payload) => win?.webContents.send('event', event, payload)
  })
  await wb.openInitial()
  const handlers = createHandlers(wb)
  assertComplete(handlers)
  registerIpc(ipcMain, handlers, rendererUrl)
  registerPathPicker(ipcMain, { dialog, windowOf: (contents) => BrowserWindow.fromWebContents(contents) }, rendererUrl)
  win = createMainWindow(rendererUrl)
  app.on('before-quit', () => wb.close())
})

app.on('window-all-closed', () => app.quit())
