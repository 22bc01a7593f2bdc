import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { dragOverText, expect, expectSaved, fixture, openArticle, tagRows, test } from './fixtures'

test.use({ projectSetup: [fixture('harbour-council-breakwater.txt')] })

const TITLE = 'Velmora harbour council delays vote'

/** Tags `needle` in the open article with the label on `key`. */
async function tag(page: Page, needle: string, key: string): Promise<void> {
  await dragOverText(page, needle)
  await page.keyboard.press(key)
  await expectSaved(page)
}

async function openCodebook(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Codebook' }).click()
  await expect(page).toHaveURL(/#\/codebook$/)
  await expect(page.getByRole('navigation', { name: 'Codebook sections' })).toBeVisible()
}

/** Picks a file for the editor's "Import JSON…" button the way the browser's file dialog would. */
async function importFile(page: Page, name: string, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import JSON…' }).click()
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) })
}

test('rename a label and add a value, save version 2: tags follow, the tag bar shows the new label, export and re-import round-trip, a bad file is refused by path', async ({ app: page }) => {
  await openArticle(page, TITLE)
  await tag(page, 'Velmora', '4')
  await expect(tagRows(page).locator('.tag-row-label')).toHaveText('Place')

  await openCodebook(page)
  const nav = page.getByRole('navigation', { name: 'Codebook sections' })
  await nav.getByRole('button', { name: 'Place', exact: true }).click()
  const place = page.getByRole('region', { name: 'Label Place' })
  await expect(place.getByText('used by 1 tag')).toBeVisible()
  // keyboard only: type the new name and commit it with Enter
  await place.getByLabel('Label name').fill('Location')
  await page.keyboard.press('Enter')
  await expect(nav.getByRole('button', { name: 'Location', exact: true })).toBeVisible()

  // a new allowed value for Quantity › Counts
  await nav.getByRole('button', { name: 'Quantity', exact: true }).click()
  const quantity = page.getByRole('region', { name: 'Label Quantity' })
  await quantity.locator('summary', { hasText: 'Counts' }).click()
  const values = quantity.getByRole('group', { name: 'Values of Counts' })
  await values.getByRole('button', { name: '+ Add value' }).click()
  await expect(values.getByLabel('Key of value 5')).toBeFocused()
  await page.keyboard.type('Arrested')
  await page.keyboard.press('Tab')
  // live validation: an upper-case key is refused at its path and Save is disabled
  await expect(values.locator('.field-problems')).toContainText('labels[4].attributes[1].values[4].value')
  await expect(page.getByRole('button', { name: 'Save as version 2' })).toBeDisabled()
  await values.getByLabel('Key of value 5').fill('arrested')
  await values.getByLabel('Label of value 5').fill('Arrested')
  await expect(page.locator('.cb-status')).toHaveText('Unsaved changes')

  await page.getByLabel('Version note').fill('Place is now Location; arrests are counted')
  await page.getByRole('button', { name: 'Save as version 2' }).click()
  await expect(page.locator('.notice')).toContainText('Saved codebook version 2; tags: 1 relabelled.')
  await expect(page.locator('.cb-title .meta')).toContainText('version 2 · Conflict and peace-process coding')
  await expect(page.locator('.cb-status')).toHaveText('No changes')

  // the article: the tag is relabelled, the tag bar offers the new label, and the new value is a choice
  await page.getByRole('button', { name: '← Corpus' }).click()
  await openArticle(page, TITLE)
  await expect(tagRows(page).locator('.tag-row-label')).toHaveText('Location')
  await dragOverText(page, 'breakwater', { occurrence: 2 })
  const bar = page.getByRole('toolbar', { name: 'Tag the selection' })
  await expect(bar.getByRole('button')).toHaveText(['1 Actor', '2 Event', '3 Claim', '4 Location', '5 Quantity'])
  await page.keyboard.press('5')
  await expectSaved(page)
  await expect(page.getByRole('group', { name: 'Attributes' }).locator('#attr-counts option')).toContainText(['Arrested'])

  // export version 2 and read it back: the same codebook, so nothing to save
  await openCodebook(page)
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export JSON' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe('Conflict-and-peace-process-coding-default-v2.spanwise-codebook.json')
  const exported = readFileSync((await file.path())!, 'utf8')
  const json = JSON.parse(exported)
  expect(json).toMatchObject({ format: 'spanwise-codebook', version: 2 })
  expect(json.labels.map((l: { name: string }) => l.name)).toEqual(['Actor', 'Event', 'Claim', 'Location', 'Quantity'])
  await importFile(page, file.suggestedFilename(), exported)
  await expect(page.locator('.notice').last()).toContainText('Read Conflict-and-peace-process-coding-default-v2.spanwise-codebook.json')
  await expect(page.locator('.cb-status')).toHaveText('No changes')

  // a file with a hotkey clash and a relation to a missing label: every problem by path, nothing changed
  json.labels[2].hotkey = '1'
  json.relations[0].to = ['Region']
  await importFile(page, 'broken.json', JSON.stringify(json, null, 2))
  const refused = page.getByRole('alert')
  await expect(refused).toContainText('broken.json cannot be imported (2 problems); nothing was changed')
  await expect(refused.locator('li')).toHaveText(['labels[2].hotkey hotkey “1” is already used by Actor; choose another key', 'relations[0].to[0] the label “Region” does not exist'])
  await expect(page.locator('.cb-status')).toHaveText('No changes')
  // and a syntax error, by line and column
  await importFile(page, 'truncated.json', '{\n  "format": "spanwise-codebook",\n  "name": "Protest events,\n  "labels": []\n}')
  await expect(page.getByRole('alert')).toContainText('truncated.json cannot be imported (1 problem)')
  await expect(page.getByRole('alert').locator('li')).toHaveText(['(root) not valid JSON at line 3, column 11: this string is not closed before the end of the line (missing ")'])
})

