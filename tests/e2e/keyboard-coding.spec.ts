import { expect, expectSaved, myTagRows, openArticle, tagRows, test } from './fixtures'

// The demo project's Ostra article: an Event, two Actors and a Claim, in that order in the text.
test.use({ projectSetup: 'demo' })

const selectedRow = (page: import('@playwright/test').Page) => page.locator('aside.tag-panel [data-tag-row].selected')

test('keyboard only: ] and [ step through the tags in text order, L links the selected one, Shift+arrows and a digit tag new text', async ({ app: page }) => {
  await openArticle(page, 'Four police officers killed')
  await expect(tagRows(page)).toHaveCount(4)
  const rows = await tagRows(page).allTextContents()
  await page.locator('.article-viewer').focus()

  // ] from nothing selected goes to the first tag, then on in the side panel's order; [ goes back and wraps
  for (const row of rows) {
    await page.keyboard.press(']')
    await expect(selectedRow(page)).toHaveText(row)
  }
  await page.keyboard.press(']')
  await expect(selectedRow(page)).toHaveText(rows[0]!)
  await page.keyboard.press('[')
  await expect(selectedRow(page)).toHaveText(rows[3]!)
  await page.keyboard.press('[')
  await expect(selectedRow(page)).toHaveText(rows[2]!)
  const details = page.getByRole('region', { name: 'Selected tag' })

  // a colleague's tag offers no link box: L does nothing there
  const event = rows.findIndex((r) => r.startsWith('Event'))
  for (let i = 0; i < (event - 2 + rows.length) % rows.length; i++) await page.keyboard.press(']')
  await expect(selectedRow(page)).toHaveText(rows[event]!)
  await page.keyboard.press('l')
  await expect(page.getByRole('combobox', { name: 'Link to' })).toHaveCount(0)
  await page.keyboard.press(']')
  await expect(selectedRow(page)).toContainText('Clan del Litoral')

  // the caret follows the stepped-to tag to the next word: Shift+Ctrl+arrows select from there, a digit tags them
  for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+Control+ArrowRight')
  await expect(page.getByRole('toolbar', { name: 'Tag the selection' })).toBeVisible()
  await page.keyboard.press('2')
  await expect(tagRows(page)).toHaveCount(5)
  await expect(selectedRow(page)).toContainText(/^Event\s*the armed(?! group)/)
  // my layer's count follows once the edits settle
  await expect(page.locator('.layer-chip.me')).toHaveText('Me 1')

  // Escape drops the selected tag but keeps the caret after it: Shift+Ctrl+arrow selects the next word, not the text's first
  await myTagRows(page).filter({ hasText: /^Event/ }).click()
  await page.locator('.article-viewer').focus()
  await page.keyboard.press(']')
  await page.keyboard.press('Escape')
  await expect(selectedRow(page)).toHaveCount(0)
  await page.keyboard.press('Shift+Control+ArrowRight')
  await expect(page.getByRole('toolbar', { name: 'Tag the selection' })).toBeVisible()
  expect(await page.evaluate(() => document.getSelection()!.toString().trim())).not.toBe('OSTRA')
  await page.keyboard.press('Escape')

  // a new tag from the keyboard: Ctrl+Home puts the caret at the top, Shift+Ctrl+arrows select words from there
  await page.keyboard.press('Control+Home')
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Control+ArrowRight')
  await expect(page.getByRole('toolbar', { name: 'Tag the selection' })).toBeVisible()
  await page.keyboard.press('1')
  await expect(tagRows(page)).toHaveCount(6)
  await expect(selectedRow(page)).toContainText(/^Actor\s*OSTRA/)
  await expect(page.locator('.layer-chip.me')).toHaveText('Me 2')

  // my Event: L, a few letters, Enter makes the link to my Actor (links stay within one coder's layer)
  await myTagRows(page).filter({ hasText: /^Event/ }).click()
  await expect(selectedRow(page)).toContainText(/^Event\s*the armed/)
  await page.keyboard.press('l')
  await expect(page.getByRole('combobox', { name: 'Link to' })).toBeFocused()
  await page.keyboard.type('perp ostra')
  await page.keyboard.press('Enter')
  await expectSaved(page)
  await expect(details.locator('.link-list li')).toHaveText([/Perpetrator →\s*OSTRA/])
  // Escape leaves the box for the text keys again
  await page.keyboard.press('Escape')
  await expect(page.locator('.article-viewer')).toBeFocused()
  await myTagRows(page).filter({ hasText: /^Actor/ }).click()
  await expect(selectedRow(page)).toContainText(/^Actor\s*OSTRA/)
  await expect(details.locator('.link-list li')).toHaveText([/← Perpetrator of\s*the armed/])
})
