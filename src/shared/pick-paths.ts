/** The one IPC channel of the native file and folder dialogs (Electron only; browser mode takes typed paths). */
export const PICK_PATHS_CHANNEL = 'dialog:pickPaths'

/** A file type the dialog offers, e.g. { name: 'Annotation pack', extensions: ['spanpack'] }; '*' is any file. */
export interface PathFilter {
  name: string
  /** Without the dot. */
  extensions: string[]
}

/** What a Choose… button asks the main process to show; it answers the chosen paths, or [] when cancelled. */
export interface PickPathsRequest {
  /** open-files and open-folder pick existing paths; save-file names one file, new or not. */
  kind: 'open-files' | 'open-folder' | 'save-file'
  /** The dialog's title, saying what the path is for. */
  title: string
  /** File types to offer (not for open-folder). */
  filters?: PathFilter[]
  /** The folder or file the dialog starts at. */
  defaultPath?: string
  /**
   * Several files or folders at once (open kinds only).
   * @default false
   */
  multiple?: boolean
}
