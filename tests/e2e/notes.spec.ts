import { copyToMine, expect, myTagRows, openArticle, tagRows, test } from './fixtures'

// Notes save 300 ms after typing stops; switching tags sooner must neither lose the note nor give it to the other tag.
test.use({ projectSetup: 'demo' })

test('a note typed just before picking another tag is saved on its own tag', async ({ app: page }) => {
  await openArticle(page, 'Four police officers killed in attack on coastal post')
  await expect(tagRows(page)).toHaveCount(4)
  // the demo's tags are a colleague's: notes go on my copies
  await copyToMine(page, 'CSDC')
  await copyToMine(page, 'Clan del Litoral')
  const rows = myTagRows(page)
  const note = page.getByRole('region', { name: 'Selected tag' }).getByRole('textbox', { name: 'Note', exact: true })
  const quote = page.getByRole('region', { name: 'Selected tag' }).locator('.tag-quote')

  const ALIAS = 'Alias of the Coastal Self-Defence Command'
  await rows.filter({ hasText: 'CSDC' }).click()
  await note.click()
  await page.keyboard.type('Acronym used by the Defence Ministry')
  await rows.filter({ hasText: 'Clan del Litoral' }).click()
  await expect(quote).toHaveText('Clan del Litoral')
  await expect(note).toHaveText(ALIAS)

  await page.reload()
  await rows.filter({ hasText: 'CSDC' }).click()
  await expect(note).toHaveText('Acronym used by the Defence Ministry')
  await rows.filter({ hasText: 'Clan del Litoral' }).click()
  await expect(note).toHaveText(ALIAS)
})

test('a note typed just before the page is reloaded is not lost', async ({ app: page }) => {
  await openArticle(page, 'Four police officers killed in attack on coastal post')
  const note = page.getByRole('region', { name: 'Selected tag' }).getByRole('textbox', { name: 'Note', exact: true })
  await copyToMine(page, 'CSDC')
  await note.click()
  await page.keyboard.type('Typed right before a reload')
  await page.reload()
  await myTagRows(page).filter({ hasText: 'CSDC' }).click()
  await expect(note).toHaveText('Typed right before a reload')
})

test('Escape in a note returns to the text with the tag still selected, so ] steps on from the keyboard', async ({ app: page }) => {
  await openArticle(page, 'Four police officers killed in attack on coastal post')
  const note = page.getByRole('region', { name: 'Selected tag' }).getByRole('textbox', { name: 'Note', exact: true })
  await copyToMine(page, 'CSDC')
  await note.click()
  await page.keyboard.type('Seen in two reports')
  await page.keyboard.press('Escape')
  await expect(page.locator('.article-viewer')).toBeFocused()
  await expect(page.locator('aside.tag-panel [data-tag-row].selected')).toContainText('CSDC')
  await page.reload()
  await myTagRows(page).filter({ hasText: 'CSDC' }).click()
  await expect(note).toHaveText('Seen in two reports')
})
