import { expect, fixture, test } from './fixtures'

test.use({ projectSetup: [fixture('harbour-council-breakwater.txt'), fixture('orchard-cooperative-frost.txt')] })

test('full-text search shows a highlighted snippet and opens the hit', async ({ app: page }) => {
  const rows = page.locator('.corpus-table tbody tr')
  await expect(rows).toHaveCount(2)

  // "apricot" is only in the orchard article, in its body (not its title)
  await page.getByLabel('Search articles').fill('apricot')
  await expect(rows).toHaveCount(1)
  await expect(page.getByRole('alert')).toHaveCount(0)
  await expect(page.locator('.search-info')).toHaveText('1 matching article, most relevant first')
  const hit = rows.first()
  await expect(hit.locator('.title')).toHaveText('Orchard cooperative counts losses after late frost')
  const snippet = hit.locator('.snippet')
  await expect(snippet).toContainText('third of the apricot blossom')
  await expect(snippet.locator('mark')).toHaveText(['apricot'])

  await hit.click()
  await expect(page).toHaveURL(/#\/article\/\d+$/)
  await expect(page.locator('.article-title h1')).toHaveText('Orchard cooperative counts losses after late frost')
  await expect(page.locator('.article-text')).toContainText('a late frost had destroyed about a third of the apricot blossom')

  // back to the corpus; a word in neither article finds nothing
  await page.getByRole('button', { name: '← Corpus' }).click()
  await expect(page).not.toHaveURL(/#\/article\//)
  await page.getByLabel('Search articles').fill('zeppelin')
  await expect(page.getByText('No article matches “zeppelin”.')).toBeVisible()
  await expect(rows).toHaveCount(0)
})
