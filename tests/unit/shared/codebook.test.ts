import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Codebook } from '../../../src/shared/codebook/codebook-schema'
import { validateAttributes } from '../../../src/shared/codebook/validate-attributes'
import { validateCodebook } from '../../../src/shared/codebook/validate-codebook'

const raw = () => JSON.parse(readFileSync(join(__dirname, '../../../resources/codebook/default-codebook.json'), 'utf8'))
const defaults = (): Codebook => {
  const check = validateCodebook(raw())
  if (!check.ok) throw new Error(JSON.stringify(check.problems))
  return check.codebook
}
const problemsOf = (mutate: (cb: ReturnType<typeof raw>) => void) => {
  const cb = raw()
  mutate(cb)
  const check = validateCodebook(cb)
  return check.ok ? [] : check.problems
}

describe('the default codebook', () => {
  it('validates, with Actor/Event/Claim on 1/2/3, the optional Place and Quantity, and the 25 ACLED sub-types', () => {
    const cb = defaults()
    expect(cb.labels.map((l) => [l.name, l.hotkey])).toEqual([['Actor', '1'], ['Event', '2'], ['Claim', '3'], ['Place', '4'], ['Quantity', '5']])
    const event = cb.labels.find((l) => l.name === 'Event')!
    expect(event.attributes.find((a) => a.key === 'event_type')!.values).toHaveLength(6)
    expect(event.attributes.find((a) => a.key === 'sub_event_type')!.values).toHaveLength(25)
    expect(cb.relations.filter((r) => r.from === 'Event').map((r) => r.type)).toEqual(expect.arrayContaining(['perpetrator', 'target', 'victim', 'associated', 'located_at']))
    expect(cb.relations.filter((r) => r.from === 'Claim').map((r) => r.type)).toEqual(['claimant', 'addressee', 'object_actor', 'about_event', 'responds_to'])
  })
})

describe('validateCodebook refuses a bad codebook with the path of each problem', () => {
  it('a file that is not a codebook', () => {
    expect(problemsOf((cb) => (cb.format = 'label-studio'))).toEqual([{ path: 'format', message: 'this is not a Spanwise codebook (format must be "spanwise-codebook")' }])
  })

  it('structural problems, each at its path', () => {
    const problems = problemsOf((cb) => {
      cb.labels[0].color = 'blue'
      cb.labels[1].attributes[0].key = 'Event Type'
    })
    expect(problems.map((p) => p.path)).toEqual(['labels[0].color', 'labels[1].attributes[0].key'])
  })

  it('a hotkey clash names both labels', () => {
    expect(problemsOf((cb) => (cb.labels[2].hotkey = '1'))).toEqual([{ path: 'labels[2].hotkey', message: 'hotkey “1” is already used by Actor; choose another key' }])
    // the workbench's own letter keys are not label keys: L links the selected tag, N and P step through a review
    expect(problemsOf((cb) => (cb.labels[2].hotkey = 'l'))).toEqual([{ path: 'labels[2].hotkey', message: '“l” is the key for linking the selected tag; choose another key' }])
    expect(problemsOf((cb) => (cb.labels[0].hotkey = 'n')).map((p) => p.path)).toEqual(['labels[0].hotkey'])
  })

  it('a circular parent chain is shown in full; a missing parent is named', () => {
    const circular = problemsOf((cb) => {
      cb.labels[3].parent = 'Quantity'
      cb.labels[4].parent = 'Place'
    })
    expect(circular[0]).toEqual({ path: 'labels[3].parent', message: 'circular parents: Place → Quantity → Place' })
    expect(problemsOf((cb) => (cb.labels[3].parent = 'Location'))).toEqual([{ path: 'labels[3].parent', message: 'the parent label “Location” does not exist' }])
  })

  it('a sub-type whose parent is not a value of the type, duplicate values and keys, dangling relations and rules', () => {
    const problems = problemsOf((cb) => {
      const event = cb.labels[1]
      event.attributes[1].values[0].parent = 'wars'
      event.attributes[0].values.push({ ...event.attributes[0].values[0] })
      event.attributes.push({ ...event.attributes[2] })
      cb.relations.push({ type: 'located_in', name: 'In', from: 'Event', to: ['Region'], cardinality: 'one' })
      cb.rules.push({ kind: 'not_after', label: 'Event', a: 'summary', b: 'date_end' })
      cb.rules.push({ kind: 'not_after', label: 'Event', a: 'date_start', b: 'fatalities_low' })
    })
    expect(problems).toEqual([
      { path: 'labels[1].attributes[0].values[6].value', message: 'the value “battles” appears twice' },
      { path: 'labels[1].attributes[1].values[0].parent', message: '“wars” is not a value of event_type' },
      { path: `labels[1].attributes[${raw().labels[1].attributes.length}].key`, message: 'the attribute key “date_start” appears twice in Event' },
      { path: `relations[${raw().relations.length}].to[0]`, message: 'the label “Region” does not exist' },
      { path: `rules[${raw().rules.length}].a`, message: '“summary” is text; only dates and numbers can be compared' },
      { path: `rules[${raw().rules.length + 1}].b`, message: '“date_start” is a date and “fatalities_low” a number; compare a date with a date, or a number with a number' }
    ])
  })
})

