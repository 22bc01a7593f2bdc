import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runExport } from '../../../src/main/export/run-export'
import { WRITERS } from '../../../src/main/export/writers'
import { AppError } from '../../../src/shared/errors'
import { exportOptions, type ExportOptionsInput } from '../../../src/shared/exchange/export-options'
import type { Store } from '../../../src/main/store/store'
import { codedProject } from '../../helpers/coded-project'
import { ANA, cleanupTemp, tempDir } from '../../helpers/project'
import { appError } from '../../helpers/app-error'

afterEach(cleanupTemp)

const exportTo = (store: Store, destination: string, extra: Partial<ExportOptionsInput> = {}) => runExport(store, exportOptions.parse({ format: 'native', destination, ...extra }), {}, ANA)

/** The system's own wording ("EACCES: permission denied, mkdir '…'") must not reach the user. */
const RAW = /\bE[A-Z]+: |permission denied|no such file|not a directory|name too long/

/** A Node file-system error as `fs` throws it, with its code, system call and path. */
function fsError(code: string, text: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${text}, open '${path}'`), { code, errno: -1, syscall: 'open', path })
}

describe('export errors from the file system, in plain words', () => {
  it('names the file that stands where a folder should be, for a folder export and a pack, and writes nothing', () => {
    const p = codedProject()
    const dir = tempDir()
    const notes = join(dir, 'notes.txt')
    writeFileSync(notes, 'not a folder')
    for (const destination of [join(notes, 'out'), join(notes, 'deeper', 'out')]) {
      const e = appError(() => exportTo(p.store, destination))
      expect(e.code).toBe('IO')
      expect(e.message).toBe(`Cannot export to ${destination}: ${notes} is a file, not a folder, so nothing was kept. Choose a folder to export into.`)
    }
    const pack = appError(() => exportTo(p.store, join(notes, 'mine.spanpack'), { format: 'pack' }))
    expect(pack.message).toContain(`${notes} is a file, not a folder`)
    expect(pack.message).not.toMatch(RAW)
    expect(readdirSync(dir)).toEqual(['notes.txt'])
  })

  it('says a name or path is too long, and how to fix it', () => {
    const p = codedProject()
    const dir = tempDir()
    const destination = join(dir, 'x'.repeat(300))
    const e = appError(() => exportTo(p.store, destination))
    expect(e.code).toBe('IO')
    expect(e.message).toBe(`Cannot export to ${destination}: the name or the whole path is too long for this system, so nothing was kept. Choose a shorter name, or a folder nearer the top of the disk.`)
    expect(readdirSync(dir)).toEqual([])
  })

  it.each(['native', 'brat', 'csv'] as const)('%s: fails, naming the folder, when it disappears during the export (removed, or its disk unplugged), and never brings it back half-filled', (format) => {
    const p = codedProject()
    const parent = join(tempDir(), 'usb')
    mkdirSync(parent)
    const destination = join(parent, 'out')
    let asked = 0
    // the folder goes once the first article is written, as when a memory stick is pulled out
    const isCancelled = () => {
      if (++asked === 2) rmSync(parent, { recursive: true, force: true })
      return false
    }
    const e = appError(() => runExport(p.store, exportOptions.parse({ format, destination }), { isCancelled }))
    expect(e.code).toBe('IO')
    expect(e.message).toBe(`Cannot export to ${destination}: the folder ${parent} does not exist or can no longer be reached (removed, or its disk unplugged), so nothing was kept. Create it or choose another place, and export again.`)
    expect(existsSync(parent)).toBe(false)
  })

  const asRoot = process.getuid?.() === 0
  if (asRoot) console.warn('skipped: the read-only folder test, as root may write anywhere (the same message is checked below with EACCES raised mid-export)')
  it.skipIf(asRoot)('says a read-only folder cannot be written to (not run as root, who may write anywhere)', () => {
    const p = codedProject()
    const parent = join(tempDir(), 'locked')
    mkdirSync(parent)
    chmodSync(parent, 0o555)
    try {
      const e = appError(() => exportTo(p.store, join(parent, 'out')))
      expect(e.code).toBe('IO')
      expect(e.message).toContain(`you are not allowed to write in ${parent}`)
      expect(e.message).not.toMatch(RAW)
      expect(readdirSync(parent)).toEqual([])
    } finally {
      chmodSync(parent, 0o755)
    }
  })

  it.each([
    ['EACCES', 'permission denied', (dir: string) => `you are not allowed to write in ${dir}, so nothing was kept. Choose a folder you can write to, or ask for write access to it.`],
    ['EPERM', 'operation not permitted', (dir: string) => `you are not allowed to write in ${dir}`],
    ['EROFS', 'read-only file system', (dir: string) => `${dir} is on a read-only disk (a locked memory card, a CD or a read-only network share), so nothing was kept. Choose a folder on a disk you can write to.`],
    ['ENOSPC', 'no space left on device', (dir: string) => `Free some space on the disk that holds ${dir}, or choose a folder on another disk, and export again.`],
    ['EDQUOT', 'disk quota exceeded', (dir: string) => `Your storage quota is used up: the export to ${join(dir, 'out')} stopped and nothing was kept.`],
    ['EBUSY', 'resource busy or locked', (dir: string) => `${join(dir, 'out')} is in use by another program, so nothing was kept. Close the program using it`],
    ['EEXIST', 'file already exists', () => 'appeared while the export was being written, so nothing was kept. Choose another name, or move that away and export again.'],
    ['EIO', 'i/o error', () => 'the system could not write there (EIO), so nothing was kept. Check that the disk is connected and working']
  ])('%s half-way through: says what failed, where and what to do, and leaves nothing half-written', (code, text, expected) => {
    const p = codedProject()
    const dir = tempDir()
    const destination = join(dir, 'out')
    const original = WRITERS.native
    WRITERS.native = () => ({
      begin: (ctx, folder) => folder.writeFile('partial.txt', 'half'),
      article: () => {
        throw fsError(code, text, join(dir, '.out.partial-0000', 'partial.txt'))
      },
      end: () => ({ warnings: [], counts: {}, files: [] })
    })
    try {
      const e = appError(() => exportTo(p.store, destination))
      expect(e.code).toBe('IO')
      expect(e.message).toContain(destination)
      expect(e.message).toContain(expected(dir))
      expect(e.message).not.toMatch(RAW)
    } finally {
      WRITERS.native = original
    }
    expect(readdirSync(dir)).toEqual([])
  })

  it('lets an error that is not the file system’s through unchanged', () => {
    const p = codedProject()
    const original = WRITERS.native
    const bug = new TypeError('x is undefined')
    WRITERS.native = () => ({
      begin: () => {},
      article: () => {
        throw bug
      },
      end: () => ({ warnings: [], counts: {}, files: [] })
    })
    try {
      expect(() => exportTo(p.store, join(tempDir(), 'out'))).toThrow(bug)
    } finally {
      WRITERS.native = original
    }
  })
})
