export interface ExportProgress {
  done: number
  total: number
  annotations: number
  message: string
}

export interface ExportHooks {
  onProgress?: (p: ExportProgress) => void
  isCancelled?: () => boolean
}

export class ExportCancelled extends Error {
  constructor() {
    super('the export was cancelled')
  }
}
