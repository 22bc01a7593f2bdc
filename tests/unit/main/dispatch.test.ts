import { afterEach, describe, expect, it } from 'vitest'
import { assertComplete, dispatch } from '../../../src/main/api/dispatch'
import type { Handlers } from '../../../src/main/api/handlers'
import { addArticle, cleanupTemp } from '../../helpers/project'
import { createTempWorkbench, type TempWorkbench } from '../../helpers/workbench'

const workbenches: TempWorkbench[] = []
afterEach(() => {
  for (const t of workbenches.splice(0)) t.wb.close()
  cleanupTemp()
})

function setup(options: { userName?: string } = {}): TempWorkbench {
  const t = createTempWorkbench(options)
  workbenches.push(t)
  return t
}

async function withProject(options: { userName?: string } = {}) {
  const t = setup(options)
  const opened = await dispatch(t.handlers, 'project.create', { name: 'Thesis' })
  expect(opened).toMatchObject({ ok: true, value: { name: 'Thesis', articleCount: 0 } })
  const articleId = addArticle(t.wb.store, 'The Northern Liberation Front agreed to a ceasefire.')
  return { ...t, articleId }
}

describe('assertComplete', () => {
  it('passes for createHandlers', () => {
    expect(() => assertComplete(setup().handlers)).not.toThrow()
  })

  it('names a method the handlers are missing, and one that is not in the contract', () => {
    const { handlers } = setup()
    const { 'jobs.cancel': _dropped, ...rest } = handlers
    expect(() => assertComplete(rest as Handlers)).toThrow('handlers out of sync with METHOD_NAMES: missing [jobs.cancel] extra []')
    expect(() => assertComplete({ ...handlers, 'extra.method': () => null } as Handlers)).toThrow('extra [extra.method]')
  })
})

describe('dispatch', () => {
  it('returns UNKNOWN_METHOD for a method that does not exist', async () => {
    const result = await dispatch(setup().handlers, 'articles.drop', {})
    expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', message: 'There is no method called "articles.drop".' } })
  })

  it('returns VALIDATION with the path of the bad field', async () => {
    const { handlers, articleId } = await withProject({ userName: 'Ana' })
    const result = await dispatch(handlers, 'annotations.create', { articleId, label: 'Actor', fragments: [{ start: 4, end: 29 }, { start: 40, end: 40 }] })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('VALIDATION')
    expect(result.error.details).toEqual([{ path: 'fragments.1', message: 'a fragment must end after it starts' }])
    expect(result.error.message).toBe('Fragment 2: a fragment must end after it starts.')

    const badId = await dispatch(handlers, 'articles.get', { id: 'seven' })
    expect(badId.ok === false && (badId.error.details as { path: string }[]).map((d) => d.path)).toEqual(['id'])
    const emptyLabel = await dispatch(handlers, 'annotations.create', { articleId, label: '   ', fragments: [{ start: 0, end: 3 }] })
    expect(emptyLabel.ok === false && (emptyLabel.error.details as { path: string }[]).map((d) => d.path)).toEqual(['label'])
    expect(await dispatch(handlers, 'annotations.list', { articleId })).toEqual({ ok: true, value: [] })
  })

  it('words a validation problem as a sentence naming the field and the limit, without the method name', async () => {
    const { handlers } = setup({ userName: 'Ana' })
    const message = async (method: string, input: unknown) => {
      const result = await dispatch(handlers, method, input)
      return result.ok ? null : result.error.message
    }
    expect(await message('project.create', { name: 'x'.repeat(300) })).toBe('The project name is too long: at most 100 characters.')
    expect(await message('project.create', { name: 'a/b' })).toBe('The project name: a project name cannot contain / \\ : * ? " < > |.')
    expect(await message('project.create', {})).toBe('The input needs a path or a name.')
    expect(await message('articles.get', { id: 'seven' })).toBe('The article id must be a number.')
    expect(await message('annotations.create', { articleId: 1, label: '  ', fragments: [] })).toBe('The annotation label is empty. The annotation fragments list needs at least 1 item.')
  })

  it('returns NO_PROJECT before a project is open', async () => {
    const { handlers } = setup({ userName: 'Ana' })
    const result = await dispatch(handlers, 'articles.list', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'NO_PROJECT' } })
    expect(await dispatch(handlers, 'app.info', {})).toMatchObject({ ok: true, value: { project: null, user: { name: 'Ana' } } })
  })

  it('returns NO_USER for a tagging action when no name is set, and works once it is', async () => {
    const { handlers, articleId, wb } = await withProject()
    const input = { articleId, label: 'Actor', fragments: [{ start: 4, end: 29 }] }
    expect(await dispatch(handlers, 'annotations.create', input)).toMatchObject({ ok: false, error: { code: 'NO_USER' } })
    expect(wb.store.annotations.listByArticle(articleId)).toEqual([])
    expect(await dispatch(handlers, 'user.setName', { name: '  ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await dispatch(handlers, 'user.setName', { name: 'Ana' })).toMatchObject({ ok: true, value: { user: { name: 'Ana' } } })
    const created = await dispatch(handlers, 'annotations.create', input)
    expect(created).toMatchObject({ ok: true, value: { upserted: [{ label: 'Actor', annotatorName: 'Ana', fragments: [{ quote: 'Northern Liberation Front' }] }] } })
  })

  it('renames the user: their tags in the open project carry the new name at once, under the same coder id', async () => {
    const { handlers, articleId, wb } = await withProject({ userName: 'Ana' })
    await dispatch(handlers, 'annotations.create', { articleId, label: 'Actor', fragments: [{ start: 4, end: 29 }] })
    const id = wb.settings.user!.id
    expect(await dispatch(handlers, 'user.setName', { name: 'Ana Restrepo' })).toMatchObject({ ok: true, value: { user: { id, name: 'Ana Restrepo' } } })
    expect(wb.store.annotations.listByArticle(articleId)).toMatchObject([{ annotatorId: id, annotatorName: 'Ana Restrepo' }])
  })

  it('turns an AppError from the domain into its code', async () => {
    const { handlers } = await withProject({ userName: 'Ana' })
    expect(await dispatch(handlers, 'articles.get', { id: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'Article 999 does not exist in this project.' } })
  })

  it('turns a plain Error into INTERNAL without leaking its stack, and logs it', async () => {
    const { handlers } = setup()
    const logged: unknown[] = []
    const boom = new Error('disk on fire')
    const broken: Handlers = {
      ...handlers,
      'app.info': () => {
        throw boom
      }
    }
    const result = await dispatch(broken, 'app.info', {}, (e) => logged.push(e))
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Spanwise (disk on fire); nothing was changed.' } })
    expect(JSON.stringify(result)).not.toContain(boom.stack!.split('\n')[1]!.trim())
    expect(logged).toEqual([boom])
  })

  it('emits project.changed for tagging actions and undo', async () => {
    const { handlers, articleId, events } = await withProject({ userName: 'Ana' })
    events.splice(0)
    await dispatch(handlers, 'annotations.create', { articleId, label: 'Actor', fragments: [{ start: 4, end: 29 }] })
    await dispatch(handlers, 'history.undo', { articleId })
    await dispatch(handlers, 'history.undo', { articleId }) // nothing left to undo: no event
    expect(events).toEqual([
      { event: 'project.changed', payload: { what: 'annotations', articleId } },
      { event: 'project.changed', payload: { what: 'annotations', articleId } }
    ])
  })
})
