import type { Page } from '@playwright/test'
import { expect, openArticle, test } from './fixtures'

test.use({ projectSetup: 'demo', viewport: { width: 1280, height: 800 } })

/** The box of `needle` in the article text as it is now on screen (no scrolling). */
const boxOf = (page: Page, needle: string) =>
  page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.querySelector('.article-text')!, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent!.indexOf(needle)
      if (at < 0) continue
      const range = document.createRange()
      range.setStart(n, at)
      range.setEnd(n, at + needle.length)
      const r = range.getBoundingClientRect()
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }
    }
    throw new Error(`${needle} is not in the text`)
  }, needle)

async function drag(page: Page, needle: string): Promise<void> {
  const box = await boxOf(page, needle)
  const y = (box.top + box.bottom) / 2
  await page.mouse.move(box.left + 2, y)
  await page.mouse.down()
  await page.mouse.move(box.right - 2, y, { steps: 5 })
  await page.mouse.up()
}

test('the label bar stays inside the window: above a selection on the last line, left of the right edge, on one row', async ({ app: page }) => {
  await openArticle(page, 'Four police officers killed')
  const bar = page.getByRole('toolbar', { name: 'Tag the selection' })
  const inWindow = async () => {
    const b = (await bar.boundingBox())!
    const { width, height } = page.viewportSize()!
    return b.x >= 0 && b.y >= 0 && b.x + b.width <= width && b.y + b.height <= height && b.height < 40
  }

  // a window that ends just below the line holding "marines to the province"
  const needle = 'marines to the province'
  await page.setViewportSize({ width: 1280, height: Math.round((await boxOf(page, needle)).bottom + 14) })
  await drag(page, needle)
  await expect(bar).toBeVisible()
  expect(await inWindow(), 'the bar flips above the selection').toBe(true)
  expect((await bar.boundingBox())!.y + 20).toBeLessThan((await boxOf(page, needle)).top)
  await page.keyboard.press('Escape')

  // the end of a line near the text column's right edge, where the bar would run past the window
  await drag(page, 'post and asked')
  await expect(bar).toBeVisible()
  expect((await boxOf(page, 'post and asked')).left + (await bar.boundingBox())!.width, 'placed at the selection, the bar would not fit').toBeGreaterThan(1280)
  expect(await inWindow(), 'the bar moves left and keeps one row').toBe(true)
})
