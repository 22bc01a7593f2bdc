import { expect, test } from './fixtures'

test.use({ projectSetup: 'demo' })

// keyboard users: a dialog takes focus when it opens, Escape closes it, and focus goes back to the button that opened it
for (const [opener, name] of [
  ['Export…', 'Export'],
  ['Export my pack…', 'Export my pack'],
  ['Import tagged…', 'Import tagged articles'],
  ['Demo project', 'Projects']
] as const) {
  test(`the ${name} dialog takes focus, closes with Escape and gives focus back`, async ({ app: page }) => {
    const button = page.getByRole('button', { name: opener })
    await button.click()
    const dialog = page.getByRole('dialog', { name })
    await expect(dialog).toBeVisible()
    await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true)
    await page.keyboard.press('Escape')
    await expect(dialog).toHaveCount(0)
    await expect(button).toBeFocused()
  })
}
