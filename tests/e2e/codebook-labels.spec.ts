import { dragOverText, expect, expectSaved, fixture, openArticle, taggedTexts, tagRows, test } from './fixtures'

test.use({ projectSetup: [fixture('harbour-council-breakwater.txt')] })

test('the labels come from the project codebook: hotkeys 1–5, and the label guideline shown while coding', async ({ app: page }) => {
  await openArticle(page, 'Velmora harbour council delays vote')
  await dragOverText(page, 'Velmora')
  const popup = page.getByRole('toolbar', { name: 'Tag the selection' })
  await expect(popup.getByRole('button')).toHaveText(['1 Actor', '2 Event', '3 Claim', '4 Place', '5 Quantity'])
  // hovering a label shows its coding guideline
  await expect(popup.getByRole('button', { name: '4 Place' })).toHaveAttribute('title', /a place name/)
  await page.keyboard.press('4')
  await expect.poll(() => taggedTexts(page)).toEqual(['Velmora'])
  await expect(tagRows(page).locator('.tag-row-label')).toHaveText('Place')
  await expectSaved(page)
  const details = page.getByRole('region', { name: 'Selected tag' })
  await expect(details.locator('.guideline')).toContainText('a place name, to be resolved against a gazetteer')
  // relabel with another codebook hotkey; the guideline follows the label
  await page.keyboard.press('5')
  await expect(tagRows(page).locator('.tag-row-label')).toHaveText('Quantity')
  await expect(details.locator('.guideline')).toContainText('a figure in the text')
  await page.reload()
  await expect(tagRows(page).locator('.tag-row-label')).toHaveText('Quantity')
})
