/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { ArticleOffsets } from '../../shared/offsets'
import { AnnotationService } from '../annotations/annotation-service'
import { runImport } from '../import/run-import'
import { createProjectDb, openWorkerDb } from '../store/open-project-db'
import { Store } from '../store/store'
import { median, percentile, report } from './stats'
import { createRng, syntheticArticle, vocabulary, zipfSampler } from './synthetic-corpus'

const COLLEAGUE = { id: '00000000-0000-4000-8000-0000000000c2', name: 'Colleague' }
const USER = { id: '11111111-1111-4111-8111-111111111111', name: 'Bench' }

/** Samples of each B6 edit: enough for its p95 to be more than the slowest sample. */
const B6_SAMPLES = 20
/** What the dev-aid traces record: the timeline, JavaScript, marks, and the stacks that invalidated style or layout. */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'disabled-by-default-devtools.timeline.stack', 'disabled-by-default-devtools.timeline.invalidationTracking']

/** B4/B6/B16: open a 50 KB article with `tags` overlapping tags in Chromium (browser mode), edit it, then open its review with a colleague's layer. */
export async function benchArticle(mainDir: string, tags: number, runs: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sw-bench-article-'))
  const project = join(dir, 'article.spanwise')
  const rng = createRng(3)
  const words = vocabulary(5000, rng)
  const a = syntheticArticle(words, zipfSampler(words.length, rng), rng, 50_000, 1)
  const db = createProjectDb(project)
  runImport(
    db,
    [{ kind: 'bytes', name: 'a.jsonl', bytes: Buffer.from([JSON.stringify({ title: 'Tagged', text: a.text }), JSON.stringify({ title: 'Plain', text: `${a.text} ` + 'x' })].join('\n')) }],
    { encoding: 'utf-8' }
  )
  const store = new Store(db, project)
  const service = new AnnotationService(store)
  const offsets = new ArticleOffsets(store.articles.get(1)!.text)
  const labels = ['Actor', 'Event', 'Claim']
  db.transaction(() => {
    for (let i = 0; i < tags; i++) {
      const start = Math.floor(rng() * (offsets.lengthCp - 400))
      const len = rng() < 0.1 ? 100 + Math.floor(rng() * 300) : 3 + Math.floor(rng() * 30)
      service.create(USER, { articleId: 1, label: labels[i % 3]!, fragments: [{ start, end: start + len }] })
    }
  })()
  store.close()
  const dataDir = join(dir, 'data')
  mkdirSync(dataDir)
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ user: USER, recent: [], lastProject: null }))

  // with SW_PROFILE the server writes a CPU profile next to the browser's when it exits; SW_SERVER_FLAGS (e.g. --trace-gc) go to its node
  const nodeFlags = [...(process.env.SW_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', `${process.env.SW_PROFILE}.server`] : []), ...(process.env.SW_SERVER_FLAGS?.split(' ').filter(Boolean) ?? [])]
  const server = spawn(process.execPath, [...nodeFlags, join(mainDir, 'serve.js'), '--port', '0', '--data-dir', dataDir, '--project', project, '--backup-minutes', '0'], { stdio: ['ignore', 'pipe', 'inherit'] })
  const url = await new Promise<string>((resolve, reject) => {
    server.stdout.on('data', (d: Buffer) => {
      if (process.env.SW_SERVER_FLAGS) process.stderr.write(d)
      const m = /Open (http:\/\/\S+)/.exec(d.toString())
      if (m) resolve(m[1]!)
    })
    server.on('exit', (code) => reject(new Error(`serve exited with ${code}`)))
  })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    page.on('crash', () => console.error('page crashed')).on('pageerror', (e) => console.error('page error', e.message))
    await page.goto(url)
    await page.waitForSelector('.corpus-table')
    await page.evaluate(() => {
      // longest main-thread task in the page, read and reset by each measured step
      const w = window as unknown as { swLongest: number }
      w.swLongest = 0
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.swLongest = Math.max(w.swLongest, e.duration)
      }).observe({ type: 'longtask' })
    })
    const open = (id: number, review = false) =>
      page.evaluate(async ([articleId, inReview]) => {
        const w = window as unknown as { swLongest: number }
        location.hash = '#/'
        // the corpus list loaded and idle first: leaving a large review can hold its requests back until the timed open
        await new Promise<void>((resolve) => {
          const check = () => (document.querySelector('.corpus-table tbody tr') ? resolve() : requestAnimationFrame(check))
          requestAnimationFrame(check)
        })
        await new Promise((r) => setTimeout(r, 200))
        w.swLongest = 0
        const t0 = performance.now()
        location.hash = `#/article/${articleId}${inReview ? '/review' : ''}`
        const firstFrame = await new Promise<number>((resolve) => {
          const check = () => {
            const text = document.querySelector('.article-text')
            const panel = document.querySelector(inReview ? '.review-summary' : '.tag-panel')
            if (text && panel) requestAnimationFrame(() => resolve(performance.now() - t0))
            else requestAnimationFrame(check)
          }
          check()
        })
        const allDrawn = await new Promise<number>((resolve) => {
          const check = () => (document.querySelector('.article-text[data-tags-drawn="all"]') ? requestAnimationFrame(() => resolve(performance.now() - t0)) : requestAnimationFrame(check))
          check()
        })
        await new Promise((r) => setTimeout(r, 100))
        // each API request of the open as the page saw it: sent → first byte → last byte, in ms after the click, and the server's own time
        const net = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((e) => e.startTime >= t0 && e.name.includes('/api/'))
          .map((e) => `${e.name.replace(/.*api\//, '')} ${(e.startTime - t0).toFixed(0)}→${(e.responseStart - t0).toFixed(0)}→${(e.responseEnd - t0).toFixed(0)} (server ${e.serverTiming.find((s) => s.name === 'app')?.duration.toFixed(0)})`)
        performance.clearResourceTimings()
        return { firstFrame, allDrawn, longest: w.swLongest, net }
      }, [id, review] as const)
    const tagged: number[] = []
    const plain: number[] = []
    const allDrawn: number[] = []
    const longest: number[] = []
    for (let r = 0; r < runs + 1; r++) {
      const t = await open(1)
      if (process.env.SW_NET) console.log(`B4 run ${r}: ${t.firstFrame.toFixed(0)} ms; ${t.net.join(' | ')}`)
      const p = await open(2)
      if (r > 0) {
        tagged.push(t.firstFrame)
        allDrawn.push(t.allDrawn)
        longest.push(t.longest)
        plain.push(p.firstFrame)
      } else report(`B4 first open after start, ${tags} tags`, t.firstFrame, null, '≤ 200 ms')
    }
    const shown = await page.evaluate(() => new Set([...document.querySelectorAll('.article-text .sw-tag')].flatMap((e) => [...e.classList].filter((c) => c.startsWith('sw-id-')))).size)
    if (shown !== 0) throw new Error('the floor article should have no tags')
    await open(1)
    const drawn = await page.evaluate(() => new Set([...document.querySelectorAll('.article-text .sw-tag')].flatMap((e) => [...e.classList].filter((c) => c.startsWith('sw-id-')))).size)
    if (drawn !== tags) throw new Error(`expected ${tags} tags drawn, found ${drawn}`)
    // dev aid: a trace and a CPU profile of one warm open, for chrome://inspect or a summary script
    const profileOpen = async (path: string, review: boolean, id = 1) => {
      await browser.startTracing(page, { path, categories: TRACE_CATEGORIES })
      await open(id, review)
      await browser.stopTracing()
      const cdp = await page.context().newCDPSession(page)
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
      await cdp.send('Profiler.start')
      await open(id, review)
      writeFileSync(`${path}.cpuprofile`, JSON.stringify((await cdp.send('Profiler.stop')).profile))
      await cdp.detach()
    }
    if (process.env.SW_PROFILE) {
      await profileOpen(`${process.env.SW_PROFILE}.plain`, false, 2)
      // the tagged article last: B6 below works in it
      await profileOpen(process.env.SW_PROFILE, false)
    }
    report(`B4 open 50 KB article with ${tags} tags (median)`, median(tagged), median(plain), '≤ 100 ms')
    report(`B4 … every tag drawn (progressive)`, median(allDrawn), null, 'no long task over 50 ms on the way')
    report(`B4 … longest task while opening (median)`, median(longest), null, '≤ 50 ms ideal')

    const adds: [number, number][] = []
    const deletes: [number, number][] = []
    const cdp = process.env.SW_PROFILE ? await page.context().newCDPSession(page) : null
    if (cdp) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 50 })
      await cdp.send('Profiler.start')
    }
    for (let r = 0; r < B6_SAMPLES + (process.env.SW_PROFILE ? 1 : 0); r++) {
      const traced = process.env.SW_PROFILE && r === B6_SAMPLES
      if (traced) await browser.startTracing(page, { path: `${process.env.SW_PROFILE}.b6-tags.trace`, categories: TRACE_CATEGORIES })
      const [add, del] = await page.evaluate(async (n) => {
        const count = () => Number(document.querySelector('.tag-panel h2 .count')?.textContent)
        // the change is seen by a MutationObserver (the DOM shows the acknowledged save); then timed again after the next paint
        const waitFor = (want: number, t0: number) =>
          new Promise<[number, number]>((resolve) => {
            const painted = (inDom: number) => requestAnimationFrame(() => setTimeout(() => resolve([inDom, performance.now() - t0]), 0))
            if (count() === want) return painted(performance.now() - t0)
            const observer = new MutationObserver(() => {
              if (count() !== want) return
              observer.disconnect()
              painted(performance.now() - t0)
            })
            observer.observe(document.querySelector('.tag-panel')!, { subtree: true, childList: true, characterData: true })
          })
        const para = [...document.querySelectorAll('.article-text p')].filter((p) => (p.textContent ?? '').length > 10)[n % 5]!
        const textNode = document.createTreeWalker(para, NodeFilter.SHOW_TEXT).nextNode()!
        const range = document.createRange()
        range.setStart(textNode, 0)
        range.setEnd(textNode, Math.min(4, textNode.textContent!.length))
        const sel = document.getSelection()!
        sel.removeAllRanges()
        sel.addRange(range)
        document.querySelector('.article-viewer')!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
        await new Promise((r) => setTimeout(r, 50))
        const before = count()
        performance.mark('sw-add')
        let t0 = performance.now()
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true }))
        const add = await waitFor(before + 1, t0)
        await new Promise((r) => setTimeout(r, 50))
        performance.mark('sw-delete')
        t0 = performance.now()
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', bubbles: true }))
        const del = await waitFor(before, t0)
        return [add, del]
      }, r)
      if (traced) await browser.stopTracing()
      adds.push(add!)
      deletes.push(del!)
    }
    if (cdp) {
      // dev aid: adding/deleting tags and editing one tag are profiled apart
      writeFileSync(`${process.env.SW_PROFILE}.b6-tags.cpuprofile`, JSON.stringify((await cdp.send('Profiler.stop')).profile))
      await cdp.send('Profiler.start')
    }
    // the attribute form and the link list with the same 2,000 tags: an Event is selected, one attribute set, one link made and removed
    await page.locator('[data-tag-row]', { has: page.locator('.tag-row-label', { hasText: 'Event' }) }).first().click()
    await page.locator('#attr-event_type').waitFor()
    const edits: { attribute: number; link: number; unlink: number; trips: number[]; servers: number[] }[] = []
    for (let r = 0; r < B6_SAMPLES + (process.env.SW_PROFILE ? 1 : 0); r++) {
      if (process.env.SW_PROFILE && r === B6_SAMPLES) await browser.startTracing(page, { path: `${process.env.SW_PROFILE}.b6-edits.trace`, categories: TRACE_CATEGORIES })
      edits.push(
        await page.evaluate(async (r) => {
          const settle = (done: () => boolean, t0: number) =>
            new Promise<number>((resolve) => {
              if (done()) return resolve(performance.now() - t0)
              const observer = new MutationObserver(() => {
                if (!done()) return
                observer.disconnect()
                resolve(performance.now() - t0)
              })
              observer.observe(document.querySelector('.tag-panel')!, { subtree: true, childList: true, characterData: true, attributes: true })
            })
          // the browser keeps only 250 resource timings by default; a clean buffer keeps this run's saves readable
          performance.clearResourceTimings()
          const select = document.querySelector<HTMLSelectElement>('#attr-event_type')!
          select.value = r % 2 ? 'battles' : 'protests'
          performance.mark('sw-attribute')
          let t0 = performance.now()
          select.dispatchEvent(new Event('change', { bubbles: true }))
          // the field is aria-busy from the change until the save is answered and the stored value shown
          const field = select.closest('.field')!
          let busy = false
          const attribute = await settle(() => (field.hasAttribute('aria-busy') ? !(busy = true) : busy && select.value === (r % 2 ? 'battles' : 'protests')), t0)
          await new Promise((res) => setTimeout(res, 50))
          const links = () => document.querySelectorAll('.link-list li').length
          const before = links()
          const input = document.querySelector<HTMLInputElement>('#link-search')!
          input.focus()
          Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, 'target')
          input.dispatchEvent(new Event('input', { bubbles: true }))
          await new Promise((res) => setTimeout(res, 50))
          performance.mark('sw-link')
          t0 = performance.now()
          input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
          const link = await settle(() => links() === before + 1, t0)
          await new Promise((res) => setTimeout(res, 50))
          performance.mark('sw-unlink')
          t0 = performance.now()
          document.querySelector<HTMLButtonElement>('.link-list li:last-child button.icon')!.click()
          const unlink = await settle(() => links() === before, t0)
          input.blur()
          // the save's round trip as the browser saw it (request sent → response read), to tell network and server from drawing
          const saves = ['annotations.update', 'annotations.link', 'annotations.unlink'].map(
            (method) => performance.getEntriesByName(`${location.origin}/api/${method}`).at(-1) as PerformanceResourceTiming
          )
          // the server's own share of each round trip, from its Server-Timing header
          const server = (e: PerformanceResourceTiming) => e.serverTiming.find((s) => s.name === 'app')?.duration ?? NaN
          return { attribute, link, unlink, trips: saves.map((e) => e.responseEnd - e.startTime), servers: saves.map(server) }
        }, r)
      )
    }
    if (process.env.SW_PROFILE) await browser.stopTracing()
    report('B6 set one attribute: change → shown, saved', median(edits.map((e) => e.attribute)), null, '≤ 16 ms')
    report('B6 link two tags: Enter → shown, saved', median(edits.map((e) => e.link)), null, '≤ 16 ms')
    report('B6 remove a link: click → shown, saved', median(edits.map((e) => e.unlink)), null, '≤ 16 ms')
    report('B6 … of which the saves’ round trips (fetch)', median(edits.flatMap((e) => e.trips)), null, '(part of each figure above)')
    report('B6 … of which the server (Server-Timing)', median(edits.flatMap((e) => e.servers)), null, '(part of each round trip)')
    if (cdp) writeFileSync(`${process.env.SW_PROFILE}.b6-edits.cpuprofile`, JSON.stringify((await cdp.send('Profiler.stop')).profile))
    report('B6 add one tag: key → shown, save acknowledged', median(adds.map((a) => a[0])), null, '≤ 16 ms')
    report('B6 delete one tag: key → shown, save acknowledged', median(deletes.map((d) => d[0])), null, '≤ 16 ms')
    report('B6 add one tag: key → painted (incl. vsync wait)', median(adds.map((a) => a[1])), null, '(one frame after shown)')
    report('B6 delete one tag: key → painted (incl. vsync wait)', median(deletes.map((d) => d[1])), null, '(one frame after shown)')
    const everyEdit = [...edits.flatMap((e) => [e.attribute, e.link, e.unlink]), ...adds.map((a) => a[0]), ...deletes.map((d) => d[0])]
    report(`B6 p95 of all ${everyEdit.length} edits above (shown, saved)`, percentile(everyEdit, 95), null, '≤ 16 ms p95')

    // B16: a colleague's layer of as many tags again, then the article opened in review (both layers drawn, units listed)
    const colleague = new Store(openWorkerDb(project), project)
    try {
      const other = new AnnotationService(colleague)
      const own = colleague.annotations.listByArticle(1)
      colleague.db.transaction(() => {
        for (const [i, t] of own.entries()) {
          const f = t.fragments[0]!
          const shift = i % 5 === 0 ? 1 : 0
          other.create(COLLEAGUE, { articleId: 1, label: i % 10 === 0 ? labels[(i + 1) % 3]! : t.label, fragments: [{ start: f.start + shift, end: f.end }] })
        }
      })()
    } finally {
      colleague.close()
    }
    const reviews: number[] = []
    const reviewDrawn: number[] = []
    const reviewLongest: number[] = []
    for (let r = 0; r < runs + 1; r++) {
      const t = await open(1, true)
      if (process.env.SW_NET) console.log(`B16 run ${r}: ${t.firstFrame.toFixed(0)} ms; ${t.net.join(' | ')}`)
      if (r > 0) {
        reviews.push(t.firstFrame)
        reviewDrawn.push(t.allDrawn)
        reviewLongest.push(t.longest)
      }
    }
    if (process.env.SW_PROFILE) await profileOpen(`${process.env.SW_PROFILE}.b16`, true)
    report(`B16 open the review of 2 × ${tags} tags (median)`, median(reviews), median(tagged), '≤ 100 ms (B4 article view)')
    report(`B16 … every tag of both layers drawn`, median(reviewDrawn), median(allDrawn), '')
    report(`B16 … longest task while opening (median)`, median(reviewLongest), median(longest), '≤ 50 ms ideal')
  } finally {
    await browser.close()
    server.kill()
    rmSync(dir, { recursive: true, force: true })
  }
}
