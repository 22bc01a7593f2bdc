import { dragOverText, expect, expectSaved, openArticle, tagRows, test } from './fixtures'

// The demo project's Ostra article, whose tags the coder has not touched.
test.use({ projectSetup: 'demo' })

test('a digit pressed the moment the mouse lets go tags the new selection, not the tag that was selected', async ({ app: page }) => {
  await openArticle(page, 'Four police officers killed')
  // with nothing selected, the panel names this codebook's keys
  await expect(page.locator('aside.tag-panel > .hint')).toContainText('press a label’s key (1 Actor, 2 Event, 3 Claim, 4 Place')
  const before = await tagRows(page).allTextContents()
  const rowsOf = (label: string) => tagRows(page).filter({ has: page.locator('.tag-row-label', { hasText: label }) })
  await rowsOf('Claim').click()
  await expect(rowsOf('Claim')).toHaveClass(/selected/)

  // the release and the key in one task: what a busy page does to a fast coder's real input, which it handles before its timers
  await page.evaluate(() => {
    // the first text of each paragraph; the empty paragraphs between them have none
    const text = [...document.querySelectorAll('.article-text p')].map((p) => document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode()).find((n) => n?.textContent?.includes('harbour'))!
    const at = text.textContent!.indexOf('harbour')
    const range = document.createRange()
    range.setStart(text, at)
    range.setEnd(text, at + 'harbour'.length)
    document.getSelection()!.removeAllRanges()
    document.getSelection()!.addRange(range)
    document.querySelector('.article-viewer')!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
    document.querySelector('.article-viewer')!.dispatchEvent(new KeyboardEvent('keydown', { key: '4', bubbles: true }))
  })
  await expectSaved(page)

  await expect(tagRows(page)).toHaveCount(before.length + 1)
  await expect(page.locator('aside.tag-panel [data-tag-row].selected')).toContainText(/^Place\s*harbour/)
  // the Claim is still a Claim
  await expect(rowsOf('Claim')).toHaveCount(before.filter((r) => r.startsWith('Claim')).length)
  await expect(rowsOf('Place')).toHaveCount(1)
})

test('a label key held down makes one tag, not one per auto-repeat', async ({ app: page }) => {
  await openArticle(page, 'Four police officers killed')
  const before = await tagRows(page).count()
  await dragOverText(page, 'harbour')
  // a second keydown without a keyup is the browser's auto-repeat (repeat: true)
  await page.keyboard.down('4')
  await page.keyboard.down('4')
  await page.keyboard.down('4')
  await page.keyboard.up('4')
  await expectSaved(page)
  await expect(tagRows(page)).toHaveCount(before + 1)
})
