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
