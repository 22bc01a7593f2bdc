import { dragOverText, expect, expectSaved, fixture, openArticle, tagRows, test } from './fixtures'

test.use({ projectSetup: [fixture('harbour-council-breakwater.txt')] })

test('an event’s attributes: chosen from the keyboard, sub-types filtered by type, bad values refused, kept after reload, undoable', async ({ app: page }) => {
  await openArticle(page, 'Velmora harbour council delays vote')
  await dragOverText(page, 'The Velmora harbour council postponed its vote')
  await page.keyboard.press('2')
  await expect(tagRows(page)).toHaveCount(1)
  const form = page.getByRole('group', { name: 'Attributes' })
  await expect(form.locator('.missing-count')).toHaveText('5 missing')

  // keyboard only: focus the event type, pick a value with the arrow keys' select API
  await form.locator('#attr-event_type').focus()
  await form.locator('#attr-event_type').selectOption('strategic_developments')
  await expectSaved(page)
  await expect(form.locator('.field', { has: page.locator('#attr-event_type') })).not.toHaveAttribute('aria-busy')
  // the saved field keeps its element and focus, so Tab goes on to the next one
  await expect(form.locator('#attr-event_type')).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(form.locator('#attr-sub_event_type')).toBeFocused()
  const subTypes = await form.locator('#attr-sub_event_type option').allTextContents()
  expect(subTypes).toEqual(['—', 'Agreement', 'Arrests', 'Change to group/activity', 'Disrupted weapons use', 'Headquarters or base established', 'Looting/property destruction', 'Non-violent transfer of territory', 'Other'])
  await form.locator('#attr-sub_event_type').selectOption('other')
  // typed part by part (en-US order: month, day, year) and saved once, when left: the year's digits are not saved one by one
  // as 0002, 0020, 0203 (undo below then takes the whole date back in one step)
  await form.locator('#attr-date_start').focus()
  await page.keyboard.type('03022031')
  await expect(form.locator('#attr-date_start')).toHaveValue('2031-03-02')
  await expect(form.locator('.field', { has: page.locator('#attr-date_start') })).not.toHaveAttribute('aria-busy')
  // leaving the field saves it (Tab from the year first reaches the date's own picker button in Chromium)
  await form.locator('#attr-date_end').focus()
  await expectSaved(page)
  await expect(form.locator('.missing-count')).toHaveText('2 missing')

  // a new event type clears the sub-type that does not belong to it, in the same save
  await form.locator('#attr-event_type').selectOption('protests')
  await expectSaved(page)
  await expect(form.locator('#attr-sub_event_type')).toHaveValue('')
  await page.locator('.article-viewer').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+z')
  await tagRows(page).first().click()
  await expect(form.locator('#attr-event_type')).toHaveValue('strategic_developments')
  await expect(form.locator('#attr-sub_event_type')).toHaveValue('other')

  // an end date before the start is refused with the rule's message, and nothing changes
  await form.locator('#attr-date_end').fill('2031-03-01')
  await form.locator('#attr-date_end').press('Enter')
  await expect(page.locator('.notice.error')).toContainText('The end date is before the start date.')
  await expect(form.locator('#attr-date_end')).toHaveValue('')
  // a refusal lost nothing: the window still says Saved, not the red "Not saved" of a failed write
  await expect(page.locator('.save-indicator')).toHaveText(/^Saved/)

  await page.reload()
  await tagRows(page).first().click()
  await expect(form.locator('#attr-event_type')).toHaveValue('strategic_developments')
  await expect(form.locator('#attr-sub_event_type')).toHaveValue('other')
  await expect(form.locator('#attr-date_start')).toHaveValue('2031-03-02')
  await expect(form.locator('#attr-date_end')).toHaveValue('')

  // undo takes back the last attribute edit
  await page.locator('.article-viewer').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+z')
  await tagRows(page).first().click()
  await expect(form.locator('#attr-date_start')).toHaveValue('')
  await expect(form.locator('#attr-sub_event_type')).toHaveValue('other')
})
