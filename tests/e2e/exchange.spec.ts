import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT, expect, openArticle, tagRows, test } from './fixtures'

// A user imports brat's tutorial news documents through the dialog, maps its labels onto the codebook, then exports as brat and as native JSONL.
const NEWS = join(ROOT, '..', 'shared', 'conformance', 'brat', 'example-data', 'tutorials', 'news')
test.use({ projectSetup: 'empty' })
if (!existsSync(NEWS)) console.warn(`skipped: ${NEWS} is absent (the public brat examples live beside the checkout in ../shared/conformance)`)

test.skip(!existsSync(NEWS), 'the brat example data in ../shared/conformance is absent')

test('import brat documents with a label mapping, then export them as brat and native JSONL', async ({ app: page, dataDir }, testInfo) => {
  await page.getByRole('button', { name: 'Import tagged…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import tagged articles' })
  await dialog.getByLabel('Format', { exact: true }).selectOption('brat')
  await dialog.getByLabel('Files or folders').fill(NEWS)
  await dialog.getByRole('button', { name: 'Check files' }).click()
  const check = dialog.getByRole('status', { name: 'Import check' })
  await expect(check).toContainText('Found 13 articles (13 new, 0 already in the project)')
  // nothing is written by the check
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled()
  await dialog.getByLabel('What to do with Person').selectOption({ label: 'Import as Actor' })
  await dialog.getByLabel('What to do with Organization').selectOption({ label: 'Import as Actor' })
  await dialog.getByLabel('What to do with GPE').selectOption({ label: 'Import as Place' })
  for (const select of await dialog.getByLabel(/^What to do with /).all()) {
    if ((await select.inputValue()) === '') await select.selectOption({ index: 1 })
  }
  await page.screenshot({ path: testInfo.outputPath('import-check.png') })
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  const result = dialog.getByRole('status', { name: 'Import result' })
  await expect(result).toContainText('Imported 13 articles (13 new')
  await dialog.getByRole('button', { name: 'Close' }).click()

  await expect(page.locator('.corpus-table tbody tr')).toHaveCount(13)
  await openArticle(page, /Welcome to the Brat Rapid Annotation Tool/)
  await expect(tagRows(page).first()).toBeVisible()
  await expect(tagRows(page).filter({ hasText: 'Actor' }).first()).toBeVisible()

  for (const [format, title] of [
    ['brat', 'brat standoff'],
    ['native', 'Spanwise JSONL (lossless)']
  ] as const) {
    await page.getByRole('button', { name: 'Export…' }).click()
    const ex = page.getByRole('dialog', { name: 'Export' })
    await ex.getByLabel('Format', { exact: true }).selectOption({ label: title })
    await expect(ex.getByText(/Offsets: Unicode code points/)).toBeVisible()
    const folder = join(dataDir, `export-${format}`)
    await ex.getByLabel('Export folder').fill(folder)
    await ex.getByRole('button', { name: 'Export', exact: true }).click()
    await expect(ex.getByRole('status')).toContainText('Exported 13 articles')
    await ex.getByRole('button', { name: 'Close' }).click()
    const files = readdirSync(folder)
    expect(files).toContain('manifest.json')
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'))
    expect(manifest).toMatchObject({ format, offsetUnit: 'codepoint', counts: { articles: 13 } })
    if (format === 'brat') {
      expect(files).toContain('annotation.conf')
      const ann = files.filter((f) => f.endsWith('.ann'))
      expect(ann).toHaveLength(13)
      const all = ann.map((f) => readFileSync(join(folder, f), 'utf8')).join('\n')
      expect(all).toMatch(/^T\d+\tActor \d+ \d+\t/m)
    } else {
      const lines = readFileSync(join(folder, 'articles.jsonl'), 'utf8').trim().split('\n')
      expect(lines).toHaveLength(14)
    }
  }
})
