import type { Locator, Page } from '@playwright/test'
import { copyToMine, expect, expectSaved, myTagRows, openArticle, test } from './fixtures'

// tsconfig.node.json typechecks this folder without the DOM lib; these exist only inside evaluate().
declare const DataTransfer: any
declare const ClipboardEvent: any
declare const window: any

// Memos are typed with the keyboard into TipTap boxes and saved 300 ms after typing stops, or sooner on leaving.
test.use({ projectSetup: 'demo' })

const ARTICLE = 'Four police officers killed in attack on coastal post'
const NOTE = 'Acronym used by the Defence Ministry\n\n  indented, with 😊 and “quotes”  '
const MEMO = 'Source: wire copy, 3 March\nCheck Ñandú spelling\n'

const noteBox = (page: Page) => page.getByRole('region', { name: 'Selected tag' }).getByRole('textbox', { name: 'Note', exact: true })
const memoBox = (page: Page) => page.getByRole('textbox', { name: 'Article memo', exact: true })

/** Types text with the keyboard, pressing Enter for each "\n". */
async function typeLines(page: Page, text: string): Promise<void> {
  for (const [i, line] of text.split('\n').entries()) {
    if (i > 0) await page.keyboard.press('Enter')
    if (line) await page.keyboard.type(line)
  }
}

/** The box's text as stored: its paragraphs joined by "\n" (toHaveText would collapse the spaces). */
function memoValue(box: Locator): Promise<string> {
  return box.evaluate((el: any) => Array.from(el.querySelectorAll('p') as ArrayLike<{ textContent: string }>, (p) => p.textContent).join('\n'))
}

async function openMemo(page: Page): Promise<void> {
  const section = page.locator('details.article-memo')
  if (!(await section.evaluate((d: any) => d.open as boolean))) await section.locator('summary').click()
  await expect(memoBox(page)).toBeVisible()
}

test('a tag note and an article memo typed just before leaving the article are both kept', async ({ app: page }, testInfo) => {
  await openArticle(page, ARTICLE)
  // the demo's tags are a colleague's: my copy is mine to annotate
  await copyToMine(page, 'CSDC')
  await noteBox(page).click()
  await typeLines(page, NOTE)
  await openMemo(page)
  await memoBox(page).click()
  await typeLines(page, MEMO)
  // leave at once, the way the browser's Back button does: no click elsewhere, no blur first
  await page.evaluate(() => (location.hash = '#/'))
  await expect(page.getByLabel('Search articles')).toBeVisible()
  await expectSaved(page)

  await page.reload()
  await openArticle(page, ARTICLE)
  await expect(page.locator('details.article-memo')).toHaveAttribute('open', '')
  await expect.poll(() => memoValue(memoBox(page))).toBe(MEMO)
  await myTagRows(page).filter({ hasText: 'CSDC' }).click()
  await expect.poll(() => memoValue(noteBox(page))).toBe(NOTE)
  await page.locator('.tag-panel-wrap').screenshot({ path: testInfo.outputPath('side-panel-with-memos.png') })
})

test('pasted HTML arrives as plain text, and HTML alone as its text', async ({ app: page }) => {
  await openArticle(page, ARTICLE)
  await openMemo(page)
  const memo = memoBox(page)
  await memo.click()
  await page.keyboard.type('Pasted: ')
  const paste = (data: Record<string, string>) =>
    memo.evaluate((el: any, data: Record<string, string>) => {
      const clipboard = new DataTransfer()
      for (const [type, value] of Object.entries(data)) clipboard.setData(type, value)
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }))
    }, data)
  await paste({ 'text/html': '<b>bold</b> <i>words</i><img src="x" onerror="window.pwned = 1">', 'text/plain': 'bold words\n  second line' })
  await expect.poll(() => memoValue(memo)).toBe('Pasted: bold words\n  second line')
  await paste({ 'text/html': '<p>only <b>HTML</b><script>window.pwned = 2</script></p><img src="y" onerror="window.pwned = 3">' })
  await expect.poll(() => memoValue(memo)).toBe('Pasted: bold words\n  second lineonly HTML')
  await expect(memo.locator('b, i, img, script')).toHaveCount(0)
  expect(await page.evaluate(() => window.pwned as number | undefined)).toBeUndefined()

  await page.locator('.article-title h1').click()
  await expectSaved(page)
  await page.reload()
  await expect.poll(() => memoValue(memoBox(page))).toBe('Pasted: bold words\n  second lineonly HTML')
})

test('typing a note in bursts is one undo step', async ({ app: page }) => {
  await openArticle(page, ARTICLE)
  await copyToMine(page, 'CSDC')
  const note = noteBox(page)
  await note.click()
  for (const burst of ['First', ' burst,', ' then more']) {
    await page.keyboard.type(burst)
    await expectSaved(page)
    await page.waitForTimeout(400)
  }
  await page.locator('.article-title h1').click()
  const undo = page.getByRole('button', { name: '↶ Undo' })
  await expect(undo).toHaveAttribute('title', 'Undo edit note of “CSDC” (Ctrl+Z)')
  await page.keyboard.press('Control+z')
  await expect(note).toHaveText('')
  await expect(undo).toHaveAttribute('title', 'Undo copy Spanwise demo\'s Actor “CSDC” to my layer (Ctrl+Z)')
})

test('a memo that cannot be saved stays in its box, and the window says it is not saved', async ({ app: page, server }) => {
  await openArticle(page, ARTICLE)
  await openMemo(page)
  await memoBox(page).click()
  await server.stop()
  await page.keyboard.type('written while Spanwise is gone')
  await expect(page.locator('.save-indicator')).toHaveText('Not saved')
  await expect(page.locator('.memo-failed')).toContainText('your text is kept here')
  expect(await memoValue(memoBox(page))).toBe('written while Spanwise is gone')
})
