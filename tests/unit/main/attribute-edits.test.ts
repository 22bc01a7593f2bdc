import { afterEach, describe, expect, it } from 'vitest'
import { AnnotationService } from '../../../src/main/annotations/annotation-service'
import { runImport } from '../../../src/main/import/run-import'
import { cleanupTemp, createTempProject } from '../../helpers/project'

afterEach(cleanupTemp)
const USER = { id: '11111111-1111-4111-8111-111111111111', name: 'Ana' }

function setup() {
  const { store } = createTempProject()
  runImport(store.db, [{ kind: 'bytes', name: 'huila.txt', bytes: Buffer.from('An attack in Huila killed seven police officers on Tuesday.') }], { encoding: 'utf-8' })
  store.ensureAnnotator(USER)
  const service = new AnnotationService(store)
  const event = service.create(USER, { articleId: 1, label: 'Event', fragments: [{ start: 0, end: 59 }] }).upserted[0]!
  return { store, service, event }
}

describe('attribute edits on a tag', () => {
  it('are saved at once, described in the change log, and undone and redone like any action', () => {
    const { store, service, event } = setup()
    const m = service.update(USER, { id: event.id, attributes: { event_type: 'violence_against_civilians', sub_event_type: 'attack', fatalities_reported: 7 } })
    expect(m.upserted[0]!.attributes).toEqual({ event_type: 'violence_against_civilians', sub_event_type: 'attack', fatalities_reported: 7 })
    expect(m.description).toMatch(/^set Event type, Sub-event type, Fatalities \(as reported\) of “An attack in Huila/)
    service.update(USER, { id: event.id, attributes: { fatalities_reported: null, date_start: '2025-08-19' } })
    expect(store.annotations.snapshot(event.id)!.attributes).toEqual({ event_type: 'violence_against_civilians', sub_event_type: 'attack', date_start: '2025-08-19' })
    service.undo(USER, 1)
    expect(store.annotations.snapshot(event.id)!.attributes).toMatchObject({ fatalities_reported: 7 })
    service.redo(USER, 1)
    expect(store.annotations.snapshot(event.id)!.attributes).not.toHaveProperty('fatalities_reported')
  })

  it('refuse a value outside the allowed set, a sub-type of another type and an end before the start, changing nothing', () => {
    const { store, service, event } = setup()
    service.update(USER, { id: event.id, attributes: { event_type: 'battles', date_start: '2025-08-19' } })
    const before = store.annotations.snapshot(event.id)
    expect(() => service.update(USER, { id: event.id, attributes: { event_type: 'massacre' } })).toThrow('Event type “massacre” is not an allowed value')
    expect(() => service.update(USER, { id: event.id, attributes: { sub_event_type: 'attack' } })).toThrow('Sub-event type “Attack” does not belong to event_type “battles”')
    expect(() => service.update(USER, { id: event.id, attributes: { date_end: '2025-08-01' } })).toThrow('The end date is before the start date.')
    expect(() => service.update(USER, { id: event.id, attributes: { weather: 'rain' } })).toThrow('Event has no attribute “weather”')
    expect(store.annotations.snapshot(event.id)).toEqual(before)
  })

  it('allow an incomplete tag (required attributes missing) to be saved', () => {
    const { service, event } = setup()
    expect(() => service.update(USER, { id: event.id, attributes: { location_text: 'Huila' } })).not.toThrow()
  })

  it('relabelling keeps the attributes both labels have and sets aside the rest, which undo brings back', () => {
    const { store, service, event } = setup()
    service.update(USER, { id: event.id, attributes: { event_type: 'battles', certainty: 'probable' } })
    const m = service.update(USER, { id: event.id, label: 'Claim' })
    expect(m.description).toContain('set aside 1 attribute Event has and Claim lacks')
    expect(store.annotations.snapshot(event.id)!.attributes).toEqual({ certainty: 'probable' })
    service.undo(USER, 1)
    expect(store.annotations.snapshot(event.id)).toMatchObject({ label: 'Event', attributes: { event_type: 'battles', certainty: 'probable' } })
  })

  it('relabelled back by a second key press, a tag gets back the attributes and links the first relabel set aside', () => {
    const { store, service, event } = setup()
    const actor = service.create(USER, { articleId: 1, label: 'Actor', fragments: [{ start: 13, end: 18 }] }).upserted[0]!
    service.update(USER, { id: event.id, attributes: { event_type: 'battles', date_start: '2025-08-19', fatalities_reported: 7 } })
    service.link(USER, { from: event.id, to: actor.id, type: 'perpetrator' })
    service.update(USER, { id: event.id, label: 'Actor' })
    expect(store.annotations.snapshot(event.id)).toMatchObject({ label: 'Actor', attributes: {}, links: [] })
    // a value typed while it was an Actor stays; the Event's own come back beside it
    const back = service.update(USER, { id: event.id, label: 'Event' })
    expect(back.description).toContain('brought back 3 attributes and 1 link it had as Event')
    expect(store.annotations.snapshot(event.id)).toMatchObject({ label: 'Event', attributes: { event_type: 'battles', date_start: '2025-08-19', fatalities_reported: 7 }, links: [{ type: 'perpetrator', to: actor.id }] })
    // one undo each: back to the Actor without them, then to the Event with them
    service.undo(USER, 1)
    expect(store.annotations.snapshot(event.id)).toMatchObject({ label: 'Actor', attributes: {}, links: [] })
  })

  it('brings back only what the latest relabel away set aside, not what an undone relabel had', () => {
    const { store, service, event } = setup()
    service.update(USER, { id: event.id, attributes: { event_type: 'battles' } })
    service.update(USER, { id: event.id, label: 'Claim' })
    service.undo(USER, 1)
    service.update(USER, { id: event.id, attributes: { event_type: null } })
    service.update(USER, { id: event.id, label: 'Claim' })
    // the first Event → Claim was undone; the second had no event_type to set aside
    expect(service.update(USER, { id: event.id, label: 'Event' }).description).not.toContain('brought back')
    expect(store.annotations.snapshot(event.id)!.attributes).toEqual({})
  })

  it('an edit that changes nothing (the same note, the same value) is not logged and leaves undo as it was', () => {
    const { store, service, event } = setup()
    service.update(USER, { id: event.id, note: 'seen in two reports', attributes: { event_type: 'battles' } })
    const rows = () => store.db.prepare('SELECT count(*) FROM change_log').pluck().get()
    const logged = rows()
    for (const input of [{ note: 'seen in two reports' }, { attributes: { event_type: 'battles' } }, { label: 'Event' }, { fragments: [{ start: 0, end: 59 }] }]) {
      const m = service.update(USER, { id: event.id, ...input })
      expect(m.description, JSON.stringify(input)).toBe('no change')
      expect(m.history.undoDescription).toMatch(/^set Event type/)
    }
    expect(rows()).toBe(logged)
  })
})
