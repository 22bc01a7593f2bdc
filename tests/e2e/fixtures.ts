/**
 * Shared fixtures for the browser-mode end-to-end tests.
 *
 * Every test gets its own data folder and its own `out/main/serve.js` process (so settings, the user
 * name and the project never leak between tests), a page signed in through the name dialog, and helpers
 * that drive the article text the way a user does: real mouse drags over the exact characters.
 *
 * The default export is the globalSetup (see playwright.config.ts): it builds the app once when stale.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect, type Locator, type Page } from '@playwright/test'

// tsconfig.node.json typechecks this folder without the DOM lib; these globals only exist inside page.evaluate.
declare const document: any
declare const NodeFilter: any
declare const getComputedStyle: any

export const ROOT = resolve(__dirname, '..', '..')
export const FIXTURES = join(ROOT, 'tests', 'fixtures')
/** Third-party articles beside the checkout (CI); never copied into the project. SPANWISE_SAMPLE_CORPUS overrides. */
export const SAMPLE_CORPUS = resolve(process.env.SPANWISE_SAMPLE_CORPUS ?? join(ROOT, '..', 'shared', 'sample-corpus'))
export const USER_NAME = 'Playwright Tester'

/** globalSetup: one build before any worker starts (no-op when out/ is newer than the sources). */
export default function globalSetup(): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-if-stale.mjs')], { cwd: ROOT, stdio: 'inherit' })
}

/**
 * Which project the server opens:
 * - 'demo': no --project, so a fresh data folder opens (and builds) the built-in demo project;
 * - 'empty': a project with no articles, made with `cli.js import <empty folder>`;
 * - string[]: a project made with `cli.js import <these files>`.
 */
export type ProjectSetup = 'demo' | 'empty' | string[]

export interface Server {
  url: string
  dataDir: string
  /** The project file passed with --project (null for the demo). */
  projectPath: string | null
  /** Everything the server printed, for failure messages. */
  output: () => string
  stop: () => Promise<void>
}

const START_TIMEOUT_MS = 20_000

/** Creates the project file for `setup` in `dataDir` (nothing for the demo) and returns its path. */
export function prepareProject(dataDir: string, setup: ProjectSetup): string | null {
  if (setup === 'demo') return null
  const projectPath = join(dataDir, 'test.spanwise')
  let inputs = setup
  if (setup === 'empty') {
    const empty = join(dataDir, 'empty-import')
    mkdirSync(empty, { recursive: true })
    inputs = [empty]
  }
  execFileSync(process.execPath, [join(ROOT, 'out', 'main', 'cli.js'), 'import', ...(inputs as string[]), '--project', projectPath], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  return projectPath
}

/** Starts `serve.js --port 0` on `dataDir` and resolves once it prints its URL. */
export async function startServer(dataDir: string, projectPath: string | null): Promise<Server> {
  const args = [join(ROOT, 'out', 'main', 'serve.js'), '--port', '0', '--data-dir', dataDir]
  if (projectPath) args.push('--project', projectPath)
  const child: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d))
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d))
  const exited = new Promise<void>((res) => child.once('exit', () => res()))

  const url = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`serve.js printed no URL within ${START_TIMEOUT_MS} ms:\n${out}`)), START_TIMEOUT_MS)
    const check = () => {
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        res(m[1]!)
      }
    }
    child.stdout!.on('data', check)
    child.once('exit', (code) => {
      clearTimeout(timer)
      rej(new Error(`serve.js exited with code ${code} before printing its URL:\n${out}`))
    })
  })

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
    await exited
    clearTimeout(timer)
  }
  return { url, dataDir, projectPath, output: () => out, stop }
}

/** Opens the printed URL (it sets the token cookie and redirects to /). */
export async function openApp(page: Page, server: Server): Promise<void> {
  await page.goto(server.url)
  await expect(page.locator('.brand')).toHaveText('Spanwise')
}

/** Answers the first-start name dialog and waits for the corpus. */
export async function enterName(page: Page, name = USER_NAME): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Welcome' })
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('Your name').fill(name)
  await dialog.getByRole('button', { name: 'Start coding' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.locator('.topbar .user')).toHaveText(name)
  await expect(page.getByLabel('Search articles')).toBeVisible()
}

