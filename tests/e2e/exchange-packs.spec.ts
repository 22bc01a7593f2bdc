import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { AnnotationService } from '../../src/main/annotations/annotation-service'
import { runExport } from '../../src/main/export/run-export'
import { createProjectDb } from '../../src/main/store/open-project-db'
import { Store } from '../../src/main/store/store'
import { exportOptions } from '../../src/shared/exchange/export-options'
import { addArticle, BEN, cpIndexOf } from '../helpers/project'
import { dragOverText, expect, expectSaved, fixture, openArticle, taggedTexts, test, USER_NAME } from './fixtures'

// A coder exports their own tags as a pack, then imports a colleague's pack: the colleague's tags join the article in their own layer, and the coder's stay.
const ARTICLE = 'harbour-council-breakwater.txt'
test.use({ projectSetup: [fixture(ARTICLE)] })

/** The colleague's side, through the main-process modules: Ben's own project with the same article, two tags, and his pack. */
function colleaguePack(dir: string): string {
  const projectFile = join(dir, 'ben.spanwise')
  const store = new Store(createProjectDb(projectFile), projectFile)
  try {
    const text = readFileSync(fixture(ARTICLE), 'utf8')
    const articleId = addArticle(store, text, ARTICLE)
    const canonical = store.articles.get(articleId)!.text
    const service = new AnnotationService(store)
    for (const [label, words] of [
      ['Actor', 'port authority'],
      ['Place', 'Velmora']
    ] as const) {
      const start = cpIndexOf(canonical, words)
      service.create(BEN, { articleId, label, fragments: [{ start, end: start + Array.from(words).length }] })
    }
    const pack = join(dir, 'from-ben.spanpack')
    runExport(store, exportOptions.parse({ format: 'pack', destination: pack }), {}, BEN)
    return pack
  } finally {
    store.close()
  }
}

test('export my pack, import a colleague’s: their tags appear in their layer, mine are untouched', async ({ app: page, dataDir }, testInfo) => {
  await openArticle(page, /Velmora harbour council/)
  await dragOverText(page, 'Marta Quillon')
  await page.keyboard.press('1')
  await expect.poll(() => taggedTexts(page)).toEqual(['Marta Quillon'])
  await expectSaved(page)

  // my pack: my tag, my name, no text
  await page.getByRole('button', { name: 'Export my pack…' }).click()
  const ex = page.getByRole('dialog', { name: 'Export my pack' })
  const mine = join(dataDir, 'mine.spanpack')
  await ex.getByLabel('Pack file').fill(mine)
  await ex.getByRole('button', { name: 'Export pack' }).click()
  await expect(ex.getByRole('status')).toContainText('Packed 1 article and 1 tag into')
  await ex.getByRole('button', { name: 'Close' }).click()
  const entries = unzipSync(new Uint8Array(readFileSync(mine)))
  expect(Object.keys(entries).sort()).toEqual(['articles.jsonl', 'codebook.json', 'pack.json'])
  const manifest = JSON.parse(strFromU8(entries['pack.json']!))
  expect(manifest).toMatchObject({ annotator: { name: USER_NAME }, includesText: false, counts: { articles: 1, annotations: 1 } })

  // Ben's pack, checked first, then imported
  const bens = colleaguePack(dataDir)
  await page.getByRole('button', { name: 'Import colleague’s pack…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import tagged articles' })
  await expect(dialog.getByLabel('Format', { exact: true })).toHaveValue('pack')
  await dialog.getByLabel('Files or folders').fill(bens)
  await dialog.getByRole('button', { name: 'Check pack' }).click()
  await expect(dialog.getByRole('status', { name: 'Import check' })).toContainText('Found 1 article (0 new, 1 already in the project) with 2 tags')
  await expect(dialog.getByLabel('Pack summary')).toContainText('Ben’s layer would get: 2 new tags, 0 replaced, 0 removed')
  await page.screenshot({ path: testInfo.outputPath('pack-check.png') })
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(dialog.getByRole('status', { name: 'Import result' })).toContainText('Imported 1 article')
  await expect(dialog.getByLabel('Pack summary')).toContainText('Ben’s layer now has: 2 new tags')
  await dialog.getByRole('button', { name: 'Close' }).click()

  await page.reload()
  await expect(page.locator('.article-text')).toBeVisible()
  await expect.poll(() => taggedTexts(page)).toEqual(['Marta Quillon', 'Velmora', 'port authority'])

  // my own pack cannot come back in over my layer
  await page.getByRole('button', { name: 'Import colleague’s pack…' }).click()
  await dialog.getByLabel('Files or folders').fill(mine)
  await dialog.getByRole('button', { name: 'Check pack' }).click()
  await expect(dialog.getByRole('alert')).toContainText(`mine.spanpack holds your own tags (${USER_NAME}`)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect.poll(() => taggedTexts(page)).toEqual(['Marta Quillon', 'Velmora', 'port authority'])
})
