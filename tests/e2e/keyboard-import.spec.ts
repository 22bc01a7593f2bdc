import { expect, fixture, importReport, test } from './fixtures'

test.use({ projectSetup: 'empty' })

test('Import files… is reached with Tab and opened with Enter, like any button', async ({ app: page }) => {
  const button = page.getByRole('button', { name: 'Import files…' })
  await button.focus()
  await expect(button).toBeFocused()
  const chooser = page.waitForEvent('filechooser')
  await page.keyboard.press('Enter')
  await (await chooser).setFiles(fixture('harbour-council-breakwater.txt'))
  await expect(importReport(page)).toContainText('Imported 1')
  // Tab order reaches it from the control before it
  await page.getByLabel('Filter by source').focus()
  await page.keyboard.press('Tab')
  await expect(button).toBeFocused()
  await expect(page.getByRole('button', { name: 'Import folder…' })).toHaveAttribute('tabindex', '0')
})
