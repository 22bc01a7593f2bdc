import { readdirSync, statSync } from 'node:fs'
import { extname, join } from 'node:path'

/** The chosen files, and the files with one of `extensions` inside chosen folders (recursively, sorted, hidden ones skipped). */
export function listInputFiles(paths: string[], extensions: readonly string[]): string[] {
  const found: string[] = []
  for (const p of paths) {
    if (!statSync(p).isDirectory()) found.push(p)
    else found.push(...walk(p, extensions))
  }
  return found
}

function walk(dir: string, extensions: readonly string[]): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...walk(path, extensions))
    else if (extensions.includes(extname(entry.name).toLowerCase())) out.push(path)
  }
  return out
}
