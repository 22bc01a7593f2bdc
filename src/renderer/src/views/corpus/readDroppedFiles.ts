import type { ImportSource } from '@shared/contract'

/** Turns picked or dropped files into import sources: paths in Electron, base64 bytes in a browser. */
export async function toSources(files: File[], pathForFile: ((f: File) => string) | null): Promise<ImportSource[]> {
  if (pathForFile) {
    const paths = files.map((f) => pathForFile(f)).filter((p) => p !== '')
    if (paths.length === files.length) return paths.map((path) => ({ kind: 'path', path }))
  }
  return Promise.all(files.map(async (f) => ({ kind: 'bytes' as const, name: f.webkitRelativePath || f.name, base64: await toBase64(f) })))
}

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(new Error(`${file.name} cannot be read: ${reader.error?.message ?? 'unknown error'}`))
    reader.readAsDataURL(file)
  })
}

/** Files in a drop, descending into dropped folders (browsers hand folders over as entries). */
export async function filesFromDrop(dt: DataTransfer, electron: boolean): Promise<File[]> {
  if (electron) return [...dt.files]
  const entries = [...dt.items].map((i) => i.webkitGetAsEntry()).filter((e): e is FileSystemEntry => !!e)
  const out: File[] = []
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile) {
      out.push(await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej)))
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader()
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej))
        if (batch.length === 0) break
        for (const e of batch) if (!e.name.startsWith('.')) await walk(e)
      }
    }
  }
  for (const e of entries) await walk(e)
  return out
}