describe('validateAttributes', () => {
  const cb = defaults()
  const huila = { event_type: 'violence_against_civilians', sub_event_type: 'attack', date_start: '2025-08-21', date_precision: 'day', location_text: 'Huila', fatalities_reported: 7 }

  it('accepts a complete, consistent event', () => {
    expect(validateAttributes(cb, 'Event', huila)).toEqual([])
  })

  it('flags missing required attributes as missing, not invalid', () => {
    expect(validateAttributes(cb, 'Event', { event_type: 'battles' }).map((p) => [p.key, p.kind])).toEqual([
      ['sub_event_type', 'missing'],
      ['date_start', 'missing'],
      ['date_precision', 'missing'],
      ['location_text', 'missing']
    ])
  })

  it('refuses a value outside the allowed set and a sub-type of another type', () => {
    expect(validateAttributes(cb, 'Event', { ...huila, event_type: 'massacre' })[0]).toMatchObject({ key: 'event_type', kind: 'invalid' })
    expect(validateAttributes(cb, 'Event', { ...huila, sub_event_type: 'armed_clash' })).toEqual([
      { key: 'sub_event_type', kind: 'invalid', message: 'Sub-event type “Armed clash” does not belong to event_type “violence_against_civilians”' }
    ])
  })

  it('checks types, ranges and the not-after rules (dates and fatality figures)', () => {
    expect(validateAttributes(cb, 'Event', { ...huila, fatalities_reported: -1 })[0]!.message).toBe('Fatalities (as reported) must be at least 0')
    expect(validateAttributes(cb, 'Event', { ...huila, date_start: '2025-02-30' })[0]).toMatchObject({ key: 'date_start' })
    expect(validateAttributes(cb, 'Event', { ...huila, date_end: '2025-08-20' })).toEqual([{ key: 'date_end', kind: 'invalid', message: 'The end date is before the start date.' }])
    expect(validateAttributes(cb, 'Event', { ...huila, fatalities_low: 9, fatalities_high: 5 })).toEqual([
      { key: 'fatalities_high', kind: 'invalid', message: 'The low fatality figure is above the high one.' },
      { key: 'fatalities_reported', kind: 'invalid', message: 'The reported fatality figure is below the low one.' }
    ])
    expect(validateAttributes(cb, 'Claim', { form: 'statement', issues: ['ceasefire', 'tax_reform'], position: 'oppose' })[0]).toMatchObject({ key: 'issues', kind: 'invalid' })
    expect(validateAttributes(cb, 'Event', { ...huila, weather: 'rain' })).toEqual([{ key: 'weather', kind: 'invalid', message: 'Event has no attribute “weather”' }])
  })
})
