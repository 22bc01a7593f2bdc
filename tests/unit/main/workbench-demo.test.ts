import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/api/dispatch'
import { DEMO_ANNOTATOR } from '../../../src/main/demo/build-demo-project'
import { cleanupTemp, cpSlice, sha256File, tempDir } from '../../helpers/project'
import { createTempWorkbench, RESOURCES_DIR, type TempWorkbench } from '../../helpers/workbench'

interface DemoTag {
  file: string
  label: string
  quote: string
  actor?: string
  attributes?: Record<string, unknown>
  links?: { type: string; to: string }[]
}
const readDemo = (name: string) => JSON.parse(readFileSync(join(RESOURCES_DIR, 'demo', name), 'utf8')) as unknown
const demoTags = readDemo('tags.json') as DemoTag[]
const colleague = readDemo('colleague.json') as { coder: { id: string; name: string }; tags: DemoTag[] }
const demoActors = (readDemo('actors.json') as { actors: { key: string; name: string; aliases: { alias: string }[] }[] }).actors
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
  it('builds the demo project with 7 articles and the example tags of two coders, each quote matching the text at its offsets', async () => {
    const { wb, events } = setup()
    const info = await wb.openDemo()
    expect(demoArticles).toHaveLength(7)
    expect(info).toMatchObject({ name: 'Demo project', articleCount: 7, path: wb.demoPath })
    expect(events).toContainEqual({ event: 'project.changed', payload: { what: 'project' } })

    const store = wb.store
    const articles = store.articles.list({ sort: 'imported', dir: 'asc', limit: 100 }).rows.map((r) => store.articles.get(r.id)!)
    const tags = articles.flatMap((a) => store.annotations.listByArticle(a.id).map((t) => ({ article: a, tag: t })))
    expect(tags).toHaveLength(demoTags.length + colleague.tags.length)
    for (const { article, tag } of tags) {
      expect([DEMO_ANNOTATOR.name, colleague.coder.name]).toContain(tag.annotatorName)
      for (const f of tag.fragments) expect(cpSlice(article.text, f.start, f.end)).toBe(f.quote)
    }
    // every entry of tags.json and colleague.json is there, on the article it names, in its coder's layer, with its attributes
    const fileOf = (a: { metadata: Record<string, unknown> }) => a.metadata.demo_file
    const actorName = (key: string) => demoActors.find((a) => a.key === key)!.name
    const summary = (file: unknown, label: string, quote: string, coder: string, attributes: Record<string, unknown>) => `${coder}|${file}|${label}|${quote}|${JSON.stringify(Object.entries(attributes).sort())}`
    const got = tags.map(({ article, tag }) => {
      const { entity, ...attributes } = tag.attributes
      return summary(fileOf(article), tag.label, tag.fragments[0]!.quote, tag.annotatorName, { ...attributes, ...(entity ? { actor: store.actors.get(String(entity))!.name } : {}) })
    })
    const want = [
      ...demoTags.map((t) => ({ ...t, coder: DEMO_ANNOTATOR.name })),
      ...colleague.tags.map((t) => ({ ...t, coder: colleague.coder.name }))
    ].map((t) => summary(t.file, t.label, t.quote, t.coder, { ...t.attributes, ...(t.actor ? { actor: actorName(t.actor) } : {}) }))
    expect(got.sort()).toEqual(want.sort())
    expect(articles.reduce((n, a) => n + a.tagCount, 0)).toBe(demoTags.length + colleague.tags.length)
    // the relations the data names, between the right tags
    const links = tags.flatMap(({ tag }) => tag.links.map((l) => `${tag.fragments[0]!.quote} ${l.type} ${store.annotations.get(l.to)!.fragments[0]!.quote}`))
    expect(links).toContain('fighters of the Litoral Clan ambushed an army convoy near Port Dessa and killed three soldiers perpetrator Litoral Clan')
    expect(links).toHaveLength([...demoTags, ...colleague.tags].reduce((n, t) => n + (t.links?.length ?? 0), 0))
  })

  it('ships a registry of the demo’s actors that finds them by the names the articles use', async () => {
    const { wb } = setup()
    await wb.openDemo()
    const names = (surface: string) => wb.actors.suggest(surface).map((s) => s.actor.name)
    expect(names('Frente de Liberacion del Norte')).toContain('Northern Liberation Front')
    expect(names('clan del litoral')).toContain('Coastal Self-Defence Command')
    expect(names('El Piloto')).toContain('Rafael Ostin')
    for (const a of demoActors) expect(wb.actors.suggest(a.aliases[0]!.alias)[0]!.actor.status).toBe('provisional')
  })

  it('gives the review something to compare from the first start: a colleague’s layer that disagrees on one article', async () => {
    const { wb } = setup()
    await wb.openDemo()
    const rows = wb.review.corpus(wb.user)
    expect(rows).toHaveLength(1)
    expect(rows[0]!.title).toBe('Ceasefire with NLF extended by 60 days as prisoners are freed')
    expect(rows[0]!.byKind).toMatchObject({ missing: 2, boundary: 1, attribute: 1, label: 0 })
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
