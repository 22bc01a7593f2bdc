import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs'
import { basename, dirname, join, normalize, relative, sep } from 'node:path'
import { randomBytes } from 'node:crypto'
import { AppError } from '../../shared/errors'
import { exportIoError } from './export-io-error'

const CHUNK = 1 << 20
/** The file every folder export ends with; it marks the folder as Spanwise's own. */
export const EXPORT_MANIFEST = 'manifest.json'

/** A file being written: text and bytes are buffered and written in 1 MB chunks. */
export class OutputFile {
  private parts: (string | Uint8Array)[] = []
  private size = 0
  private fd: number | null

  constructor(readonly path: string) {
    this.fd = openSync(path, 'wx')
  }

  write(text: string): void {
    this.parts.push(text)
    this.size += text.length
    if (this.size >= CHUNK) this.flush()
  }

  writeBytes(bytes: Uint8Array): void {
    this.parts.push(bytes)
    this.size += bytes.length
    if (this.size >= CHUNK) this.flush()
  }

  flush(): void {
    if (this.fd === null) throw new Error(`${this.path} is already closed`)
    for (const p of this.parts) {
      const buf = typeof p === 'string' ? Buffer.from(p, 'utf8') : p
      let off = 0
      while (off < buf.length) off += writeSync(this.fd, buf, off, buf.length - off)
    }
    this.parts = []
    this.size = 0
  }

  close(): void {
    if (this.fd === null) return
    this.flush()
    closeSync(this.fd)
    this.fd = null
  }

  /** Closes without flushing (on failure). */
  discard(): void {
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
    this.parts = []
  }
}

/**
 * A hidden temporary name beside `destination`, after checking that its folder exists and that it may be (re)placed:
 * only what Spanwise wrote itself (`ours` says whether something already there is) is ever replaced.
 */
export function tempBeside(destination: string, overwrite: boolean, what: 'folder' | 'file', ours: (path: string) => boolean): string {
  const parent = dirname(destination)
  try {
    statSync(parent)
  } catch (error) {
    throw exportIoError(error, destination)
  }
  if (existsSync(destination)) {
    if (!ours(destination)) {
      const kind = what === 'folder' ? 'an earlier Spanwise export folder' : 'an earlier annotation pack'
      throw new AppError('CONFLICT', `${destination} already exists and is not ${kind}, so Spanwise will not replace it. Choose a new ${what} name.`)
    }
    if (!overwrite) throw new AppError('CONFLICT', `${destination} already exists. Choose a new ${what} name, or allow replacing it.`)
  }
  return join(parent, `.${basename(destination)}.partial-${randomBytes(4).toString('hex')}`)
}

/** An empty folder, or a folder whose manifest.json says a Spanwise export wrote it. */
export function isExportFolder(path: string): boolean {
  if (!statSync(path).isDirectory()) return false
  if (readdirSync(path).length === 0) return true
  try {
    return (JSON.parse(readFileSync(join(path, EXPORT_MANIFEST), 'utf8')) as { spanwise?: unknown }).spanwise === 'export'
  } catch {
    return false
  }
}

/**
 * An export's folder, built under a hidden temporary name beside the destination and renamed into place only
 * when complete, so a failed or cancelled export (full disk, unwritable folder) leaves nothing under the final name.
 */
export class OutputFolder {
  readonly temp: string
  private readonly files = new Map<string, OutputFile>()
  private done = false

  constructor(
    readonly destination: string,
    private readonly overwrite = false
  ) {
    this.temp = tempBeside(destination, overwrite, 'folder', isExportFolder)
    try {
      mkdirSync(this.temp)
    } catch (error) {
      throw exportIoError(error, destination)
    }
  }

  /** Creates a file at `name` (relative, '/'-separated, subfolders made as needed). */
  open(name: string): OutputFile {
    const path = normalize(join(this.temp, name))
    const rel = relative(this.temp, path)
    if (rel.startsWith('..') || rel === '' || rel.split(sep).includes('..')) throw new Error(`export file name ${name} leaves the export folder`)
    if (this.files.has(rel)) throw new Error(`export file ${name} is written twice`)
    // one level at a time, so a hidden folder removed mid-export (or its disk unplugged) fails rather than comes back half-filled
    let folder = this.temp
    for (const part of rel.split(sep).slice(0, -1)) {
      folder = join(folder, part)
      if (!existsSync(folder)) mkdirSync(folder)
    }
    const file = new OutputFile(path)
    this.files.set(rel, file)
    return file
  }

  /** Takes back a file this export opened (one that turned out to have nothing to say). */
  remove(name: string): void {
    const rel = relative(this.temp, normalize(join(this.temp, name)))
    const file = this.files.get(rel)
    if (!file) throw new Error(`export file ${name} was never opened`)
    file.discard()
    rmSync(file.path, { force: true })
    this.files.delete(rel)
  }

  /** Writes a whole small file at once. */
  writeFile(name: string, text: string): void {
    const f = this.open(name)
    f.write(text)
    f.close()
  }

  /** Closes every file and moves the folder to its final name (replacing an old export when allowed). */
  commit(): void {
    for (const f of this.files.values()) f.close()
    if (existsSync(this.destination)) {
      const old = `${this.temp}.old`
      renameSync(this.destination, old)
      try {
        renameSync(this.temp, this.destination)
      } catch (error) {
        // the previous export goes back under its name; the caller's abort removes the new one
        renameSync(old, this.destination)
        throw error
      }
      rmSync(old, { recursive: true, force: true })
    } else renameSync(this.temp, this.destination)
    this.done = true
  }

  /** Removes everything written so far; safe to call twice or after commit. */
  abort(): void {
    if (this.done) return
    for (const f of this.files.values()) f.discard()
    rmSync(this.temp, { recursive: true, force: true })
    this.done = true
  }
}
