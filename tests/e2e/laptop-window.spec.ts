import { dragOverText, expect, openArticle, test } from './fixtures'

test.use({ projectSetup: 'demo', viewport: { width: 1280, height: 800 } })

test('in a 1280-pixel window the top bar is one row, and a demo article opens on its dateline, not a Markdown heading', async ({ app: page }) => {
  // one row: every control starts above the point where the first-ending one ends
  const rows = () =>
    page.locator('header.topbar').evaluate((header) => {
      const boxes = [...header.children].map((el) => el.getBoundingClientRect()).filter((b) => b.width > 0)
      return Math.max(...boxes.map((b) => b.top)) < Math.min(...boxes.map((b) => b.bottom)) ? 1 : boxes.map((b) => `${b.left}–${b.right} @ ${b.top}`).join(', ')
    })
  expect(await rows(), 'the top bar is one row').toBe(1)
  await openArticle(page, 'Four police officers killed')
  expect(await rows(), 'the top bar is one row').toBe(1)
  await expect(page.locator('.article-text p').first()).toHaveText(/^OSTRA, Lindmar province, 9 March 2031 — /)
  await expect(page.locator('.article-text')).not.toContainText('# Four police')
})

test('a status filter that matches nothing says so, and how to see the articles again', async ({ app: page }) => {
  await page.getByLabel('Filter by status').selectOption('done')
  await expect(page.locator('.corpus-view .empty')).toHaveText('No article has the status “Done”. Choose “Any status” to see all 7.')
  await page.getByLabel('Filter by status').selectOption('')
  await expect(page.locator('.corpus-table tbody tr')).toHaveCount(7)
})

test('a tag made low in a long list stays in view once its form takes half the panel; labels and quotes keep apart', async ({ app: page }) => {
  await openArticle(page, 'Ceasefire with NLF extended')
  await dragOverText(page, 'the southern coast')
  await page.keyboard.press('4')
  const row = page.locator('aside.tag-panel [data-tag-row].selected')
  await expect(row).toContainText('the southern coast')
  await expect(page.getByRole('region', { name: 'Selected tag' })).toBeVisible()
  await expect(row).toBeInViewport({ ratio: 1 })
  // every label is whole and ends before its quote begins
  const overlaps = await page.locator('aside.tag-panel [data-tag-row]').evaluateAll((rows) =>
    rows.flatMap((r) => {
      const label = r.querySelector<HTMLElement>('.tag-row-label')!
      const quote = r.querySelector<HTMLElement>('.tag-row-text')!
      return label.scrollWidth > label.clientWidth || label.getBoundingClientRect().right > quote.getBoundingClientRect().left ? [r.textContent] : []
    })
  )
  expect(overlaps).toEqual([])
})

test('the name in the top bar opens a dialog to change it; Escape keeps the old one, Save the new one, after a reload too', async ({ app: page }) => {
  const chip = page.locator('header.topbar .user')
  const before = await chip.textContent()
  await chip.click()
  const dialog = page.getByRole('dialog', { name: 'Your name' })
  await expect(dialog.getByLabel('Your name')).toHaveValue(before!)
  await dialog.getByLabel('Your name').fill('Someone else')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(chip).toHaveText(before!)
  await chip.click()
  await dialog.getByLabel('Your name').fill('Ana Restrepo')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  await expect(chip).toHaveText('Ana Restrepo')
  await page.reload()
  await expect(chip).toHaveText('Ana Restrepo')
})
