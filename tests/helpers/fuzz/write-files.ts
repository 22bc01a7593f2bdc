import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import type { Files } from './mutate-files'

/** Text of a file placed beside every fuzz import folder: an article holding it was read from outside the folder chosen. */
export const CANARY = 'spanwise-fuzz-canary: this file lies outside the folder being imported'
export const CANARY_FILE = 'secret.txt'

/**
 * Writes a file set into a new temp folder (`dir`), with CANARY_FILE in the folder above it so a reader that
 * follows a path out of the import ("../secret.txt") is caught; dispose() removes both.
 */
export function writeFiles(files: Files): { dir: string; dispose(): void } {
  const root = mkdtempSync(join(tmpdir(), 'spanwise-fuzz-'))
  writeFileSync(join(root, CANARY_FILE), CANARY)
  const dir = join(root, 'in')
  mkdirSync(dir)
  for (const [name, bytes] of Object.entries(files)) {
    const path = join(dir, name)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, bytes)
  }
  return { dir, dispose: () => rmSync(root, { recursive: true, force: true }) }
}

/** Every file under a folder by its relative path (forward slashes), as a fixture to mutate. */
export function readFiles(dir: string, skip: (name: string) => boolean = () => false): Files {
  const out: Files = {}
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name)
      if (statSync(full).isDirectory()) walk(full)
      else {
        const rel = relative(dir, full).split('\\').join('/')
        if (!skip(rel)) out[rel] = new Uint8Array(readFileSync(full))
      }
    }
  }
  walk(dir)
  return out
}
