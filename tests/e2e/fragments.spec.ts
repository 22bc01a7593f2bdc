import type { Page } from '@playwright/test'
import { dragOverText, expect, expectSaved, fixture, openArticle, tagRows, tagTexts, test, textPoints } from './fixtures'

test.use({ projectSetup: [fixture('harbour-council-breakwater.txt')] })

const FIRST = 'The Velmora harbour council postponed its vote'
const LAST = 'The port authority warned that every month of delay adds to the cost'

/** A real mouse drag over characters [from, to) of `needle` with `modifiers` held, as a user adds a fragment. */
async function dragWith(page: Page, modifiers: ('Alt' | 'Control')[], needle: string, from: number, to: number): Promise<void> {
  const { start, end } = await textPoints(page, needle, { from, to })
  for (const m of modifiers) await page.keyboard.down(m)
  await page.mouse.move(start.x, start.y)
  await page.mouse.down()
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 4 })
  await page.mouse.move(end.x, end.y, { steps: 4 })
  await page.mouse.up()
  for (const m of modifiers) await page.keyboard.up(m)
}

/** Tags "Velmora harbour council" as an Actor with a mouse drag and the 1 key; returns the tag's id. */
async function tagActor(page: Page): Promise<string> {
  await dragOverText(page, FIRST, { from: FIRST.indexOf('Velmora'), to: FIRST.indexOf(' postponed') })
  await page.keyboard.press('1')
  await expect.poll(async () => Object.values(await tagTexts(page))).toEqual(['Velmora harbour council'])
  return Object.keys(await tagTexts(page))[0]!
}

const details = (page: Page) => page.getByRole('region', { name: 'Selected tag' })
const fragmentItems = (page: Page) => details(page).getByRole('list', { name: 'Fragments' }).getByRole('listitem')
const pieces = (page: Page, id: string) => page.locator(`.article-text .sw-id-${id}`)

test.beforeEach(async ({ app: page }) => {
  await openArticle(page, 'Velmora harbour council delays vote')
})

