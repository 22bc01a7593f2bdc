import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { AnnotationService } from '../../src/main/annotations/annotation-service'
import { runExport } from '../../src/main/export/run-export'
import { createProjectDb } from '../../src/main/store/open-project-db'
import { Store } from '../../src/main/store/store'
import { exportOptions } from '../../src/shared/exchange/export-options'
import { addArticle, BEN, cpIndexOf } from '../helpers/project'
import { dragOverText, expect, expectSaved, openArticle, SAMPLE_CORPUS, taggedTexts, test, USER_NAME } from './fixtures'

// Two coders tag the Huila article differently (the colleague's work arrives as a pack), then the reviewer
// sees each disagreement, settles it into the gold layer, and exports the gold layer.
const ARTICLE = join(SAMPLE_CORPUS, 'huila-police-attack.txt')
const MISSING = `SKIPPED: needs the sample corpus in ${SAMPLE_CORPUS} (present beside the checkout in CI; set SPANWISE_SAMPLE_CORPUS to point elsewhere)`
const present = existsSync(ARTICLE)
if (!present) console.warn(`[review] ${MISSING}`)
test.skip(!present, MISSING)
test.use({ projectSetup: present ? [ARTICLE] : 'empty' })

/** Ben's side, through the main-process modules: his own project with the same article, his tags, his pack. */
function bensPack(dir: string): string {
  const file = join(dir, 'ben.spanwise')
  const store = new Store(createProjectDb(file), file)
  try {
    const articleId = addArticle(store, readFileSync(ARTICLE, 'utf8'), 'huila-police-attack.txt')
    const text = store.articles.get(articleId)!.text
    const service = new AnnotationService(store)
    const tag = (label: string, words: string, attributes?: Record<string, unknown>) => {
      const start = cpIndexOf(text, words)
      const id = service.create(BEN, { articleId, label, fragments: [{ start, end: start + Array.from(words).length }] }).upserted[0]!.id
      if (attributes) service.update(BEN, { id, attributes })
    }
    tag('Actor', 'seven police officers')
    tag('Event', 'attacked', { fatalities_low: 7 })
    tag('Actor', 'Ministry of Defense')
    // Ben has finished the article: his pack says so
    store.review.setDone(articleId, BEN.id, true)
    const pack = join(dir, 'from-ben.spanpack')
    runExport(store, exportOptions.parse({ format: 'pack', destination: pack }), {}, BEN)
    return pack
  } finally {
    store.close()
  }
}

