import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { METHOD_NAMES } from '../shared/method-names'
import type { Handlers } from './api/handlers'
import { dispatch } from './api/dispatch'
import { refuseForeignFrame } from './security'

/** The IPC channel of a contract method. */
export const channelOf = (method: string) => `api:${method}`

/** Binds every contract method to ipcMain.handle; calls from any frame but our own page are refused. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, handlers: Handlers, rendererUrl: string): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(channelOf(method), (event: IpcMainInvokeEvent, input: unknown) => refuseForeignFrame(event, rendererUrl) ?? dispatch(handlers, method, input))
  }
}