test('Alt-drag adds a fragment to the selected tag; both highlight together, survive a reload, and undo removes the new one', async ({ app: page }, testInfo) => {
  const id = await tagActor(page)
  await expect(details(page).locator('.tag-quote')).toHaveText('Velmora harbour council')

  // from "p|ort" to "autho|rity": word snapping widens it to "port authority", and no new-tag popup opens
  await dragWith(page, ['Alt'], LAST, LAST.indexOf('port') + 1, LAST.indexOf('authority') + 5)
  await expect.poll(() => tagTexts(page)).toEqual({ [id]: 'Velmora harbour councilport authority' })
  await expect(page.getByRole('toolbar', { name: 'Tag the selection' })).toBeHidden()
  await expect(pieces(page, id)).toHaveCount(2)
  for (const piece of await pieces(page, id).all()) await expect(piece).toHaveClass(/\bsw-tag-selected\b/)

  await expect(tagRows(page)).toHaveCount(1)
  await expect(tagRows(page).locator('.tag-row-quote')).toHaveText('Velmora harbour council … port authority')
  await expect(fragmentItems(page)).toHaveCount(2)
  await expect(fragmentItems(page).locator('.fragment-quote')).toHaveText(['Velmora harbour council', 'port authority'])
  await expect(fragmentItems(page).getByRole('button', { name: /Remove fragment/ })).toHaveCount(2)
  await expect(page.getByRole('button', { name: /Undo/ })).toHaveAttribute('title', 'Undo add fragment “port authority” to Actor “Velmora harbour council” (Ctrl+Z)')
  await page.screenshot({ path: testInfo.outputPath('two-fragment-tag.png') })

  // hovering one fragment of an unselected tag outlines the other fragment too
  await page.keyboard.press('Escape')
  await expect(pieces(page, id).first()).not.toHaveClass(/\bsw-tag-selected\b/)
  await pieces(page, id).first().hover()
  await expect.poll(() => pieces(page, id).last().evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('dashed')
  await page.mouse.move(5, 5)
  await expect.poll(() => pieces(page, id).last().evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('none')

  await expectSaved(page)
  await page.reload()
  await expect.poll(() => tagTexts(page)).toEqual({ [id]: 'Velmora harbour councilport authority' })
  await tagRows(page).click()
  await expect(fragmentItems(page)).toHaveCount(2)
  await expect(pieces(page, id)).toHaveCount(2)
  for (const piece of await pieces(page, id).all()) await expect(piece).toHaveClass(/\bsw-tag-selected\b/)

  // the undo history is in the project too: undo takes the added fragment away again
  await page.keyboard.press('Control+z')
  await expect.poll(() => tagTexts(page)).toEqual({ [id]: 'Velmora harbour council' })
  await expect(fragmentItems(page)).toHaveCount(0)
  await expect(details(page).locator('.tag-quote')).toHaveText('Velmora harbour council')
  await expect(tagRows(page).locator('.tag-row-quote')).toHaveText('Velmora harbour council')
})

test('fragments added with Ctrl-drag, Ctrl+Alt-drag (exact) and Shift+arrows then +, removed in the side panel; an overlap is refused', async ({ app: page }) => {
  const id = await tagActor(page)

  await dragWith(page, ['Control'], LAST, LAST.indexOf('cost'), LAST.indexOf('cost') + 4)
  await expect.poll(() => tagTexts(page)).toEqual({ [id]: 'Velmora harbour councilcost' })

  // Ctrl+Alt keeps the exact characters: "ouncillo", not "Councillor"
  const COUNCILLOR = 'Councillor Marta Quillon'
  await dragWith(page, ['Control', 'Alt'], COUNCILLOR, 1, 9)
  await expect.poll(() => tagTexts(page)).toEqual({ [id]: 'Velmora harbour councilouncillocost' })
  await fragmentItems(page).nth(1).getByRole('button', { name: 'Remove fragment 2' }).click()
  await expect.poll(() => tagTexts(page)).toEqual({ [id]: 'Velmora harbour councilcost' })

  // a caret before "fishermen", then Shift+Ctrl+Right selects the word; + adds it
  const { start } = await textPoints(page, 'fishermen gathered')
  await page.mouse.click(start.x - 1, start.y)
  await page.keyboard.press('Control+Shift+ArrowRight')
  const popup = page.getByRole('toolbar', { name: 'Tag the selection' })
  await expect(popup.getByRole('button', { name: 'Add to Actor' })).toBeVisible()
  await page.keyboard.press('+')
  await expect.poll(() => tagTexts(page)).toEqual({ [id]: 'Velmora harbour councilfishermencost' })
  await expect(popup).toBeHidden()
  await expect(fragmentItems(page).locator('.fragment-quote')).toHaveText(['Velmora harbour council', 'fishermen', 'cost'])

  await fragmentItems(page).nth(1).getByRole('button', { name: 'Remove fragment 2' }).click()
  await expect.poll(() => tagTexts(page)).toEqual({ [id]: 'Velmora harbour councilcost' })
  await expect(fragmentItems(page).locator('.fragment-quote')).toHaveText(['Velmora harbour council', 'cost'])

  // dragging over a fragment the tag has is refused with a message; the selection can still become a new tag
  await dragWith(page, ['Alt'], FIRST, FIRST.indexOf('harbour'), FIRST.indexOf(' its'))
  await expect(page.getByRole('alert')).toContainText('overlap')
  await expect(popup).toBeVisible()
  await expect.poll(() => tagTexts(page)).toEqual({ [id]: 'Velmora harbour councilcost' })

  // down to one fragment, the tag shows its plain quote and offers no remove button: deleting the tag is the way
  await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click()
  await page.keyboard.press('Escape')
  await tagRows(page).click()
  await fragmentItems(page).first().getByRole('button', { name: 'Remove fragment 1' }).click()
  await expect.poll(() => tagTexts(page)).toEqual({ [id]: 'cost' })
  await expect(fragmentItems(page)).toHaveCount(0)
  await expect(details(page).getByRole('button', { name: /Remove fragment/ })).toHaveCount(0)
  await expect(details(page).locator('.tag-quote')).toHaveText('cost')
})
