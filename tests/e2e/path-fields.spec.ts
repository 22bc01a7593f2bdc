import { expect, test } from './fixtures'

// Browser mode cannot hand out paths on disk, so every path field stays a typed one: no Choose… button anywhere.
const PICKER_BUTTON = /Choose (file|files|folder)…|Create in…|Browse…/

test('every dialog with a path field offers typing only, without native Choose… buttons', async ({ app: page }) => {
  expect(await page.evaluate(() => typeof (window as { spanwise?: unknown }).spanwise)).toBe('undefined')

  await page.getByRole('button', { name: /test ▾/ }).click()
  const projects = page.getByRole('dialog', { name: 'Projects' })
  await expect(projects.getByLabel('Project file path')).toBeEditable()
  await expect(projects.getByRole('button', { name: PICKER_BUTTON })).toHaveCount(0)
  await projects.getByRole('button', { name: 'Close' }).click()

  for (const [open, form, field] of [
    ['Import tagged…', 'Import tagged articles', 'Files or folders'],
    ['Import colleague’s pack…', 'Import tagged articles', 'Files or folders'],
    ['Export…', 'Export', 'Export folder'],
    ['Export my pack…', 'Export my pack', 'Pack file']
  ] as const) {
    await page.getByRole('button', { name: open }).click()
    const dialog = page.getByRole('dialog', { name: form })
    await dialog.getByLabel(field).fill('/tmp/typed-path')
    await expect(dialog.getByLabel(field)).toHaveValue('/tmp/typed-path')
    await expect(dialog.getByRole('button', { name: PICKER_BUTTON })).toHaveCount(0)
    await dialog.getByRole('button', { name: 'Close' }).click()
    await expect(dialog).toBeHidden()
  }
})

test('in the desktop app each Choose… button fills its field from the native dialog (bridge faked in the page: no Electron binary here)', async ({ app: page, dataDir }, testInfo) => {
  // the desktop bridge, with calls sent over browser mode's HTTP and the native dialog answering from a queue
  await page.addInitScript(() => {
    const w = window as unknown as { spanwise: unknown; picks: unknown[]; answers: string[][] }
    w.picks = []
    w.answers = []
    w.spanwise = {
      call: (method: string, input: unknown) =>
        fetch(`/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) }).then((r) => r.json()),
      on: () => () => {},
      pathForFile: () => '',
      pickPaths: async (request: unknown) => (w.picks.push(request), { ok: true, value: w.answers.shift() ?? [] })
    }
  })
  await page.reload()
  const answer = (paths: string[]) => page.evaluate((p) => (window as unknown as { answers: string[][] }).answers.push(p), paths)
  const lastPick = () => page.evaluate(() => (window as unknown as { picks: unknown[] }).picks.at(-1))

  await page.getByRole('button', { name: 'Import tagged…' }).click()
  const importing = page.getByRole('dialog', { name: 'Import tagged articles' })
  await importing.getByLabel('Files or folders').fill('/data/typed')
  await answer(['/data/a.ann', '/data/b.ann'])
  await importing.getByRole('button', { name: 'Choose files…' }).click()
  await expect(importing.getByLabel('Files or folders')).toHaveValue('/data/typed\n/data/a.ann\n/data/b.ann')
  expect(await lastPick()).toMatchObject({ kind: 'open-files', multiple: true, filters: [{ extensions: ['ann', 'txt'] }, { extensions: ['*'] }] })
  await answer(['/data/news'])
  await importing.getByRole('button', { name: 'Choose folder…' }).click()
  await expect(importing.getByLabel('Files or folders')).toHaveValue('/data/typed\n/data/a.ann\n/data/b.ann\n/data/news')
  expect(await lastPick()).toMatchObject({ kind: 'open-folder', multiple: true })
  // cancelling changes nothing
  await importing.getByRole('button', { name: 'Choose folder…' }).click()
  await expect(importing.getByLabel('Files or folders')).toHaveValue('/data/typed\n/data/a.ann\n/data/b.ann\n/data/news')
  await page.screenshot({ path: testInfo.outputPath('import-with-choose-buttons.png') })
  await importing.getByRole('button', { name: 'Close' }).click()

  await page.getByRole('button', { name: 'Export…' }).click()
  const exporting = page.getByRole('dialog', { name: 'Export' })
  const name = (await exporting.getByLabel('Export folder').inputValue()).split('/').pop()
  await answer(['/data/exports'])
  await exporting.getByRole('button', { name: 'Choose folder…' }).click()
  await expect(exporting.getByLabel('Export folder')).toHaveValue(`/data/exports/${name}`)
  expect(await lastPick()).toMatchObject({ kind: 'open-folder', defaultPath: dataDir })
  await page.screenshot({ path: testInfo.outputPath('export-with-choose-button.png') })
  await exporting.getByRole('button', { name: 'Close' }).click()

  await page.getByRole('button', { name: 'Export my pack…' }).click()
  const packing = page.getByRole('dialog', { name: 'Export my pack' })
  await answer(['/data/for-ben'])
  await packing.getByRole('button', { name: 'Choose file…' }).click()
  await expect(packing.getByLabel('Pack file')).toHaveValue('/data/for-ben.spanpack')
  expect(await lastPick()).toMatchObject({ kind: 'save-file', filters: [{ extensions: ['spanpack'] }] })
  await packing.getByRole('button', { name: 'Close' }).click()

  // choosing a project file opens it straight away
  await page.getByRole('button', { name: /test ▾/ }).click()
  const projects = page.getByRole('dialog', { name: 'Projects' })
  await answer([`${dataDir}/test.spanwise`])
  await projects.getByRole('button', { name: 'Choose file…' }).click()
  await expect(projects).toBeHidden()
  expect(await lastPick()).toMatchObject({ kind: 'open-files', filters: [{ extensions: ['spanwise'] }] })
  await page.getByRole('button', { name: /test ▾/ }).click()
  await answer([`${dataDir}/second`])
  await projects.getByRole('button', { name: 'Create in…' }).click()
  await expect(page.getByRole('button', { name: /second ▾/ })).toBeVisible()
  expect(await lastPick()).toMatchObject({ kind: 'save-file', filters: [{ extensions: ['spanwise'] }] })
})