interface Fixtures {
  /** Set per file or describe with test.use({ projectSetup: … }). */
  projectSetup: ProjectSetup
  dataDir: string
  server: Server
  /** The page, opened on the server and past the name dialog: the corpus view. */
  app: Page
}

export const test = base.extend<Fixtures>({
  projectSetup: ['empty', { option: true }],

  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'spanwise-e2e-'))
    await use(dir)
    rmSync(dir, { recursive: true, force: true })
  },

  server: async ({ dataDir, projectSetup }, use, testInfo) => {
    const server = await startServer(dataDir, prepareProject(dataDir, projectSetup))
    await use(server)
    await server.stop()
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('server output', { body: server.output(), contentType: 'text/plain' })
  },

  app: async ({ page, server }, use, testInfo) => {
    // what the page did, attached when a test fails: the API calls with their answers, console errors, notices shown
    const log: string[] = []
    const at = () => `${(performance.now() / 1000).toFixed(3)}s`
    page.on('request', (r) => r.url().includes('/api/') && log.push(`${at()} → ${r.url().split('/api/')[1]} ${(r.postData() ?? '').slice(0, 160)}`))
    page.on('response', (r) => r.url().includes('/api/') && log.push(`${at()} ← ${r.url().split('/api/')[1]} ${r.status()}`))
    page.on('requestfailed', (r) => log.push(`${at()} ✗ ${r.url()} ${r.failure()?.errorText ?? ''}`))
    page.on('console', (m) => m.type() === 'error' && log.push(`${at()} console: ${m.text()}`))
    page.on('pageerror', (e) => log.push(`${at()} page error: ${e.message}`))
    await openApp(page, server)
    await enterName(page)
    await use(page)
    if (testInfo.status !== testInfo.expectedStatus) {
      const notices = await page.locator('.notice').allTextContents().catch(() => [] as string[])
      await testInfo.attach('page activity', { body: [...log.slice(-60), `notices on screen: ${JSON.stringify(notices)}`].join('\n'), contentType: 'text/plain' })
    }
  }
})

export { expect }

/** Path of a fixture file under tests/fixtures. */
export function fixture(name: string): string {
  const path = join(FIXTURES, name)
  if (!existsSync(path)) throw new Error(`missing fixture ${path}`)
  return path
}

/** The hidden <input type=file multiple> inside the "Import files…" label. */
export function importInput(page: Page): Locator {
  return page.locator('label', { hasText: 'Import files…' }).locator('input[type=file]')
}

/** The import report (after the progress bar is gone). */
export function importReport(page: Page): Locator {
  return page.locator('.import-status').filter({ hasText: 'Imported' })
}

/** Opens the article whose row title contains `title` and waits for its text. */
export async function openArticle(page: Page, title: string | RegExp): Promise<void> {
  await page.locator('.corpus-table tbody tr').filter({ has: page.locator('.title', { hasText: title }) }).click()
  await expect(page).toHaveURL(/#\/article\/\d+$/)
  await expect(page.locator('.article-text')).toBeVisible()
  // every tag drawn and the layer chips in: the text no longer moves, so coordinates taken now stay true
  await expect(page.locator('.article-text[data-tags-drawn="all"]')).toBeVisible()
  await expect(page.getByLabel('Layers', { exact: true })).toHaveAttribute('aria-busy', 'false')
}

export interface Point {
  x: number
  y: number
}

/**
 * Viewport points for selecting characters [from, to) of the `occurrence`-th match of `needle` in the
 * article text (matches are looked for inside one paragraph, in document order). The start point is on
 * the left edge of the first character and the end point on the right edge of the last, so a drag between
 * them selects exactly those characters. Scrolls the match into view first.
 */
export async function textPoints(page: Page, needle: string, opts: { occurrence?: number; from?: number; to?: number } = {}): Promise<{ start: Point; end: Point }> {
  const { occurrence = 1, from = 0, to = needle.length } = opts
  return page.evaluate(
    ({ needle, occurrence, from, to }) => {
      const root = document.querySelector('.article-text')
      if (!root) throw new Error('no .article-text on the page')
      let seen = 0
      for (const p of root.querySelectorAll('p')) {
        const nodes: { node: any; start: number }[] = []
        let text = ''
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT)
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          nodes.push({ node: n, start: text.length })
          text += n.data
        }
        for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
          if (++seen !== occurrence) continue
          // the DOM range of the single character at offset `i` of this paragraph
          const charRange = (i: number) => {
            const hit = nodes.find((x) => x.start <= i && i < x.start + x.node.data.length)!
            const r = document.createRange()
            r.setStart(hit.node, i - hit.start)
            r.setEnd(hit.node, i - hit.start + 1)
            return r
          }
          charRange(at + from).startContainer.parentElement.scrollIntoView({ block: 'center' })
          // a paragraph taller than the window was centred as a whole: centre the character itself
          let box = p.parentElement
          while (box && !(box.scrollHeight > box.clientHeight && /auto|scroll/.test(getComputedStyle(box).overflowY))) box = box.parentElement
          if (box) {
            const r = charRange(at + from).getBoundingClientRect()
            const b = box.getBoundingClientRect()
            box.scrollTop += r.top - (b.top + b.height / 2)
          }
          const first = charRange(at + from).getBoundingClientRect()
          const last = charRange(at + to - 1).getBoundingClientRect()
          const inset = (w: number) => Math.min(2, w / 4)
          return {
            start: { x: first.left + inset(first.width), y: first.top + first.height / 2 },
            end: { x: last.right - inset(last.width), y: last.top + last.height / 2 }
          }
        }
      }
      throw new Error(`"${needle}" (occurrence ${occurrence}) is not in the article text`)
    },
    { needle, occurrence, from, to }
  )
}

