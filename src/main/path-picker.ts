import type { BaseWindow, Dialog, IpcMain, IpcMainInvokeEvent, OpenDialogOptions, WebContents } from 'electron'
import type { Result } from '../shared/errors'
import { PICK_PATHS_CHANNEL, type PickPathsRequest } from '../shared/pick-paths'
import { toErrorShape, validationError } from './api/dispatch'
import { pickPathsRequest } from './pick-paths-request'
import { refuseForeignFrame } from './security'

/** What the picker needs from Electron, passed in so that it runs under plain Node in tests. */
export interface PickerShell {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>
  windowOf: (contents: WebContents) => BaseWindow | null
}

/**
 * Binds the native file and folder dialogs to their one channel: our page only, the request parsed before any
 * dialog opens, the dialog modal to the window that asked; answers the chosen paths, [] when cancelled.
 */
export function registerPathPicker(ipcMain: Pick<IpcMain, 'handle'>, shell: PickerShell, rendererUrl: string): void {
  ipcMain.handle(PICK_PATHS_CHANNEL, async (event: IpcMainInvokeEvent, input: unknown): Promise<Result<string[]>> => {
    const refused = refuseForeignFrame(event, rendererUrl)
    if (refused) return refused
    const parsed = pickPathsRequest.safeParse(input)
    if (!parsed.success) return { ok: false, error: validationError(PICK_PATHS_CHANNEL, parsed.error) }
    const parent = shell.windowOf(event.sender)
    // a dialog without its window would float free of the page that asked for it
    if (!parent) return { ok: false, error: { code: 'VALIDATION', message: 'The window that asked for a file dialog is gone.' } }
    try {
      return { ok: true, value: await showPicker(shell.dialog, parent, parsed.data) }
    } catch (error) {
      return { ok: false, error: toErrorShape(error) }
    }
  })
}

async function showPicker(dialog: PickerShell['dialog'], parent: BaseWindow, request: PickPathsRequest): Promise<string[]> {
  const { kind, title, filters, defaultPath, multiple } = request
  if (kind === 'save-file') {
    const r = await dialog.showSaveDialog(parent, { title, filters, defaultPath, properties: ['createDirectory', 'showOverwriteConfirmation'] })
    return r.canceled || !r.filePath ? [] : [r.filePath]
  }
  const properties: OpenDialogOptions['properties'] = kind === 'open-folder' ? ['openDirectory', 'createDirectory'] : ['openFile']
  if (multiple) properties.push('multiSelections')
  const r = await dialog.showOpenDialog(parent, { title, filters, defaultPath, properties })
  return r.canceled ? [] : r.filePaths
}
