import { expect, importInput, importReport, openArticle, test } from './fixtures'

// Files are built here as bytes so what is wrong with each one is visible in the test.
const HTML = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">'
const CP1252_TITLE = 'Café owners meet the mayor'
// "Café owners meet the mayor\n…" in Windows-1252: the 0xE9 (é) is not valid UTF-8
const cp1252 = Buffer.concat([
  Buffer.from('Caf'),
  Buffer.from([0xe9]),
  Buffer.from(' owners meet the mayor\nThe owners of the caf'),
  Buffer.from([0xe9]),
  Buffer.from('s on the square asked for longer opening hours.\n')
])
const jsonl = [
  JSON.stringify({ title: 'Ferry timetable changes', text: 'The island ferry will leave an hour earlier from June.' }),
  '{"title": "Broken record", "text": "this line is cut off',
  JSON.stringify({ title: 'Library reopens', text: 'The town library reopened after a year of repairs.' })
].join('\n')

test('problems are reported per file, good records imported, Windows-1252 retry, HTML shown as text', async ({ app: page }) => {
  await importInput(page).setInputFiles([
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    { name: 'cafe-cp1252.txt', mimeType: 'text/plain', buffer: cp1252 },
    { name: 'records.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(jsonl) },
    { name: 'looks-like-html.txt', mimeType: 'text/plain', buffer: Buffer.from(`${HTML}\n`) }
  ])

  const report = importReport(page)
  await expect(report).toContainText('Imported 3 articles from 4 files; 3 problems.')
  const issues = report.locator('.issues li.error')
  await expect(issues).toHaveCount(3)
  await expect(issues.filter({ hasText: 'empty.txt' })).toContainText('empty.txt: the file is empty')
  await expect(issues.filter({ hasText: 'cafe-cp1252.txt' })).toContainText('not valid UTF-8 (first bad byte at offset 3)')
  await expect(issues.filter({ hasText: 'records.jsonl' })).toContainText('records.jsonl (line 2): line 2 is not valid JSON')

  const titles = page.locator('.corpus-table tbody tr .title')
  await expect(titles).toHaveText(['Ferry timetable changes', 'Library reopens', HTML], { useInnerText: true })

  // the invalid UTF-8 file, sent again as Windows-1252
  await report.getByRole('button', { name: 'Import 1 file again as Windows-1252' }).click()
  await expect(importReport(page)).toContainText('Imported 1 article from 1 file.')
  await expect(importReport(page).locator('.issues')).toHaveCount(0)
  await expect(titles).toHaveCount(4)
  await expect(titles.filter({ hasText: CP1252_TITLE })).toHaveCount(1)
  await openArticle(page, CP1252_TITLE)
  await expect(page.locator('.article-text')).toContainText('The owners of the cafés on the square')
  await page.getByRole('button', { name: '← Corpus' }).click()

  // the HTML-looking article: literal text, nothing executed or rendered as markup
  await openArticle(page, HTML)
  await expect(page.locator('.article-title h1')).toHaveText(HTML)
  await expect(page.locator('.article-text')).toHaveText(HTML)
  await expect(page.locator('.article-text script, .article-text img, .corpus-view img, h1 img')).toHaveCount(0)
  await expect(page.locator('img[src="x"]')).toHaveCount(0)
  expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined()
})
