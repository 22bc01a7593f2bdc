import { existsSync, readFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runImport } from '../../../src/main/import/run-import'
import { cleanupTemp, createTempProject } from '../../helpers/project'

// third-party articles kept beside the checkout (../shared/sample-corpus), never inside the project
const SAMPLE = resolve(__dirname, '../../../../shared/sample-corpus')
const FILES = [
  'formal-talks-largest-cartel.txt',
  'gulf-clan-ceasefire.txt',
  'huila-police-attack.txt',
  'petro-talks-clan-del-golfo.txt',
  'total-peace-is-dead.txt'
]
const exists = FILES.every((f) => existsSync(join(SAMPLE, f)))
if (!exists) console.warn(`sample-corpus tests skipped: ${SAMPLE} (with ${FILES.join(', ')}) is not beside this checkout`)

afterAll(cleanupTemp)

describe('importing the sample corpus', () => {
  it.skipIf(!exists)('imports all five articles with canonical text, first-line titles and the one-line article intact', () => {
    const { store } = createTempProject()
    const report = runImport(store.db, FILES.map((f) => ({ kind: 'path' as const, path: join(SAMPLE, f) })), { encoding: 'utf-8' })
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([])
    expect(report).toMatchObject({ files: 5, imported: 5, duplicates: 0 })

    const rows = store.articles.list({ sort: 'imported', dir: 'asc', limit: 10 }).rows
    const byFile = new Map(rows.map((r) => [r.fileName, store.articles.get(r.id)!]))
    expect([...byFile.keys()].sort()).toEqual(FILES)
    for (const file of FILES) {
      const article = byFile.get(file)!
      const firstLine = readFileSync(join(SAMPLE, file), 'utf8').split('\n').find((l) => l.trim() !== '')!.trim()
      expect(article.text, file).not.toContain('\r')
      expect(article.text, file).not.toContain('\uFEFF')
      expect(article.charCount, file).toBe(Array.from(article.text).length)
      // the first line is the title when it reads as a headline (at most 150 characters, no closing full stop); otherwise the file name
      const expected = firstLine.length <= 150 && !firstLine.endsWith('.') ? firstLine.replace(/\s+/g, ' ') : basename(file, '.txt')
      expect(article.title, file).toBe(expected)
    }
    // a lede of under 200 characters is not a headline
    expect(byFile.get('huila-police-attack.txt')!.title).toBe('huila-police-attack')
    expect(byFile.get('total-peace-is-dead.txt')!.title).toBe('“Total Peace” is Dead. For Petro, Partial Peace is the Best Remaining Option')
    const gulf = byFile.get('gulf-clan-ceasefire.txt')!
    expect(gulf.text).not.toContain('\n')
    expect(gulf.charCount).toBeGreaterThan(3000)
    expect(store.articles.search('Usuga', 10).hits.map((h) => h.fileName)).toContain('gulf-clan-ceasefire.txt')
  })
})
