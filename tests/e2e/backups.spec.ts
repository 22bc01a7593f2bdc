import { openSync, closeSync, writeSync, statSync } from 'node:fs'
import { copyToMine, expect, fixture, myTagRows, openArticle, tagRows, test } from './fixtures'

test.describe('back up now and restore', () => {
  test.use({ projectSetup: 'demo' })

  test('a tag deleted after a manual backup comes back when that backup is restored', async ({ app: page }) => {
    const title = 'Four police officers killed in attack on coastal post'
    // the demo's tags are a colleague's: the tag to lose is my copy of one
    await openArticle(page, title)
    await copyToMine(page, 'CSDC')
    await page.getByRole('button', { name: /Demo project/ }).click()
    await page.getByRole('button', { name: 'Backups…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Backups' })
    await dialog.getByRole('button', { name: 'Back up now' }).click()
    await expect(dialog.getByRole('list', { name: 'Backup list' }).getByText(/made by hand · 7 articles/)).toBeVisible()
    await dialog.getByRole('button', { name: 'Close' }).click()

    await myTagRows(page).filter({ hasText: 'CSDC' }).click()
    await page.getByRole('region', { name: 'Selected tag' }).getByRole('button', { name: /Delete/ }).click()
    await expect(tagRows(page)).toHaveCount(4)

    await page.getByRole('button', { name: /Demo project/ }).click()
    await page.getByRole('button', { name: 'Backups…' }).click()
    const manual = dialog.getByRole('listitem').filter({ hasText: 'made by hand' })
    await manual.getByRole('button', { name: /Restore backup/ }).click()
    await expect(manual).toContainText('Its current state is backed up first')
    await manual.getByRole('button', { name: 'Restore', exact: true }).click()
    await expect(dialog).toBeHidden()
    await openArticle(page, title)
    await expect(tagRows(page)).toHaveCount(5)
    await expect(myTagRows(page).filter({ hasText: 'CSDC' })).toHaveCount(1)

    // the state before the restore was kept, so the restore itself can be undone
    await page.getByRole('button', { name: /Demo project/ }).click()
    await page.getByRole('button', { name: 'Backups…' }).click()
    await expect(dialog.getByText(/before a restore/)).toBeVisible()
    await page.screenshot({ path: test.info().outputPath('backups.png') })
  })
})

test.describe('a project damaged on disk', () => {
  test.use({ projectSetup: [fixture('harbour-council-breakwater.txt'), fixture('orchard-cooperative-frost.txt')] })

  test('is moved aside when opened, and a verified backup brings it back', async ({ app: page, server }) => {
    await expect(page.getByRole('button', { name: /^test/ })).toBeVisible()
    await page.getByRole('button', { name: /^test/ }).click()
    await page.getByRole('button', { name: 'Backups…' }).click()
    await page.getByRole('button', { name: 'Back up now' }).click()
    await expect(page.getByRole('dialog', { name: 'Backups' }).getByText(/made by hand · 2 articles/)).toBeVisible()
    await page.getByRole('button', { name: 'Close' }).click()

    // switch away (closing the file), then damage it the way a failing disk does: zeroed pages
    await page.getByRole('button', { name: /^test/ }).click()
    await page.getByRole('button', { name: 'Open the demo project' }).click()
    await expect(page.getByRole('button', { name: /Demo project/ })).toBeVisible()
    const file = server.projectPath!
    const pages = Math.floor(statSync(file).size / 4096)
    const fd = openSync(file, 'r+')
    writeSync(fd, Buffer.alloc(4096 * Math.max(1, pages - 3)), 0, 4096 * Math.max(1, pages - 3), 2 * 4096)
    closeSync(fd)

    await page.getByRole('button', { name: /Demo project/ }).click()
    await page.getByRole('button', { name: /^test/ }).click()
    const recovery = page.getByRole('dialog', { name: 'Project damaged' })
    await expect(recovery).toContainText('test.spanwise is damaged')
    await expect(recovery).toContainText('moved it aside')
    await page.screenshot({ path: test.info().outputPath('damaged.png') })
    await recovery.getByRole('button', { name: 'Restore this backup' }).first().click()
    await expect(recovery).toBeHidden()
    await expect(page.getByRole('button', { name: /^test/ })).toBeVisible()
    await expect(page.getByRole('row').filter({ hasText: /breakwater/i })).toHaveCount(1)
  })
})
