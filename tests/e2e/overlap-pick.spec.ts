import { clickText, expect, openArticle, tagRows, tagTexts, test } from './fixtures'

// The demo project's article 04 has the Actor "Litoral Clan" nested inside the ambush Event.
test.use({ projectSetup: 'demo' })

const EVENT = 'fighters of the Litoral Clan ambushed an army convoy near Port Dessa and killed three soldiers'

test('clicking nested tags offers a picker; picking one selects it in the side panel', async ({ app: page }) => {
  await openArticle(page, 'Litoral Clan signals readiness for talks after convoy ambush')
  await expect.poll(async () => Object.values(await tagTexts(page))).toContain(EVENT)
  const ids = await tagTexts(page)
  const actorId = Object.keys(ids).find((id) => ids[id] === 'Litoral Clan')!
  const eventId = Object.keys(ids).find((id) => ids[id] === EVENT)!
  expect(actorId, 'the nested Actor tag is drawn').toBeTruthy()

  // the first "Litoral Clan" of the text is the nested one
  await clickText(page, 'Litoral Clan', 1)
  const picker = page.getByRole('menu', { name: 'Overlapping tags' })
  await expect(picker).toBeVisible()
  await expect(picker).toContainText('2 tags here')
  const items = picker.getByRole('menuitem')
  await expect(items).toHaveCount(2)
  await expect(items.filter({ hasText: 'Actor' })).toContainText('Litoral Clan')
  await expect(items.filter({ hasText: 'Event' })).toContainText(EVENT)
  // the demo's tags are a colleague's, and the picker says so
  await expect(items.filter({ hasText: 'Actor' })).toContainText('Spanwise demo')

  await items.filter({ hasText: 'Actor' }).click()
  await expect(picker).toBeHidden()
  await expect(tagRows(page)).toHaveCount(4)
  await expect(page.locator(`[data-tag-row="${actorId}"]`)).toHaveClass(/\bselected\b/)
  await expect(page.locator(`[data-tag-row="${eventId}"]`)).not.toHaveClass(/\bselected\b/)
  const details = page.getByRole('region', { name: 'Selected tag' })
  await expect(details.getByRole('radio', { name: /Actor/ })).toHaveAttribute('aria-checked', 'true')
  await expect(details.locator('.tag-quote')).toHaveText('Litoral Clan')
  await expect(page.locator(`.article-text .sw-id-${actorId}`).first()).toHaveClass(/sw-tag-selected/)

  // the same click, picking the Event this time
  await clickText(page, 'Litoral Clan', 1)
  await expect(picker).toBeVisible()
  await picker.getByRole('menuitem').filter({ hasText: 'Event' }).click()
  await expect(page.locator(`[data-tag-row="${eventId}"]`)).toHaveClass(/\bselected\b/)
  await expect(details.locator('.tag-quote')).toHaveText(EVENT)
})
