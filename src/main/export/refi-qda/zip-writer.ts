import { closeSync, openSync, readSync } from 'node:fs'
import { Zip, ZipDeflate } from 'fflate'
import type { OutputFile } from '../output-folder'

const READ_CHUNK = 1 << 20
const encoder = new TextEncoder()

/** One file being added to a ZipWriter, fed in pieces. */
export interface ZipEntry {
  text(value: string): void
  bytes(value: Uint8Array): void
  /** Appends a whole file from disk, read in 1 MB chunks. */
  copy(path: string): void
  end(): void
}

/** A ZIP archive streamed into an OutputFile: entries are deflated as they are fed, one at a time. */
export class ZipWriter {
  private readonly zip: Zip
  private error: Error | null = null

  constructor(file: OutputFile) {
    this.zip = new Zip((err, data) => {
      if (err) this.error = err
      else file.writeBytes(data)
    })
  }

  entry(name: string): ZipEntry {
    const entry = new ZipDeflate(name, { level: 6 })
    this.zip.add(entry)
    const push = (bytes: Uint8Array, final: boolean) => {
      entry.push(bytes, final)
      this.check()
    }
    return {
      text: (value) => push(encoder.encode(value), false),
      bytes: (value) => push(value, false),
      copy: (path) => {
        const fd = openSync(path, 'r')
        try {
          const buf = new Uint8Array(READ_CHUNK)
          for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) push(buf.slice(0, n), false)
        } finally {
          closeSync(fd)
        }
      },
      end: () => push(new Uint8Array(0), true)
    }
  }

  /** Adds a whole small file. */
  file(name: string, text: string): void {
    const e = this.entry(name)
    e.text(text)
    e.end()
  }

  /** Writes the central directory; the OutputFile is closed by its folder. */
  end(): void {
    this.zip.end()
    this.check()
  }

  private check(): void {
    if (this.error) throw this.error
  }
}