test('two coders disagree; the reviewer sees each disagreement, adjudicates it, and exports the gold layer', async ({ app: page, dataDir }, testInfo) => {
  await openArticle(page, 'huila-police-attack')
  for (const [words, key] of [['Gustavo Petro', '1'], ['police officers', '1'], ['attacked', '2']] as const) {
    await dragOverText(page, words)
    await page.keyboard.press(key)
    await expectSaved(page)
  }
  await expect.poll(() => taggedTexts(page)).toEqual(['Gustavo Petro', 'attacked', 'police officers'])

  await page.getByRole('button', { name: 'Import colleague’s pack…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import tagged articles' })
  await dialog.getByLabel('Files or folders').fill(bensPack(dataDir))
  await dialog.getByRole('button', { name: 'Check pack' }).click()
  await expect(dialog.getByLabel('Pack summary')).toContainText('Ben’s layer would get: 3 new tags')
  await expect(dialog.getByLabel('Pack summary')).toContainText('1 article marked done by Ben.')
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(dialog.getByRole('status', { name: 'Import result' })).toContainText('Imported 1 article')
  await dialog.getByRole('button', { name: 'Close' }).click()

  // the corpus-wide list: one article, four disagreements, one of each kind but label and relation
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Review' }).click()
  const row = page.locator('.review-table tbody tr')
  await expect(row).toHaveCount(1)
  await expect(row.locator('td')).toHaveText([/huila-police-attack/, '2', '4', '4', '2', '1', '', '1', '', '4'])
  await row.getByRole('link').click()

  const panel = page.getByRole('complementary', { name: 'Review' })
  await expect(panel.locator('.review-summary')).toContainText('4 units · 4 open disagreements · 0 settled')
  // Ben's layer carries his done mark from the pack
  await expect(page.getByLabel('Layers', { exact: true }).locator('.layer-chip', { hasText: 'Ben' })).toHaveText('Ben 3 ✓')
  const card = panel.locator('.unit-card')
  const version = (who: string) => card.locator('tr', { has: page.getByRole('rowheader', { name: who, exact: true }) })

  // 1: Gustavo Petro, only mine → accept mine
  await page.keyboard.press('n')
  await expect(card.locator('h3')).toHaveText('#1 missing in a layer')
  await expect(version('Ben')).toContainText('no tag')
  // its answer is held back while the reviewer moves on: the late answer must not wipe what they type next
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/api/review.decide', async (route) => (await held, route.continue()), { times: 1 })
  await version(USER_NAME).getByRole('button', { name: 'Accept' }).click()

  // 2: the police officers, boundary differs → merge, taking Ben's span
  await page.keyboard.press('n')
  await expect(card.locator('h3')).toHaveText('#2 boundary differs')
  await card.getByLabel('Reason').fill('the victims are the seven officers')
  await card.getByRole('button', { name: 'Merge / edit…' }).click()
  release()
  await expectSaved(page)
  await expect(panel.locator('.review-summary')).toContainText('3 open disagreements · 1 settled')
  await expect(card.getByLabel('Reason')).toHaveValue('the victims are the seven officers')
  await card.getByRole('radio', { name: /Ben: “seven police officers”/ }).check()
  // this answer is held too: the reason typed for #2 stays with #2 when the reviewer moves on before it comes
  let releaseMerge = () => {}
  const heldMerge = new Promise<void>((resolve) => (releaseMerge = resolve))
  await page.route('**/api/review.decide', async (route) => (await heldMerge, route.continue()), { times: 1 })
  await card.getByRole('button', { name: 'Save gold tag' }).click()

  // 3: attacked, attribute differs → accept Ben's, with a guideline reference
  await page.keyboard.press('n')
  await expect(card.locator('h3')).toHaveText('#3 attribute differs')
  await expect(card.getByLabel('Reason')).toHaveValue('')
  releaseMerge()
  await expectSaved(page)
  await expect(panel.locator('.review-summary')).toContainText('2 open disagreements · 2 settled')
  await expect(card.locator('.unit-details')).toContainText(`Fatalities, low: Ben 7, ${USER_NAME} (empty)`)
  await card.getByLabel('Guideline reference').fill('codebook: fatalities as reported')
  await version('Ben').getByRole('button', { name: 'Accept' }).click()
  await expectSaved(page)

  // 4: the Ministry of Defense, only Ben's → reject with a reason
  await page.keyboard.press('n')
  await expect(card.locator('h3')).toHaveText('#4 missing in a layer')
  await card.getByLabel('Reason').fill('the source of the figure, not an actor in the event')
  // a reload keeps the unit in hand and the reason typed for it
  await page.reload()
  await expect(card.locator('h3')).toHaveText('#4 missing in a layer')
  await expect(card.getByLabel('Reason')).toHaveValue('the source of the figure, not an actor in the event')
  await card.getByRole('button', { name: 'Reject all' }).click()
  await expectSaved(page)
  await expect(panel.locator('.review-summary')).toContainText('4 units · 0 open disagreements · 4 settled')
  await expect(card.locator('.decision')).toContainText(`${USER_NAME} rejected it, `)
  // the decisions on #3 and #1 name whose version the reviewer took
  await panel.locator('[data-unit="3"]').click()
  await expect(card.locator('.decision')).toContainText(`${USER_NAME} accepted Ben’s version, `)
  await panel.locator('[data-unit="1"]').click()
  await expect(card.locator('.decision')).toContainText(`${USER_NAME} accepted their own version, `)
  await page.screenshot({ path: testInfo.outputPath('review-settled.png') })

  // decisions survive a reload
  await page.reload()
  await expect(panel.locator('.review-summary')).toContainText('0 open disagreements · 4 settled')
  await expect(page.locator('.layer-chip.gold')).toHaveText('Gold standard 3')

  // the agreement report between the two coders: one exact match (attacked), two overlapping (and the officers)
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Agreement' }).click()
  const overall = page.getByRole('table', { name: 'Overall agreement' })
  await expect(overall.getByRole('row', { name: /F1, exact match/ })).toContainText('0.333')
  await expect(overall.getByRole('row', { name: /F1, overlap/ })).toContainText('0.667')
  await expect(overall.getByRole('row', { name: /Cohen’s kappa/ })).toBeVisible()
  await expect(page.getByRole('img', { name: 'Agreement per label' })).toBeVisible()
  // the pair matrix switched to unitizing alpha: with two coders the one pair's figure is the overall one
  const overallAlphaU = await overall.getByRole('row', { name: /Unitizing alpha/ }).getByRole('cell').textContent()
  expect(overallAlphaU).toMatch(/^-?\d\.\d{3}$/)
  await page.getByLabel('Statistic').selectOption({ label: 'Unitizing alpha (all labels)' })
  const pairCells = page.getByRole('img', { name: 'Unitizing alpha (all labels) between coder pairs' }).locator('text').filter({ hasText: /^-?\d\.\d\d$/ })
  await expect(pairCells).toHaveCount(2)
  expect(Math.abs(Number(await pairCells.first().textContent()) - Number(overallAlphaU))).toBeLessThanOrEqual(0.005)
  // per article, alpha on an attribute: only Ben gave fatalities_low, so there is nothing to pair and the cell says why
  await page.getByLabel('Attribute shown per article').selectOption({ label: 'Event: Fatalities, low' })
  const perArticle = page.getByRole('table', { name: 'Agreement per article' })
  await expect(perArticle.getByRole('columnheader', { name: 'alpha: Event: Fatalities, low' })).toBeVisible()
  await expect(perArticle.locator('tbody td').last()).toHaveText('n/a')
  await expect(perArticle.locator('tbody td .no-value').last()).toHaveAttribute('title', 'No unit was coded by at least two annotators, so there are no values to compare.')
  await page.screenshot({ path: testInfo.outputPath('agreement.png'), fullPage: true })
  // the CSV download holds the same figures
  const csv = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download CSV' }).click()
  const csvText = readFileSync(await (await csv).path(), 'utf8')
  expect(csvText).toMatch(/^corpus,,,,,f1_exact,Ben & Playwright Tester,0\.333/m)
  expect(csvText).toMatch(/^article,\d+,[^,]+,Event,fatalities_low,krippendorff_alpha_ratio,Ben & Playwright Tester,,,"No unit was coded by at least two annotators/m)
  // changed ticks make the report shown out of date: no download of it until Compute; ticking back makes it current again
  const selection = page.getByRole('form', { name: 'Agreement selection' })
  await selection.getByLabel('Ben').uncheck()
  await expect(selection.getByRole('status')).toContainText('The ticks changed since this report was computed')
  await expect(page.getByRole('button', { name: 'Download CSV' })).toBeDisabled()
  await selection.getByLabel('Ben').check()
  await expect(page.getByRole('button', { name: 'Download CSV' })).toBeEnabled()
  await selection.getByLabel('Event').check()
  await expect(page.getByRole('button', { name: 'Download HTML' })).toBeDisabled()
  await page.getByRole('button', { name: 'Compute' }).click()
  await expect(selection.getByRole('status')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Download HTML' })).toBeEnabled()

  // export the gold layer and open it
  await page.getByRole('button', { name: 'Export…' }).click()
  const ex = page.getByRole('dialog', { name: 'Export' })
  await ex.getByLabel('Format', { exact: true }).selectOption({ label: 'Spanwise JSONL (lossless)' })
  await ex.getByLabel('Coders').fill('gold')
  const folder = join(dataDir, 'gold-export')
  await ex.getByLabel('Export folder').fill(folder)
  await ex.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(ex.getByRole('status')).toContainText('Exported 1 article')
  const [, line] = readFileSync(join(folder, 'articles.jsonl'), 'utf8').trim().split('\n')
  const gold = JSON.parse(line!).annotations as { label: string; fragments: { quote: string }[]; attributes: Record<string, unknown>; annotator: { name: string } }[]
  expect(gold.map((t) => [t.label, t.fragments[0]!.quote, t.attributes, t.annotator.name]).sort()).toEqual([
    ['Actor', 'Gustavo Petro', {}, 'Gold standard'],
    ['Actor', 'seven police officers', {}, 'Gold standard'],
    ['Event', 'attacked', { fatalities_low: 7 }, 'Gold standard']
  ])
  // the decisions go with the article whatever the coder filter, each with its reason and guideline reference
  const decisions = JSON.parse(line!).adjudications as { decision: string; reason: string; guideline: string; decidedBy: { name: string } }[]
  expect(decisions.map((d) => [d.decision, d.reason, d.guideline, d.decidedBy.name])).toEqual([
    ['accept', '', '', USER_NAME],
    ['merge', 'the victims are the seven officers', '', USER_NAME],
    ['accept', '', 'codebook: fatalities as reported', USER_NAME],
    ['reject', 'the source of the figure, not an actor in the event', '', USER_NAME]
  ])
})
