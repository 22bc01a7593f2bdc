import { expect, expectSaved, openArticle, tagRows, test } from './fixtures'

test.use({ projectSetup: 'demo', viewport: { width: 1024, height: 700 } })

test('in a 1024-pixel window every top-bar control and the save status stay whole, and a save does not move the page', async ({ app: page }) => {
  const bar = page.locator('header.topbar')
  const controls = bar.locator('button, a, .save-indicator, .user')
  expect(await controls.count()).toBeGreaterThan(10)
  const clipped = async () =>
    bar.evaluate((header) =>
      [...header.querySelectorAll<HTMLElement>('button, a, .save-indicator, .user')]
        .filter((el) => {
          const r = el.getBoundingClientRect()
          return r.right > window.innerWidth || r.width === 0 || el.scrollWidth > el.clientWidth + 1
        })
        .map((el) => el.textContent)
    )
  expect(await clipped()).toEqual([])
  await expect(bar.locator('.save-indicator')).toBeInViewport({ ratio: 1 })

  await openArticle(page, 'Four police officers killed')
  expect(await clipped()).toEqual([])
  const height = await bar.evaluate((h) => h.getBoundingClientRect().height)
  const text = await page.locator('.article-text').boundingBox()
  // the demo's tags are a colleague's: copying one into my layer is the save
  await tagRows(page).first().click()
  await page.getByRole('region', { name: 'Selected tag' }).getByRole('button', { name: 'Copy to my layer' }).click()
  await expectSaved(page)
  // my layer's chip appears beside the colleague's once the layers reload: the header keeps its height all the same
  await expect(page.locator('.layer-chip.me')).toHaveText('Me 1')
  await expect(bar.locator('.save-indicator')).toHaveText(/^Saved /)
  expect(await bar.evaluate((h) => h.getBoundingClientRect().height)).toBe(height)
  expect((await page.locator('.article-text').boundingBox())!.y).toBe(text!.y)
})
