import { clickText, expect, expectSaved, openArticle, tagRows, test } from './fixtures'

// The demo's example tags are the "Spanwise demo" coder's layer, a colleague of whoever signs in.
test.use({ projectSetup: 'demo' })

test('a colleague’s tag is read-only in my workbench; I copy it to my layer to change it', async ({ app: page }) => {
  await openArticle(page, 'Maravia and northern rebels announce 30-day ceasefire')
  const demoTags = await tagRows(page).count()
  await clickText(page, 'Northern Liberation')
  const details = page.getByRole('region', { name: 'Selected tag' })
  await expect(details.getByRole('note')).toContainText('Spanwise demo’s tag: each coder changes only their own layer.')
  // nothing in the panel offers a change: labels, attributes, links and delete are off, the note is plain text
  await expect(details.getByRole('radio', { name: /Event/ })).toBeDisabled()
  await expect(details.locator('#attr-mention_form')).toBeDisabled()
  await expect(details.getByRole('combobox', { name: 'Link to' })).toHaveCount(0)
  await expect(details.getByRole('button', { name: /Delete tag/ })).toHaveCount(0)
  await expect(details.getByRole('textbox', { name: 'Note' })).toHaveCount(0)
  await expect(details).toContainText('Same actor as NLF')
  await page.screenshot({ path: test.info().outputPath('colleague-tag.png') })

  // the keys are refused too, with the reason, and the tag stays as it was
  await page.keyboard.press('Delete')
  await expect(page.locator('.notices')).toContainText('each coder changes only their own layer')
  await page.keyboard.press('2')
  await expect(tagRows(page)).toHaveCount(demoTags)
  await expect(tagRows(page).filter({ hasText: 'Northern Liberation Front' })).toContainText('Actor')

  // a copy is mine: selected, editable, and counted in my layer
  await details.getByRole('button', { name: 'Copy to my layer' }).click()
  await expectSaved(page)
  await expect(tagRows(page)).toHaveCount(demoTags + 1)
  await expect(details.getByRole('note')).toHaveCount(0)
  await expect(details.locator('#attr-mention_form')).toBeEnabled()
  await expect(details.locator('#attr-mention_form')).toHaveValue('name')
  await details.getByRole('radio', { name: /Event/ }).click()
  await expectSaved(page)
  await expect(page.getByLabel('Layers', { exact: true }).locator('.layer-chip.me')).toHaveText('Me 1')

  // after a reload the colleague's tag is still an Actor and mine an Event
  await page.reload()
  await expect(page.locator('.article-text[data-tags-drawn="all"]')).toBeVisible()
  const labels = tagRows(page).filter({ hasText: 'Northern Liberation Front' }).locator('.tag-row-label')
  await expect(labels).toHaveCount(2)
  expect((await labels.allTextContents()).sort()).toEqual(['Actor', 'Event'])
})
