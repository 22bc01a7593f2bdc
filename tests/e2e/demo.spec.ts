import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { enterName, expect, openApp, ROOT, startServer, test, USER_NAME } from './fixtures'

// No --project: a fresh data folder opens the built-in demo project (built from resources/demo).
test.use({ projectSetup: 'demo' })

const demoTags = JSON.parse(readFileSync(join(ROOT, 'resources', 'demo', 'tags.json'), 'utf8')) as { file: string }[]
const TAGGED_ARTICLES = new Set(demoTags.map((t) => t.file)).size

test('first start opens the demo project and asks for a name, which is remembered', async ({ page, server }) => {
  await openApp(page, server)
  await expect(page.getByRole('button', { name: /^Demo project/ })).toBeVisible()

  // first start: the name dialog, in front of the corpus
  const dialog = page.getByRole('dialog', { name: 'Welcome' })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('What is your name?')
  await expect(dialog.getByRole('button', { name: 'Start coding' })).toBeDisabled()
  await enterName(page)

  const rows = page.locator('.corpus-table tbody tr')
  await expect(rows).toHaveCount(7)
  await expect(page.getByLabel('Search articles')).toHaveAttribute('placeholder', 'Search 7 articles…')
  const tagged = rows.filter({ has: page.locator('td.counts .chip') })
  await expect(tagged).toHaveCount(TAGGED_ARTICLES)
  expect(TAGGED_ARTICLES).toBeGreaterThan(0)
  await expect(rows.filter({ hasText: 'Litoral Clan signals readiness for talks after convoy ambush' }).locator('td.counts')).toContainText('Actor 2')

  // a reload keeps the name: no dialog
  await page.reload()
  await expect(page.locator('.topbar .user')).toHaveText(USER_NAME)
  await expect(rows).toHaveCount(7)
  await expect(dialog).toHaveCount(0)

  // and so does a restart of the server on the same data folder (it reopens the demo project)
  await server.stop()
  const again = await startServer(server.dataDir, null)
  try {
    await openApp(page, again)
    await expect(page.locator('.topbar .user')).toHaveText(USER_NAME)
    await expect(rows).toHaveCount(7)
    await expect(dialog).toHaveCount(0)
  } finally {
    await again.stop()
  }
})

test('the demo has a colleague’s layer to review from the first start, and its actors in the registry', async ({ app: page }) => {
  // the review list: the one article both demo coders coded, with one disagreement of each kind the colleague was given
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Review' }).click()
  const row = page.locator('.review-table tbody tr')
  await expect(row).toHaveCount(1)
  await expect(row.locator('td')).toHaveText([/Ceasefire with NLF extended/, '2', '6', '4', '2', '1', '', '1', '', '6'])
  // anywhere on the row opens it, as in the corpus list
  await row.locator('td').nth(3).click()
  await expect(page).toHaveURL(/#\/article\/\d+\/review$/)
  const panel = page.getByRole('complementary', { name: 'Review' })
  await expect(panel.locator('.review-summary')).toContainText('6 units · 4 open disagreements · 0 settled')
  await page.keyboard.press('n')
  const card = panel.locator('.unit-card')
  await expect(card.locator('h3')).toHaveText('#1 attribute differs')
  await expect(card).toContainText('Place as written: Sam (demo colleague) “Vessen”, Spanwise demo “Vessen, Halvenland”')
  await page.screenshot({ path: test.info().outputPath('demo-review-card.png') })
  // each version's Accept is whole in the side panel, not pushed past its edge by long attribute values
  for (const accept of await card.getByRole('button', { name: 'Accept', exact: true }).all()) await expect(accept).toBeInViewport({ ratio: 1 })

  // the registry knows the demo's actors by the names the articles use
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Actors' }).click()
  await page.getByPlaceholder(/Find by any name/).fill('clan del litoral')
  await expect(page.locator('.actor-list')).toContainText('Coastal Self-Defence Command')
})

test('agreement: the primary button stays legible under the mouse, and one coder alone is told there is nothing to compare', async ({ app: page }) => {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Agreement' }).click()
  const compute = page.getByRole('button', { name: 'Compute' })
  await compute.hover()
  // WCAG contrast of the button's text against its background, as drawn while hovered
  const contrast = await compute.evaluate((el) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number)
    const lum = (c: string) => {
      const [r, g, b] = rgb(c).map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4))
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
    }
    const style = getComputedStyle(el)
    const [a, b] = [lum(style.color), lum(style.backgroundColor)].sort((x, y) => y - x)
    return (a! + 0.05) / (b! + 0.05)
  })
  expect(contrast).toBeGreaterThan(4.5)

  // both demo coders: figures; the demo coder alone: a sentence, not a wall of n/a
  const report = page.getByRole('region', { name: 'Agreement report' })
  await expect(report.getByRole('table', { name: 'Overall agreement' })).toBeVisible()
  await page.getByRole('checkbox', { name: 'Sam (demo colleague)' }).uncheck()
  await compute.click()
  await expect(report).toContainText('Fewer than two annotators are selected')
  await expect(report).toContainText('Nothing to compare yet')
  await expect(report.getByRole('table')).toHaveCount(0)
})
