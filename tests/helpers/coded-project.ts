import { AnnotationService } from '../../src/main/annotations/annotation-service'
import { CodebookService } from '../../src/main/codebook/codebook-service'
import type { Store } from '../../src/main/store/store'
import { EMPTY_MIGRATION } from '../../src/shared/codebook/codebook-migration'
import { ANA, BEN, addArticle, cpIndexOf, createTempProject } from './project'

/** An article with astral characters and a combining mark before its tags, so unit mistakes show. */
export const HUILA = 'Informe 😊 𝔸 q\u0307: Gunmen of the Mobile Column attacked police officers in Neiva, Huila. Seven officers died.\n\nThe president said: "These facts represent a clear sabotage of Total Peace."'
export const SECOND = 'The ELN and the Clan del Golfo met in Quibdó.'

/** A project coded by two coders: attributes, an actor mention, links, a note, a memo, two codebook versions. */
export function codedProject() {
  const { store, dir, file } = createTempProject()
  const a1 = addArticle(store, HUILA, 'huila.txt')
  const a2 = addArticle(store, SECOND, 'second.txt')
  const service = new AnnotationService(store)
  const tag = (user: typeof ANA, articleId: number, text: string, label: string, words: string, extra: { note?: string } = {}) => {
    const start = cpIndexOf(text, words)
    return service.create(user, { articleId, label, fragments: [{ start, end: start + Array.from(words).length }], ...extra }).upserted[0]!
  }
  const event = tag(ANA, a1, HUILA, 'Event', 'attacked', { note: 'the Huila attack' })
  const column = tag(ANA, a1, HUILA, 'Actor', 'Mobile Column')
  const police = tag(ANA, a1, HUILA, 'Actor', 'police officers')
  const place = tag(ANA, a1, HUILA, 'Place', 'Neiva, Huila')
  const claim = tag(ANA, a1, HUILA, 'Claim', 'These facts represent a clear sabotage of Total Peace')
  service.update(ANA, { id: event.id, attributes: { event_type: 'violence_against_civilians', date_start: '2025-03-02', fatalities_reported: 7 } })
  service.update(ANA, { id: column.id, attributes: { entity: 'seed:eln' } })
  service.link(ANA, { from: event.id, type: 'perpetrator', to: column.id })
  service.link(ANA, { from: event.id, type: 'victim', to: police.id })
  service.link(ANA, { from: event.id, type: 'located_at', to: place.id })
  // a discontinuous tag by a second coder
  const eln = cpIndexOf(SECOND, 'ELN')
  const clan = cpIndexOf(SECOND, 'Clan del Golfo')
  const both = service.create(BEN, { articleId: a2, label: 'Actor', fragments: [{ start: eln, end: eln + 3 }, { start: clan, end: clan + 14 }] }).upserted[0]!
  tag(BEN, a1, HUILA, 'Actor', 'Gunmen')
  store.articles.setNote(a1, 'Check the fatality count against the police report.')
  store.articles.setStatus(a2, 'done')
  // a second codebook version: a new label, used by one tag
  const codebooks = new CodebookService(store)
  const v1 = store.codebooks.get()
  const labels = [...v1.labels, { name: 'Weapon', description: '', color: '#CC79A7', hotkey: null, parent: null, order: v1.labels.length, attributes: [] }]
  codebooks.save(ANA, { codebook: { ...v1, labels }, note: 'weapons', migration: EMPTY_MIGRATION, baseVersion: v1.version })
  tag(BEN, a2, SECOND, 'Weapon', 'Quibdó')
  return { store, dir, file, a1, a2, event, column, police, place, claim, both }
}

export type CodedProject = ReturnType<typeof codedProject>
export type { Store }
