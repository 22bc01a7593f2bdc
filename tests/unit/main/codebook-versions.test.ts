import { afterEach, describe, expect, it } from 'vitest'
import { AnnotationService } from '../../../src/main/annotations/annotation-service'
import { dispatch } from '../../../src/main/api/dispatch'
import { CodebookService } from '../../../src/main/codebook/codebook-service'
import { importCodebook } from '../../../src/main/codebook/import-codebook'
import type { Codebook } from '../../../src/shared/codebook/codebook-schema'
import { EMPTY_MIGRATION } from '../../../src/shared/codebook/codebook-migration'
import { AppError } from '../../../src/shared/errors'
import { ANA, addArticle, cleanupTemp, createTempProject } from '../../helpers/project'
import { createTempWorkbench, type TempWorkbench } from '../../helpers/workbench'

const workbenches: TempWorkbench[] = []
afterEach(() => {
  for (const t of workbenches.splice(0)) t.wb.close()
  cleanupTemp()
})

function setup() {
  const { store } = createTempProject()
  return { store, codebooks: new CodebookService(store), tags: new AnnotationService(store) }
}

const edited = (cb: Codebook, change: (draft: Codebook) => void): Codebook => {
  const draft = structuredClone(cb)
  change(draft)
  return draft
}

const thrown = (work: () => unknown): AppError => {
  try {
    work()
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('expected an AppError')
}

describe('saving a codebook', () => {
  it('stores version current+1 with its note, author and migration; older versions stay as they were', () => {
    const { store, codebooks, tags } = setup()
    const v1 = store.codebooks.get()
    const next = edited(v1, (cb) => (cb.labels[0]!.description = 'Anyone who acts or speaks.'))
    const saved = codebooks.save(ANA, { codebook: next, note: 'shorter Actor guideline', migration: EMPTY_MIGRATION, baseVersion: 1 })
    expect(saved).toEqual({ version: 2, relabelled: 0, retagged: 0, deleted: 0 })
    expect(store.codebooks.currentVersion()).toBe(2)
    expect(store.codebooks.get().labels[0]!.description).toBe('Anyone who acts or speaks.')
    expect(store.codebooks.get().version).toBe(2)
    expect(store.codebooks.get(1)).toEqual(v1)
    expect(store.codebooks.versions()).toMatchObject([
      { version: 2, note: 'shorter Actor guideline', createdBy: 'Ana', migration: EMPTY_MIGRATION },
      { version: 1, note: 'the default codebook', createdBy: null, migration: null }
    ])
    // new tags are coded under the new version
    const articleId = addArticle(store, 'The ELN attacked a police post.')
    const tag = tags.create(ANA, { articleId, label: 'Actor', fragments: [{ start: 4, end: 7 }] }).upserted[0]!
    expect(store.annotations.snapshot(tag.id)!.codebookVersion).toBe(2)
  })

  it('refuses an invalid codebook with the path of every problem, and stores nothing', () => {
    const { store, codebooks } = setup()
    const bad = edited(store.codebooks.get(), (cb) => {
      cb.labels[2]!.hotkey = '2'
      cb.labels[3]!.parent = 'Quantity'
      cb.labels[4]!.parent = 'Place'
      cb.relations[0]!.to = ['Perpetrator']
    })
    const error = thrown(() => codebooks.save(ANA, { codebook: bad, note: '', migration: EMPTY_MIGRATION, baseVersion: 1 }))
    expect(error.code).toBe('VALIDATION')
    expect(error.message).toBe(
      'This codebook cannot be saved (4 problems): labels[2].hotkey: hotkey “2” is already used by Event; choose another key; ' +
        'labels[3].parent: circular parents: Place → Quantity → Place; labels[4].parent: circular parents: Quantity → Place → Quantity; ' +
        'relations[0].to[0]: the label “Perpetrator” does not exist'
    )
    expect(error.details).toMatchObject({ problems: [{ path: 'labels[2].hotkey' }, { path: 'labels[3].parent' }, { path: 'labels[4].parent' }, { path: 'relations[0].to[0]' }] })
    expect(store.codebooks.currentVersion()).toBe(1)
  })

  it('refuses a save on top of a version saved meanwhile (another window), naming both versions', () => {
    const { store, codebooks } = setup()
    const cb = store.codebooks.get()
    codebooks.save(ANA, { codebook: cb, note: 'first', migration: EMPTY_MIGRATION, baseVersion: 1 })
    const error = thrown(() => codebooks.save(ANA, { codebook: cb, note: 'second', migration: EMPTY_MIGRATION, baseVersion: 1 }))
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toContain('saved as version 2 after you opened version 1')
    expect(store.codebooks.versions().map((v) => v.note)).toEqual(['first', 'the default codebook'])
  })
})

describe('importing a codebook file', () => {
  const text = (cb: unknown) => JSON.stringify(cb, null, 2)

  it('returns the checked codebook and saves nothing', () => {
    const { store } = setup()
    const cb = importCodebook(text(edited(store.codebooks.get(), (c) => (c.name = 'Protest events'))))
    expect(cb.name).toBe('Protest events')
    expect(store.codebooks.currentVersion()).toBe(1)
  })

  it('names the line and column of a syntax error', () => {
    expect(() => importCodebook('{\n  "format": "spanwise-codebook",\n  "labels": [1, 2,]\n}')).toThrow(
      'This codebook file cannot be used (1 problem): (root): not valid JSON at line 3, column 19: expected another value (a trailing comma is not allowed) but found “]”'
    )
    expect(() => importCodebook('{\n  "name": "x",\n  oops: 1\n}')).toThrow('not valid JSON at line 3, column 3: expected a string in double quotes but found “o”')
    expect(() => importCodebook('{"name": "x"')).toThrow('not valid JSON at line 1, column 13: expected “,” or “}” but found the end of the file')
    expect(() => importCodebook('')).toThrow('not valid JSON at line 1, column 1')
  })

  it('lists schema problems, hotkey clashes, circular parents and dangling relation labels, each with its path', () => {
    const { store } = setup()
    const bad = edited(store.codebooks.get(), (cb) => {
      cb.labels[0]!.color = 'blue'
      cb.labels[4]!.hotkey = '1'
      cb.relations[1]!.from = 'Incident'
    })
    const error = thrown(() => importCodebook(text(bad)))
    expect(error.message).toBe('This codebook file cannot be used (1 problem): labels[0].color: use a colour like #0072B2')
    const semantic = edited(store.codebooks.get(), (cb) => {
      cb.labels[4]!.hotkey = '1'
      cb.labels[0]!.parent = 'Actor'
      cb.relations[1]!.from = 'Incident'
    })
    expect((thrown(() => importCodebook(text(semantic))).details as { problems: unknown }).problems).toEqual([
      { path: 'labels[0].parent', message: 'circular parents: Actor → Actor' },
      { path: 'labels[4].hotkey', message: 'hotkey “1” is already used by Actor; choose another key' },
      { path: 'relations[1].from', message: 'the label “Incident” does not exist' }
    ])
    expect(thrown(() => importCodebook(text({ format: 'doccano' }))).message).toContain('format: this is not a Spanwise codebook')
  })
})

describe('the codebook methods over the contract', () => {
  async function withProject() {
    const t = createTempWorkbench({ userName: 'Ana' })
    workbenches.push(t)
    await dispatch(t.handlers, 'project.create', { name: 'Thesis' })
    return t
  }

  it('codebook.import answers VALIDATION with the problems in details; codebook.save announces the new version', async () => {
    const t = await withProject()
    const refused = await dispatch(t.handlers, 'codebook.import', { json: '{"format": "spanwise-codebook"' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { problems: [{ path: '(root)' }] } } })
    const cb = t.wb.store.codebooks.get()
    const saved = await dispatch(t.handlers, 'codebook.save', { codebook: cb, note: 'same again', baseVersion: 1 })
    expect(saved).toEqual({ ok: true, value: { version: 2, relabelled: 0, retagged: 0, deleted: 0 } })
    expect(t.events).toContainEqual({ event: 'project.changed', payload: { what: 'codebook' } })
    const versions = await dispatch(t.handlers, 'codebook.versions', {})
    expect(versions).toMatchObject({ ok: true, value: [{ version: 2, note: 'same again', createdBy: 'Ana' }, { version: 1 }] })
    const badInput = await dispatch(t.handlers, 'codebook.save', { codebook: 'not an object', baseVersion: 2 })
    expect(badInput).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('codebook.usage counts tags per label, attribute and choice value', async () => {
    const t = await withProject()
    const articleId = addArticle(t.wb.store, 'Protesters marched in Velmora and clashed with police.')
    const create = (label: string, start: number, end: number) => t.wb.annotations.create(ANA, { articleId, label, fragments: [{ start, end }] }).upserted[0]!.id
    const a = create('Event', 0, 30)
    const b = create('Event', 35, 54)
    create('Actor', 0, 10)
    t.wb.annotations.update(ANA, { id: a, attributes: { event_type: 'protests', tags: ['drone_used', 'confinement'] } })
    t.wb.annotations.update(ANA, { id: b, attributes: { event_type: 'protests', tags: ['confinement'] } })
    const usage = await dispatch(t.handlers, 'codebook.usage', {})
    expect(usage).toEqual({
      ok: true,
      value: {
        labels: { Event: 2, Actor: 1 },
        attributes: { Event: { event_type: 2, tags: 2 } },
        values: { Event: { event_type: { protests: 2 }, tags: { confinement: 2, drone_used: 1 } } }
      }
    })
  })
})
