import { renameSync, rmSync, statSync } from 'node:fs'
import { AppError } from '../../shared/errors'
import { exportIoError } from './export-io-error'
import { OutputFile, tempBeside } from './output-folder'
import { readPackFile } from '../import/annotated/pack/read-pack-file'

/**
 * A one-file export (an annotation pack), written under a hidden temporary name beside the destination and
 * renamed into place only when complete, so a failed or cancelled export leaves nothing under the final name.
 */
export class SingleFileOutput {
  readonly file: OutputFile
  private readonly temp: string
  private done = false

  constructor(
    readonly destination: string,
    overwrite: boolean
  ) {
    this.temp = tempBeside(destination, overwrite, 'file', (path) => {
      if (statSync(path).isDirectory()) throw new AppError('CONFLICT', `${destination} is a folder; a pack is one file. Choose a file name such as ${destination}.spanpack.`)
      return isPack(path)
    })
    try {
      this.file = new OutputFile(this.temp)
    } catch (error) {
      throw exportIoError(error, destination)
    }
  }

  /** Closes the file and moves it to its final name (replacing an old one when allowed). */
  commit(): void {
    this.file.close()
    renameSync(this.temp, this.destination)
    this.done = true
  }

  /** Removes what was written; safe to call twice or after commit. */
  abort(): void {
    if (this.done) return
    this.file.discard()
    rmSync(this.temp, { force: true })
    this.done = true
  }
}

// an earlier pack reads back whole; anything else at the path is someone's file
function isPack(path: string): boolean {
  try {
    readPackFile(path)
    return true
  } catch {
    return false
  }
}
