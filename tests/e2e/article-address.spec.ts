import { expect, openArticle, tagRows, test } from './fixtures'

test.use({ projectSetup: 'demo' })

test('an address to an article that does not exist says so, and going on to another article opens that one', async ({ app: page }) => {
  const title = 'Four police officers killed in attack on coastal post'
  await openArticle(page, title)
  const address = new URL(page.url()).hash
  await expect(tagRows(page)).toHaveCount(4)

  await page.evaluate(() => (location.hash = '#/article/999999'))
  await expect(page.getByText(/Cannot open this article/)).toBeVisible()

  // straight from the refused address to a real one, without the corpus in between
  await page.evaluate((hash) => (location.hash = hash), address)
  await expect(page.getByRole('heading', { name: title })).toBeVisible()
  await expect(tagRows(page)).toHaveCount(4)
  await expect(page.getByText(/Cannot open this article/)).toHaveCount(0)

  // into review and back keeps the article open
  await page.getByLabel('Layers').getByRole('link', { name: 'Review' }).click()
  await expect(page.getByRole('complementary', { name: 'Review' })).toBeVisible()
  await page.getByLabel('Layers').getByRole('link', { name: 'Back to tagging' }).click()
  await expect(tagRows(page)).toHaveCount(4)
})
