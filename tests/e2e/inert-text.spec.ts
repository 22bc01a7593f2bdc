import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { unzipSync } from 'fflate'
import type { Page } from '@playwright/test'
import { dragOverText, enterName, expect, expectSaved, openApp, startServer, test as base, type Server } from './fixtures'
import { ACTOR_NAME, APP_USER, buildHostileProject, CODER, IMG, JS_URL, LABEL, PAYLOAD, SCRIPT, TITLE } from './hostile-project'

// tsconfig.node.json typechecks this folder without the DOM lib; these exist only inside evaluate().
declare const document: any
declare const window: any

// Every string in this project looks like HTML or script (see hostile-project.ts); the server opens it directly.
const test = base.extend<{ server: Server }>({
  server: async ({ dataDir }, use, testInfo) => {
    const server = await startServer(dataDir, await buildHostileProject(dataDir))
    await use(server)
    await server.stop()
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('server output', { body: server.output(), contentType: 'text/plain' })
  }
})

/** Records CSP violations from the first moment of every page: inert text never even tries to run. */
async function watchViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__violations = []
    document.addEventListener('securitypolicyviolation', (e: any) => window.__violations.push(`${e.effectiveDirective} ${e.sourceFile}:${e.lineNumber}`))
  })
}

/** Nothing ran, nothing tried to, and no element came out of the text: no script, handler, frame or javascript: link. */
async function expectInert(page: Page, where: string): Promise<void> {
  const found = await page.evaluate(() => ({
    pwned: window.__pwned ?? null,
    violations: window.__violations ?? [],
    inlineScripts: Array.from(document.querySelectorAll('script')).filter((s: any) => !s.src).length,
    injected: Array.from(
      document.querySelectorAll('img, iframe, object, embed, base, svg[onload], [onerror], [onload], [onclick], [onmouseover], a[href^="javascript:" i], meta[http-equiv="refresh" i]')
    ).map((e: any) => e.outerHTML.slice(0, 120))
  }))
  expect(found, where).toEqual({ pwned: null, violations: [], inlineScripts: 0, injected: [] })
}

const view = (page: Page, name: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name })

test('text that looks like HTML shows literally in every view and never runs', async ({ page, server }) => {
  test.setTimeout(90_000)
  await watchViolations(page)
  await openApp(page, server)
  await enterName(page, APP_USER)
  await expectInert(page, 'corpus')

  // the corpus list: title and source as text
  const row = page.locator('.corpus-table tbody tr').first()
  await expect(row.locator('.title')).toHaveText(TITLE)
  await expect(row).toContainText(IMG)

  // a search snippet with the match marked, the rest literal
  await page.getByLabel('Search articles').fill('breakwater')
  await expect(row.locator('.snippet mark')).toHaveText(['breakwater'])
  await expect(row.locator('.snippet')).toContainText(`Monday. ${SCRIPT} ${IMG}`)
  await expectInert(page, 'search snippet')

  // the article: title, source and file name, the text
  await row.click()
  await expect(page.locator('.article-title h1')).toHaveText(TITLE)
  await expect(page.locator('.article-title .meta')).toContainText(`${IMG} · 2024-05-01 · <img src=x onerror=window.__pwned=1>.jsonl`)
  await expect(page.locator('.article-text')).toContainText(PAYLOAD)
  await expect(page.locator('.article-text')).toContainText(`See ${JS_URL} for details.`)
  await expectInert(page, 'article')

  // tag "Monday" with the hostile label: the popup names it, the side panel shows its guideline
  await dragOverText(page, 'Monday')
  await expect(page.getByRole('toolbar', { name: 'Tag the selection' })).toContainText(LABEL)
  await expectInert(page, 'tag popup')
  await page.keyboard.press('9')
  await expectSaved(page)
  const details = page.getByRole('region', { name: 'Selected tag' })
  await expect(details.locator('.guideline')).toHaveText(PAYLOAD)

  // a note, a comment and the article memo, typed as a user would
  await details.getByRole('textbox', { name: 'Note', exact: true }).click()
  await page.keyboard.type(`${SCRIPT} ${IMG}`)
  await details.getByLabel('New comment').fill(PAYLOAD)
  await details.getByRole('button', { name: 'Post' }).click()
  await expect(details.getByLabel('Comments').locator('.comment p')).toHaveText([PAYLOAD])
  const memo = page.locator('details.article-memo')
  if (!(await memo.evaluate((d: any) => d.open as boolean))) await memo.locator('summary').click()
  await page.getByRole('textbox', { name: 'Article memo', exact: true }).click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(` ${SCRIPT}`)
  await expectSaved(page)
  await expectInert(page, 'side panel while editing')

  // after a reload everything comes back from the server, still as text
  await page.reload()
  await expect(page.locator('.article-title h1')).toHaveText(TITLE)
  await expect(page.getByRole('textbox', { name: 'Article memo', exact: true })).toHaveText(`${PAYLOAD} ${SCRIPT}`)
  await page.locator('aside.tag-panel [data-tag-row]').filter({ hasText: 'Monday' }).click()
  await expect(details.getByRole('textbox', { name: 'Note', exact: true })).toHaveText(`${SCRIPT} ${IMG}`)
  await expect(page.locator('aside.tag-panel [data-tag-row]').filter({ hasText: 'Monday' })).toContainText(LABEL)
  await expectInert(page, 'article after reload')

  // the actor registry
  await view(page, 'Actors').click()
  await page.getByRole('complementary', { name: 'Actors' }).getByRole('link', { name: ACTOR_NAME }).click()
  await expect(page.locator('h1')).toHaveText(ACTOR_NAME)
  await expect(page.getByRole('link', { name: TITLE })).toBeVisible()
  await expectInert(page, 'actor')

  // the codebook editor: label list, name and version notes
  await page.getByRole('button', { name: 'Codebook' }).click()
  await expect(page.getByText(LABEL, { exact: true }).first()).toBeVisible()
  await expectInert(page, 'codebook')
  await page.keyboard.press('Escape')

  // review: the corpus list and the article's units, with coder names
  await page.goto(`${new URL(server.url).origin}/#/review`)
  const reviewRow = page.locator('.review-table tbody tr').first()
  await expect(reviewRow).toContainText(TITLE)
  await reviewRow.getByRole('link').click()
  const panel = page.getByRole('complementary', { name: 'Review' })
  await expect(panel.getByRole('heading', { level: 2 })).toContainText(`${CODER} · ${APP_USER} · Ben`)
  await panel.getByRole('button', { name: /^#1 / }).click()
  await expect(panel.locator('.unit-card')).toContainText(CODER)
  await expect(panel.locator('.unit-card')).toContainText(LABEL)
  await expectInert(page, 'review')

  // agreement: coder names, labels and the article title; then the HTML report opened as a file
  await view(page, 'Agreement').click()
  await expect(page.getByRole('group', { name: 'Coders' })).toContainText(CODER)
  await expect(page.getByRole('table', { name: 'Agreement per article' })).toContainText(TITLE)
  await expectInert(page, 'agreement')
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download HTML' }).click()
  const report = await (await download).path()
  const html = readFileSync(report, 'utf8')
  expect(html).toContain('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;')
  expect(html).not.toContain(IMG)

  const dir = mkdtempSync(join(tmpdir(), 'sw-report-'))
  writeFileSync(join(dir, 'agreement.html'), html)
  // a control file beside it proves this browser runs scripts in file:// pages
  writeFileSync(join(dir, 'control.html'), '<!doctype html><script>window.__ran = 1</script>')
  const file = await page.context().newPage()
  await file.goto(pathToFileURL(join(dir, 'control.html')).href)
  expect(await file.evaluate(() => window.__ran)).toBe(1)
  await watchViolations(file)
  await file.goto(pathToFileURL(join(dir, 'agreement.html')).href)
  await expect(file.locator('h1')).toHaveText('Agreement report')
  await expect(file.locator('body')).toContainText(TITLE)
  await expect(file.locator('body')).toContainText(CODER)
  await expect(file.locator('body')).toContainText(LABEL)
  await expectInert(file, 'agreement report opened from a file')
})

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]))
}

