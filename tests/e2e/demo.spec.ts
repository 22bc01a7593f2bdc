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
  const dialog = page.getByRole('form', { name: 'Welcome' })
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
