import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/api/dispatch'
import { DEMO_ANNOTATOR } from '../../../src/main/demo/build-demo-project'
import { cleanupTemp, cpSlice, sha256File, tempDir } from '../../helpers/project'
import { createTempWorkbench, RESOURCES_DIR, type TempWorkbench } from '../../helpers/workbench'

const demoTags = JSON.parse(readFileSync(join(RESOURCES_DIR, 'demo', 'tags.json'), 'utf8')) as { file: string; label: string; quote: string }[]
const demoArticles = JSON.parse(readFileSync(join(RESOURCES_DIR, 'demo', 'articles.json'), 'utf8')) as { file: string }[]

const workbenches: TempWorkbench[] = []
afterEach(() => {
  for (const t of workbenches.splice(0)) t.wb.close()
  cleanupTemp()
})
function setup(): TempWorkbench {
  const t = createTempWorkbench({ userName: 'Ana' })
  workbenches.push(t)
  return t
}

describe('Workbench.openDemo', () => {
  it('builds the demo project with 7 articles and the example tags, each quote matching the text at its offsets', async () => {
    const { wb, events } = setup()
    const info = await wb.openDemo()
    expect(demoArticles).toHaveLength(7)
    expect(info).toMatchObject({ name: 'Demo project', articleCount: 7, path: wb.demoPath })
    expect(events).toContainEqual({ event: 'project.changed', payload: { what: 'project' } })

    const store = wb.store
    const articles = store.articles.list({ sort: 'imported', dir: 'asc', limit: 100 }).rows.map((r) => store.articles.get(r.id)!)
    const tags = articles.flatMap((a) => store.annotations.listByArticle(a.id).map((t) => ({ article: a, tag: t })))
    expect(tags).toHaveLength(demoTags.length)
    for (const { article, tag } of tags) {
      expect(tag.annotatorName).toBe(DEMO_ANNOTATOR.name)
      for (const f of tag.fragments) expect(cpSlice(article.text, f.start, f.end)).toBe(f.quote)
    }
    // every tags.json entry is there, on the article it names
    const fileOf = (a: { metadata: Record<string, unknown> }) => a.metadata.demo_file
    const got = tags.map(({ article, tag }) => `${fileOf(article)}|${tag.label}|${tag.fragments[0]!.quote}`).sort()
    expect(got).toEqual(demoTags.map((t) => `${t.file}|${t.label}|${t.quote}`).sort())
    expect(articles.reduce((n, a) => n + a.tagCount, 0)).toBe(demoTags.length)
  })

  it('opens the existing demo file the second time instead of rebuilding it', async () => {
    const { wb } = setup()
    await wb.openDemo()
    wb.close()
    const before = sha256File(wb.demoPath)
    expect((await wb.openDemo()).articleCount).toBe(7)
    wb.close()
    expect(sha256File(wb.demoPath)).toBe(before)
  })
})

describe('Workbench through dispatch', () => {
  it('creates, lists and reopens a project, remembering it as recent', async () => {
    const { handlers, wb, dataDir } = setup()
    const created = await dispatch(handlers, 'project.create', { path: join(tempDir(), 'study') })
    expect(created).toMatchObject({ ok: true, value: { name: 'study', articleCount: 0 } })
    const path = (created as { value: { path: string } }).value.path
    expect(path.endsWith('study.spanwise')).toBe(true)
    wb.close()
    expect(await dispatch(handlers, 'project.open', { path })).toMatchObject({ ok: true, value: { path } })
    const info = await dispatch(handlers, 'app.info', {})
    expect(info).toMatchObject({ ok: true, value: { mode: 'browser', dataDir, recent: [{ path, name: 'study', exists: true }] } })
  })

  it('refuses to open a file that is not a project, naming it', async () => {
    const { handlers } = setup()
    const file = join(tempDir(), 'notes.txt')
    writeFileSync(file, 'just notes')
    const result = await dispatch(handlers, 'project.open', { path: file })
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_A_PROJECT' } })
    expect(result.ok === false && result.error.message).toContain('notes.txt')
  })
})

describe('Workbench.openInitial', () => {
  it('falls back to the demo project when the last project cannot be opened, and says why', async () => {
    const { wb, dataDir } = setup()
    const notAProject = join(dataDir, 'notes.spanwise')
    writeFileSync(notAProject, 'just some text')
    wb.settings.noteOpened(notAProject, 'notes')
    await wb.openInitial()
    expect(wb.projectInfo().path).toBe(wb.demoPath)
    expect(wb.info().startupNotice).toMatch(/notes\.spanwise.*could not be opened.*not a Spanwise project/s)
  })

  it('opens the last project without a notice when it is fine', async () => {
    const { wb } = setup()
    await wb.openDemo()
    await wb.openInitial()
    expect(wb.info().startupNotice).toBeNull()
  })
})
