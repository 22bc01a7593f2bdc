import { existsSync, readdirSync, statSync } from 'node:fs'
import { basename, dirname, extname, join, relative } from 'node:path'
import type { IssueSink } from '../imported-document'

/** A document's two files (either may be missing) and the name it has in reports. */
export interface BratPair {
  base: string
  name: string
  txt?: string
  ann?: string
}

export interface BratFiles {
  pairs: BratPair[]
  /** Folders holding the chosen files, where annotation.conf, visual.conf or articles.tsv may be. */
  folders: string[]
}

/** Finds .txt/.ann pairs in the chosen files and folders (folders recursively, hidden entries skipped). */
export function findBratFiles(paths: string[], issue: IssueSink): BratFiles {
  const pairs = new Map<string, BratPair>()
  const folders = new Set<string>()
  const add = (file: string, root: string) => {
    const ext = extname(file).toLowerCase()
    const base = file.slice(0, file.length - ext.length)
    const pair = pairs.get(base) ?? { base, name: relative(dirname(root), base) || basename(base) }
    if (ext === '.txt') pair.txt = file
    else pair.ann = file
    pairs.set(base, pair)
    folders.add(dirname(file))
  }
  const walk = (dir: string, root: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue
      const full = join(dir, entry.name)
      if (entry.isDirectory()) walk(full, root)
      else if (entry.isFile() && /\.(ann|txt)$/i.test(entry.name)) add(full, root)
    }
  }
  for (const path of paths) {
    if (!existsSync(path)) {
      issue({ file: path, severity: 'error', code: 'UNREADABLE', message: `${path} does not exist; choose brat .ann/.txt files or a folder holding them` })
      continue
    }
    if (statSync(path).isDirectory()) walk(path, path)
    else if (/\.(ann|txt)$/i.test(path)) add(path, path)
    else if (!/^(annotation|visual|tools|kb_shortcuts)\.conf$/.test(basename(path)))
      issue({ file: basename(path), severity: 'error', code: 'NOT_THIS_FORMAT', message: `${basename(path)} is not a brat file; choose .ann and .txt files or a folder holding them` })
  }
  return { pairs: [...pairs.values()], folders: [...folders] }
}
