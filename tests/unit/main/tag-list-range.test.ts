import { afterEach, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/api/dispatch'
import type { Annotation } from '../../../src/shared/domain'
import { AnnotationService } from '../../../src/main/annotations/annotation-service'
import { ANA, BEN, addArticle, cleanupTemp } from '../../helpers/project'
import { createTempWorkbench, type TempWorkbench } from '../../helpers/workbench'

const workbenches: TempWorkbench[] = []
afterEach(() => {
  for (const t of workbenches.splice(0)) t.wb.close()
  cleanupTemp()
})

const TEXT = 'Gunmen of the Mobile Column attacked police officers in Neiva, Huila. The president condemned it on Tuesday.'

it('lists the tags starting in part of the text, with their fragments and links, so an article can open with its first screen', async () => {
  const t = createTempWorkbench({ userName: 'Rita' })
  workbenches.push(t)
  await dispatch(t.handlers, 'project.create', { name: 'Range' })
  const articleId = addArticle(t.wb.store, TEXT)
  const service = new AnnotationService(t.wb.store)
  const at = (words: string) => ({ start: TEXT.indexOf(words), end: TEXT.indexOf(words) + words.length })
  const tag = (words: string[], label = 'Actor', user = ANA) => service.create(user, { articleId, label, fragments: words.map(at) }).upserted[0]!
  const column = tag(['Mobile Column'])
  const event = tag(['attacked'], 'Event')
  // its text starts before the split and goes on after it: it belongs to the opening part
  const spread = tag(['police officers', 'Tuesday'], 'Actor', BEN)
  const president = tag(['The president'])
  service.link(ANA, { from: event.id, type: 'perpetrator', to: column.id })
  const split = TEXT.indexOf('Neiva')

  const list = async (startsIn?: { from?: number; before?: number }) => {
    const r = await dispatch(t.handlers, 'annotations.list', { articleId, ...(startsIn ? { startsIn } : {}) })
    if (!r.ok) throw new Error(r.error.message)
    return r.value as Annotation[]
  }
  const all = await list()
  const opening = await list({ before: split })
  const rest = await list({ from: split })
  expect(opening.map((a) => a.id)).toEqual([column.id, event.id, spread.id])
  expect(rest.map((a) => a.id)).toEqual([president.id])
  expect([...opening, ...rest]).toEqual(all)
  expect(opening.find((a) => a.id === spread.id)!.fragments.map((f) => f.quote)).toEqual(['police officers', 'Tuesday'])
  expect(opening.find((a) => a.id === event.id)!.links).toEqual([{ type: 'perpetrator', to: column.id }])
  expect(await list({ from: split, before: split })).toEqual([])
  const refused = await dispatch(t.handlers, 'annotations.list', { articleId, startsIn: { before: -1 } })
  expect(refused.ok === false && refused.error.code).toBe('VALIDATION')
})