test('removing a label that tags use asks what happens to them, then relabels them in the same save', async ({ app: page }) => {
  await openArticle(page, TITLE)
  await tag(page, 'Velmora', '4')
  await openCodebook(page)
  await page.getByRole('navigation', { name: 'Codebook sections' }).getByRole('button', { name: 'Place', exact: true }).click()
  await page.getByRole('region', { name: 'Label Place' }).getByRole('button', { name: 'Remove label' }).click()

  // the relation that only pointed to Place goes with it, so the codebook stays valid
  await expect(page.getByRole('region', { name: 'Problems' })).toBeHidden()

  await page.getByRole('button', { name: 'Save as version 2' }).click()
  const dialog = page.getByRole('dialog', { name: 'Carry the tags over' })
  await expect(dialog.getByText('1 tag uses label Place, which this codebook removes: relabel them or delete them')).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Save and carry tags over' })).toBeDisabled()
  await dialog.getByLabel('1 tag uses label Place, which this codebook removes: relabel them or delete them').selectOption({ label: 'Relabel them as Actor' })
  await dialog.getByRole('button', { name: 'Save and carry tags over' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.locator('.notice')).toContainText('Saved codebook version 2; tags: 1 relabelled.')

  // the version list says what happened to the tags
  await page.getByRole('button', { name: 'About this codebook' }).click()
  await expect(page.getByRole('row', { name: /^v2/ })).toContainText('Place → Actor')

  await page.getByRole('button', { name: '← Corpus' }).click()
  await openArticle(page, TITLE)
  await expect(tagRows(page).locator('.tag-row-label')).toHaveText('Actor')
})

test('changing an attribute’s type asks about values that do not fit, and moves them where the user says', async ({ app: page }) => {
  await openArticle(page, TITLE)
  await tag(page, 'Velmora', '4')
  const country = page.getByRole('group', { name: 'Attributes' }).locator('#attr-country')
  await country.fill('Maravia')
  await country.press('Tab')
  await expectSaved(page)

  await openCodebook(page)
  await page.getByRole('navigation', { name: 'Codebook sections' }).getByRole('button', { name: 'Place', exact: true }).click()
  const place = page.getByRole('region', { name: 'Label Place' })
  await place.locator('summary', { hasText: 'Country' }).click()
  await place.getByRole('group', { name: /^Attribute Country/ }).getByLabel('Type').selectOption({ label: 'Number' })
  await page.getByRole('button', { name: 'Save as version 2' }).click()
  const dialog = page.getByRole('dialog', { name: 'Carry the tags over' })
  const question = '1 tag has a value for Place › country that is not a number and cannot be turned into one (“Maravia”): move it to a text attribute or clear it'
  await expect(dialog.getByText(question)).toBeVisible()
  await dialog.getByLabel(question).selectOption({ label: 'Move them to Department or state (admin1) as text' })
  await dialog.getByRole('button', { name: 'Save and carry tags over' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.locator('.notice')).toContainText('Saved codebook version 2')

  await page.getByRole('button', { name: '← Corpus' }).click()
  await openArticle(page, TITLE)
  await tagRows(page).first().click()
  await expect(page.getByRole('group', { name: 'Attributes' }).locator('#attr-admin1')).toHaveValue('Maravia')
  await expect(page.getByRole('group', { name: 'Attributes' }).locator('#attr-country')).toHaveValue('')
})

test('+ Add attribute opens the new attribute in view with its name selected, so typing names it', async ({ app: page }) => {
  await page.setViewportSize({ width: 1280, height: 600 })
  await openCodebook(page)
  await page.getByRole('navigation', { name: 'Codebook sections' }).getByRole('button', { name: 'Event', exact: true }).click()
  const event = page.getByRole('region', { name: 'Label Event' })
  const before = await event.locator('details.cb-attribute').count()
  await event.getByRole('button', { name: '+ Add attribute' }).click()
  const name = page.locator(`#label-1-attr-${before}-name`)
  await expect(name).toBeFocused()
  await expect(name).toBeInViewport()
  await page.keyboard.type('Weapons used')
  await expect(name).toHaveValue('Weapons used')
})

test('an unsaved draft is not lost to a reload without asking, and Ctrl+S saves it wherever the focus is', async ({ app: page }) => {
  await openCodebook(page)
  await page.getByRole('button', { name: '+ Add label' }).click()
  await expect(page.getByText('Unsaved changes')).toBeVisible()
  // the browser's "leave the page?" question comes first; staying keeps the draft
  const asked = new Promise<string>((resolve) => page.once('dialog', (d) => (resolve(d.type()), void d.dismiss())))
  await page.evaluate(() => location.reload()).catch(() => {})
  expect(await asked).toBe('beforeunload')
  await expect(page.getByText('Unsaved changes')).toBeVisible()
  // focus on the page itself, as after a button that removed itself
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.keyboard.press('Control+s')
  await expect(page.locator('.notice')).toContainText('Saved codebook version 2')
  await expect(page.getByText('No changes')).toBeVisible()
})
