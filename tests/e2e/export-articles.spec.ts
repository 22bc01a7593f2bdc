import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './fixtures'

// The demo's seven articles: five mention a ceasefire, three of those come from Maravia Wire.
test.use({ projectSetup: 'demo' })

test('the export dialog chooses articles by words, source and ids; words no article holds are refused and nothing is written', async ({ app: page, dataDir }) => {
  await page.getByRole('button', { name: 'Export…' }).click()
  const ex = page.getByRole('dialog', { name: 'Export' })
  await ex.getByLabel('Title or text holds').fill('ceasefire')
  await ex.getByLabel('Source', { exact: true }).selectOption('Maravia Wire')
  const folder = join(dataDir, 'maravia-ceasefire')
  await ex.getByLabel('Export folder').fill(folder)
  await ex.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(ex.getByRole('status')).toContainText('Exported 3 articles')
  const titles = readFileSync(join(folder, 'articles.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => (JSON.parse(l) as { title: string }).title)
  expect(titles).toEqual(['Maravia and northern rebels announce 30-day ceasefire', 'Front accuses army of breaking truce in Valdorra', 'Eleven killed in Rinsa market bombing; armed groups deny role'])

  // a misspelt word would export nothing: it is refused, and the folder is not made
  await ex.getByLabel('Title or text holds').fill('ceasfire')
  const typo = join(dataDir, 'typo')
  await ex.getByLabel('Export folder').fill(typo)
  await ex.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(ex.getByRole('alert')).toContainText("No article's title or text holds “ceasfire”")
  expect(existsSync(typo)).toBe(false)
  // a new destination clears the outcome beside the old one
  await ex.getByLabel('Export folder').fill('')
  await expect(ex.getByRole('alert')).toHaveCount(0)
  // a relative folder would land wherever the app was started: refused, with how to fix it
  await ex.getByLabel('Title or text holds').fill('ceasefire')
  await ex.getByLabel('Export folder').fill('relative-out')
  await ex.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(ex.getByRole('alert')).toContainText('give the full path, from / (or a drive such as C:\\)')

  // ids are checked as typed
  await ex.getByLabel('Article ids').fill('2, x')
  await expect(ex.getByText('“x” is not an article id')).toBeVisible()
  await expect(ex.getByRole('button', { name: 'Export', exact: true })).toBeDisabled()
})
