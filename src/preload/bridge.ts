import type { Result } from '../shared/errors'
import type { PickPathsRequest } from '../shared/pick-paths'

/** What the preload exposes as window.spanwise; the renderer wraps it into a typed WorkbenchApi. */
export interface PreloadBridge {
  call: (method: string, input: unknown) => Promise<Result<unknown>>
  on: (event: string, listener: (payload: unknown) => void) => () => void
  /** The file-system path of a dropped file (Electron only). */
  pathForFile: (file: File) => string
  /** A native file or folder dialog (Electron only): the chosen paths, [] when cancelled. */
  pickPaths: (request: PickPathsRequest) => Promise<Result<string[]>>
}