/**
 * Drags the mouse over characters [from, to) of `needle` (see textPoints), optionally holding Alt (exact
 * characters), and waits for the "Tag the selection" bar that shows the app took the selection.
 */
export async function dragOverText(page: Page, needle: string, opts: { occurrence?: number; from?: number; to?: number; alt?: boolean } = {}): Promise<void> {
  // points taken while the page still moves (a late layout) would drag over other words: take them until two agree
  let points = await textPoints(page, needle, opts)
  for (let tries = 0; tries < 10; tries++) {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    const again = await textPoints(page, needle, opts)
    if (JSON.stringify(again) === JSON.stringify(points)) break
    points = again
  }
  const { start, end } = points
  if (opts.alt) await page.keyboard.down('Alt')
  await page.mouse.move(start.x, start.y)
  await page.mouse.down()
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 4 })
  await page.mouse.move(end.x, end.y, { steps: 4 })
  await page.mouse.up()
  if (opts.alt) await page.keyboard.up('Alt')
  await expect(page.getByRole('toolbar', { name: 'Tag the selection' })).toBeVisible()
}

/** Clicks the middle of the `occurrence`-th match of `needle` in the article text. */
export async function clickText(page: Page, needle: string, occurrence = 1): Promise<void> {
  const { start, end } = await textPoints(page, needle, { occurrence })
  await page.mouse.click((start.x + end.x) / 2, (start.y + end.y) / 2)
}

/** The text each tag covers in the article, by tag id (a tag may be drawn as several spans). */
export async function tagTexts(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {}
    // overlapping tags share one element per piece of text, each adding its `sw-id-<id>` class
    for (const el of document.querySelectorAll('.article-text .sw-tag')) {
      for (const c of el.classList) if (c.startsWith('sw-id-')) out[c.slice(6)] = (out[c.slice(6)] ?? '') + el.textContent
    }
    return out
  })
}

/** The sorted list of texts covered by tags in the article. */
export async function taggedTexts(page: Page): Promise<string[]> {
  return Object.values(await tagTexts(page)).sort()
}

/** Side-panel rows: "<Label> <quote>" for each tag. */
export function tagRows(page: Page): Locator {
  return page.locator('aside.tag-panel [data-tag-row]')
}

/** Side-panel rows of my own tags (other coders' rows name their coder). */
export function myTagRows(page: Page): Locator {
  return tagRows(page).filter({ hasNot: page.locator('.tag-row-coder') })
}

/** Copies the colleague's tag whose row shows `text` into my layer, the way a coder takes a tag over to change it. */
export async function copyToMine(page: Page, text: string): Promise<void> {
  const before = await myTagRows(page).count()
  await tagRows(page).filter({ hasText: text }).filter({ has: page.locator('.tag-row-coder') }).click()
  await page.getByRole('region', { name: 'Selected tag' }).getByRole('button', { name: 'Copy to my layer' }).click()
  await expect(myTagRows(page)).toHaveCount(before + 1)
}

/** Waits until the save indicator says everything is saved. */
export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('saved')).toBeVisible()
}
