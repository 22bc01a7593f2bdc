import { dragOverText, expect, expectSaved, fixture, openArticle, tagRows, test } from './fixtures'

// one title line, then a single 3,900-character paragraph: taller than the window, like the one-line wire stories users import
test.use({ projectSetup: [fixture('valley-long-line.txt')] })

test('selecting a tag in a paragraph taller than the window scrolls the tag itself into view, from the list and with ] / [', async ({ app: page }) => {
  await openArticle(page, 'Valley floods and harbour disputes')
  await dragOverText(page, 'Ostra')
  await page.keyboard.press('1')
  await expect(tagRows(page)).toHaveCount(1)
  await dragOverText(page, 'Velina Dorr')
  await page.keyboard.press('1')
  await expect(tagRows(page)).toHaveCount(2)
  await expectSaved(page)
  const selected = page.locator('.article-text .sw-tag-selected').first()

  // from the list: the tag at the paragraph's end, then the one at its start
  await tagRows(page).filter({ hasText: 'Velina Dorr' }).click()
  await expect(selected).toHaveText('Velina Dorr')
  await expect(selected).toBeInViewport()
  await tagRows(page).filter({ hasText: 'Ostra' }).click()
  await expect(selected).toHaveText('Ostra')
  await expect(selected).toBeInViewport()

  // from the keyboard, in the text
  await page.locator('.article-viewer').focus()
  await page.keyboard.press(']')
  await expect(selected).toHaveText('Velina Dorr')
  await expect(selected).toBeInViewport()
  await page.keyboard.press('[')
  await expect(selected).toHaveText('Ostra')
  await expect(selected).toBeInViewport()
})
