import { readdirSync, statSync } from 'node:fs'
import { extname, join } from 'node:path'
import { TABLE_EXTENSIONS, TEXT_EXTENSIONS } from './import-limits'

const SUPPORTED = new Set<string>([...TEXT_EXTENSIONS, ...TABLE_EXTENSIONS])

export function isSupported(name: string): boolean {
  return SUPPORTED.has(extname(name).toLowerCase())
}

/**
 * Expands paths into the files to import: folders recursively (hidden entries and unsupported types
 * skipped and counted), files as given. Paths that do not exist are reported, not thrown.
 */
export function collectFiles(paths: string[], accept: (name: string) => boolean = isSupported): { files: string[]; skipped: number; missing: string[] } {
  const files: string[] = []
  const missing: string[] = []
  let skipped = 0
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      // hidden entries, and the manifest every Spanwise export writes beside its data
      if (entry.name.startsWith('.') || entry.name === 'manifest.json') continue
      const full = join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile() && accept(entry.name)) files.push(full)
      else skipped++
    }
  }
  for (const p of paths) {
    let stat
    try {
      stat = statSync(p)
    } catch {
      missing.push(p)
      continue
    }
    if (stat.isDirectory()) walk(p)
    else files.push(p)
  }
  return { files, skipped, missing }
}
