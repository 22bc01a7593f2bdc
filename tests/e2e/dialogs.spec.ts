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

test('Tab stays inside an open dialog, and keys pressed in it never act on the article behind it', async ({ app: page }) => {
  await page.locator('.corpus-table tbody tr', { hasText: 'Four police officers killed' }).click()
  const row = page.locator('aside.tag-panel [data-tag-row]').first()
  await row.click()
  await expect(row).toHaveClass(/selected/)
  const count = await page.locator('aside.tag-panel [data-tag-row]').count()

  await page.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  const inside = () => dialog.evaluate((d) => d.contains(document.activeElement))
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab')
    expect(await inside()).toBe(true)
  }
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Shift+Tab')
    expect(await inside()).toBe(true)
  }
  // Delete and a label key on a dialog button, then Escape: the dialog closes, the article's selected tag is untouched
  await dialog.getByRole('button', { name: 'Close' }).focus()
  await page.keyboard.press('Delete')
  await page.keyboard.press('3')
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(row).toHaveClass(/selected/)
  await expect(page.locator('aside.tag-panel [data-tag-row]')).toHaveCount(count)
})

test('the codebook’s version table keeps its columns side by side (the review panel’s stacked versions do not leak into it)', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Codebook' }).click()
  await page.getByRole('button', { name: 'About this codebook' }).click()
  const headers = page.locator('.cb-table.versions thead th')
  await expect(headers).toHaveCount(5)
  const xs = await headers.evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().left))
  expect(xs).toEqual([...xs].sort((a, b) => a - b))
  expect(new Set(xs).size).toBe(5)
})
