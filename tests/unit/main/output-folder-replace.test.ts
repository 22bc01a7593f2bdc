import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanupTemp, tempDir } from '../../helpers/project'

// a rename that fails only after the old export was moved aside cannot be produced on a real disk here, so fs.renameSync is wrapped
const failing = vi.hoisted(() => ({ target: '' }))
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>()
  const renameSync: typeof fs.renameSync = (from, to) => {
    if (failing.target !== '' && to === failing.target && String(from).includes('.partial-') && !String(from).endsWith('.old')) {
      throw Object.assign(new Error(`EIO: i/o error, rename '${String(from)}' -> '${String(to)}'`), { code: 'EIO', syscall: 'rename' })
    }
    fs.renameSync(from, to)
  }
  return { ...fs, default: { ...fs, renameSync }, renameSync }
})

const { OutputFolder } = await import('../../../src/main/export/output-folder')

afterEach(() => {
  failing.target = ''
  cleanupTemp()
})

/** An earlier export holding `file`, and a new export of articles.jsonl written to replace it, not yet committed. */
function replacing(file: string, text: string) {
  const dir = tempDir()
  const destination = join(dir, 'export')
  mkdirSync(destination)
  writeFileSync(join(destination, file), text)
  writeFileSync(join(destination, 'manifest.json'), '{"spanwise":"export"}')
  const out = new OutputFolder(destination, true)
  out.writeFile('articles.jsonl', 'new\n')
  return { dir, destination, out }
}

describe('replacing an export folder (fs.renameSync wrapped to fail)', () => {
  it('puts the previous export back under its name when the new one cannot take its place, and leaves no hidden folder', () => {
    const { dir, destination, out } = replacing('articles.jsonl', 'previous\n')
    failing.target = destination
    expect(() => out.commit()).toThrow('EIO')
    out.abort()
    expect(readFileSync(join(destination, 'articles.jsonl'), 'utf8')).toBe('previous\n')
    expect(readdirSync(dir)).toEqual(['export'])
  })

  it('replaces the previous export when the renames succeed', () => {
    const { dir, destination, out } = replacing('old-only.txt', 'x')
    out.commit()
    expect(readdirSync(destination)).toEqual(['articles.jsonl'])
    expect(existsSync(join(destination, 'old-only.txt'))).toBe(false)
    expect(readdirSync(dir)).toEqual(['export'])
  })
})