const FORMATS = [
  'Spanwise JSONL (lossless)',
  'Analysis tables (CSV)',
  'Analysis tables (JSONL)',
  'brat standoff',
  'W3C Web Annotation (JSON-LD)',
  'doccano',
  'Label Studio',
  'REFI-QDA',
  'spaCy',
  'CoNLL'
]

test('exports opened as files in the browser run nothing', async ({ page, server, dataDir }) => {
  test.setTimeout(90_000)
  await watchViolations(page)
  await openApp(page, server)
  await enterName(page, APP_USER)
  await page.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  const format = dialog.getByLabel('Format', { exact: true })
  const titles = await format.locator('option').allTextContents()
  const folders: string[] = []
  for (const name of FORMATS) {
    const title = titles.find((t) => t.startsWith(name))
    expect(title, `a format starting "${name}" in ${titles.join(' | ')}`).toBeDefined()
    await format.selectOption({ label: title! })
    const folder = join(dataDir, `export-${folders.length}`)
    await dialog.getByLabel('Export folder').fill(folder)
    await dialog.getByRole('button', { name: 'Export', exact: true }).click()
    await expect(dialog.getByRole('status')).toContainText(`to ${folder}`)
    await expect(dialog.getByRole('status')).toContainText('Exported 1 article')
    await expectInert(page, `export dialog after ${name}`)
    folders.push(folder)
  }

  // REFI-QDA is a zip: its project XML is what another tool (or a browser) would open
  const files = folders.flatMap(filesUnder)
  for (const qdpx of files.filter((f) => f.endsWith('.qdpx')))
    for (const [name, bytes] of Object.entries(unzipSync(readFileSync(qdpx)))) if (name.endsWith('.qde')) writeFileSync(`${qdpx}-${name}.xml`, bytes)

  const shown: string[] = []
  const downloaded: string[] = []
  const opened = await page.context().newPage()
  await watchViolations(opened)
  for (const file of folders.flatMap(filesUnder)) {
    if (extname(file) === '.qdpx') continue
    try {
      await opened.goto(pathToFileURL(file).href)
    } catch (error) {
      // Chromium saves what it does not display (unknown or download-only types); a saved file runs nothing
      if (/Download is starting/.test(String(error))) {
        downloaded.push(extname(file))
        continue
      }
      throw error
    }
    await opened.waitForTimeout(50)
    const state = await opened.evaluate(() => ({ pwned: window.__pwned ?? null, violations: window.__violations ?? [] }))
    expect({ file, ...state }).toEqual({ file, pwned: null, violations: [] })
    shown.push(extname(file))
  }
  console.log(`[inert-text] opened ${shown.length} exported files in Chromium (${[...new Set(shown)].join(' ')}); ${downloaded.length} were downloaded instead (${[...new Set(downloaded)].join(' ')})`)
  // what a user double-clicks most: JSON and the project XML are displayed, not just saved
  expect(shown).toEqual(expect.arrayContaining(['.jsonl', '.jsonld', '.xml']))
})
