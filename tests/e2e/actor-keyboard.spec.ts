import { dragOverText, expect, openArticle, test } from './fixtures'

test.use({ projectSetup: 'demo' })

test('a name the registry lacks: arrows and Enter reach "New provisional actor" in the suggestion list, which links it', async ({ app: page }) => {
  await openArticle(page, 'Four police officers killed')
  await dragOverText(page, 'Governor Marta Ilves')
  await page.keyboard.press('1')
  const details = page.getByRole('region', { name: 'Selected tag' })
  const field = details.getByRole('combobox').first()
  await field.focus()
  await expect(details.locator('.actor-options .hint')).toContainText('No actor in the registry goes by')
  const create = details.getByRole('option', { name: /New provisional actor “Governor Marta Ilves”/ })
  await page.keyboard.press('ArrowDown')
  await expect(create).toHaveAttribute('aria-selected', 'true')
  await expect(field).toHaveAttribute('aria-activedescendant', (await create.getAttribute('id'))!)
  await page.keyboard.press('Enter')
  const linked = details.locator('.linked-actors li')
  await expect(linked).toContainText('Governor Marta Ilves')
  await expect(linked.locator('.actor-status')).toHaveText('provisional')
})
