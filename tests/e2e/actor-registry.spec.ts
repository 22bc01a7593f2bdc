import { expect, test } from './fixtures'

test('the actor registry: find by any name, add names, refuse a colliding alias, external ids, approve, create and merge', async ({ app: page }) => {
  await page.getByRole('link', { name: 'Actors' }).click()
  const find = page.getByLabel('Find actors')
  await find.fill('urabenos')
  // the list re-filters after a pause; clicking before it settles can land on a row that moves away
  await expect(page.locator('.actor-list a')).toHaveText([/Gulf Clan \(EGC\)/])
  await page.locator('.actor-list a', { hasText: 'Gulf Clan (EGC)' }).click()
  const details = page.locator('.actor-details')
  await expect(details.getByRole('heading', { level: 1 })).toHaveText('Gulf Clan (EGC)')
  await expect(details.locator('.actor-status')).toHaveText('provisional')

  // a new name with who uses it and since when
  await details.getByLabel('New alias').fill('Los Gaitanistas')
  await details.getByLabel('Used by').fill('local press')
  await details.getByLabel('Valid from').fill('2008-01-01')
  await details.getByRole('button', { name: 'Add name' }).click()
  const row = details.locator('.alias-table tr', { hasText: 'Los Gaitanistas' })
  await expect(row).toContainText('local press')
  await expect(row).toContainText('2008-01-01')

  // another actor's name is refused, and nothing is added
  await details.getByLabel('New alias').fill('eln')
  await details.getByRole('button', { name: 'Add name' }).click()
  // said beside the form, where the "ambiguous" box it mentions stays in reach (no notice over it)
  const refusal = details.getByRole('alert')
  await expect(refusal).toContainText('collides with “ELN”, an alias of “National Liberation Army (ELN)”')
  await expect(page.locator('.notice.error')).toHaveCount(0)
  await expect(details.getByLabel('ambiguous')).toBeInViewport()
  await expect(details.locator('.alias-table tr', { hasText: /^eln/i })).toHaveCount(0)

  // a dated relation to another actor; the same one again is refused with the reason
  const relations = details.getByRole('region', { name: 'Relations to other actors' })
  await relations.getByLabel('Relation').selectOption('allied_with')
  await relations.getByLabel('Related actor').selectOption({ label: 'Segunda Marquetalia' })
  await relations.getByLabel('Since').fill('2024-06')
  await relations.getByRole('button', { name: 'Add relation' }).click()
  await expect(relations.locator('.relation-list li')).toHaveText([/^allied with Segunda Marquetalia since 2024-06/])
  await relations.getByLabel('Relation').selectOption('allied_with')
  await relations.getByLabel('Related actor').selectOption({ label: 'Segunda Marquetalia' })
  await relations.getByRole('button', { name: 'Add relation' }).click()
  await expect(page.locator('.notice.error', { hasText: 'already recorded as allied with “Segunda Marquetalia”' })).toBeVisible()

  // external ids and approval survive a reload
  const ids = details.getByLabel(/External ids/)
  await ids.fill('wikidata=Q123456\nacled=Gulf Clan')
  await ids.blur()
  await details.getByRole('button', { name: 'Approve' }).click()
  await expect(details.locator('.actor-status')).toHaveText('approved')
  await page.reload()
  await expect(details.getByLabel(/External ids/)).toHaveValue('wikidata=Q123456\nacled=Gulf Clan')
  await expect(details.locator('.actor-status')).toHaveText('approved')
  await expect(relations.locator('.relation-list li')).toHaveText([/^allied with Segunda Marquetalia since 2024-06/])
  // the other side shows it too, and removing it there is not offered: it is recorded on this actor
  await relations.getByRole('link', { name: 'Segunda Marquetalia' }).click()
  await expect(details.getByRole('heading', { level: 1 })).toHaveText('Segunda Marquetalia')
  await expect(relations.locator('.relation-list li.incoming')).toHaveText(/^Gulf Clan \(EGC\) is allied with this actor since 2024-06/)
  await relations.getByRole('link', { name: 'Gulf Clan (EGC)' }).click()
  await relations.getByRole('button', { name: 'Remove allied with Segunda Marquetalia' }).click()
  await expect(relations.locator('.relation-list li')).toHaveCount(0)

  // a duplicate made by a coder is merged away: its names move over and it leaves the list
  await find.fill('Golfo duplicate')
  await page.getByRole('button', { name: 'New actor “Golfo duplicate”…' }).click()
  await page.getByRole('button', { name: 'Create', exact: true }).click()
  await expect(details.getByRole('heading', { level: 1 })).toHaveText('Golfo duplicate')
  const duplicateUrl = page.url()
  await details.getByLabel(/Merge “Golfo duplicate” into/).selectOption({ label: 'Gulf Clan (EGC)' })
  // asked beside the choice, in the app: Escape or Cancel keeps both actors
  await details.getByRole('button', { name: 'Merge…' }).click()
  const ask = details.getByRole('alertdialog', { name: 'Confirm the merge' })
  await expect(ask).toContainText('Merge “Golfo duplicate” into “Gulf Clan (EGC)”? Its 0 mentions and its names move over; a tombstone stays.')
  await page.keyboard.press('Escape')
  await expect(ask).toBeHidden()
  await expect(details.getByRole('heading', { level: 1 })).toHaveText('Golfo duplicate')
  await details.getByRole('button', { name: 'Merge…' }).click()
  await ask.getByRole('button', { name: 'Merge into “Gulf Clan (EGC)”' }).click()
  await expect(details.getByRole('heading', { level: 1 })).toHaveText('Gulf Clan (EGC)')
  // the tombstone names the actor it went into
  await page.goto(duplicateUrl)
  await expect(details.getByText('Merged into')).toContainText('Merged into Gulf Clan (EGC); its mentions and names now belong there')
  await page.goBack()
  await expect(details.locator('.alias-table')).toContainText('Golfo duplicate')
  await find.fill('Golfo duplicate')
  await expect(page.locator('.actor-list a')).toHaveText([/Gulf Clan \(EGC\)/])
})
