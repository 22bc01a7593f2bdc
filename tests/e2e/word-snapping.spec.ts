import type { Page } from '@playwright/test'
import { dragOverText, expect, fixture, openArticle, taggedTexts, tagRows, test } from './fixtures'

test.use({ projectSetup: [fixture('harbour-council-breakwater.txt')] })

const SENTENCE = 'The Velmora harbour council postponed its vote'

async function selectedText(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as unknown as { getSelection: () => { toString: () => string } }).getSelection().toString())
}

test.beforeEach(async ({ app: page }) => {
  await openArticle(page, 'Velmora harbour council delays vote')
})

test('a drag from mid-word to mid-word tags the whole words', async ({ app: page }) => {
  // from "har|bour" to "post|poned": the characters "bour council post"
  const from = SENTENCE.indexOf('harbour') + 3
  const to = SENTENCE.indexOf('postponed') + 4
  expect(SENTENCE.slice(from, to)).toBe('bour council post')
  await dragOverText(page, SENTENCE, { from, to })
  await page.keyboard.press('3')
  await expect.poll(() => taggedTexts(page)).toEqual(['harbour council postponed'])
  await expect(tagRows(page)).toHaveCount(1)
  await expect(tagRows(page).locator('.tag-row-label')).toHaveText('Claim')
  await expect(tagRows(page).locator('.tag-row-quote')).toHaveText('harbour council postponed')
})

test('with Alt held during the drag the tag covers the exact characters', async ({ app: page }) => {
  const from = SENTENCE.indexOf('harbour') + 3
  const to = SENTENCE.indexOf('postponed') + 4
  await dragOverText(page, SENTENCE, { from, to, alt: true })
  await expect.poll(() => selectedText(page)).toBe('bour council post')
  await page.keyboard.press('3')
  await expect.poll(() => taggedTexts(page)).toEqual(['bour council post'])
  await expect(tagRows(page).locator('.tag-row-quote')).toHaveText('bour council post')
  await expect(page.getByRole('region', { name: 'Selected tag' }).locator('.tag-quote')).toHaveText('bour council post')
})

test('before tagging, the highlighted selection is widened to the whole words', async ({ app: page }) => {
  const from = SENTENCE.indexOf('harbour') + 3
  const to = SENTENCE.indexOf('postponed') + 4
  await dragOverText(page, SENTENCE, { from, to })
  await expect.poll(() => selectedText(page)).toBe('harbour council postponed')
})

test('a selection begun while the previous tag is still being saved is kept, and can be tagged at once', async ({ app: page }) => {
  // the first save is held back until the next drag is done: a coder moving on quickly on a slow disk
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/api/annotations.create', async (route) => (await held, route.continue()), { times: 1 })
  await dragOverText(page, SENTENCE, { from: SENTENCE.indexOf('Velmora'), to: SENTENCE.indexOf('Velmora') + 7 })
  await page.keyboard.press('1')
  await dragOverText(page, SENTENCE, { from: SENTENCE.indexOf('postponed'), to: SENTENCE.indexOf('postponed') + 9 })
  release()
  await expect(tagRows(page)).toHaveCount(1)
  await expect.poll(() => selectedText(page)).toBe('postponed')
  await expect(page.getByRole('toolbar', { name: 'Tag the selection' })).toBeVisible()
  await page.keyboard.press('2')
  await expect.poll(() => taggedTexts(page)).toEqual(['Velmora', 'postponed'])
})
