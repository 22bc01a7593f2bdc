import { describe, expect, it } from 'vitest'
import { classifyDisagreements } from '../../../src/shared/review/classify-disagreements'
import type { ComparedTag } from '../../../src/shared/review/review-unit'

const TEXT = 'Gunmen of the Mobile Column attacked police officers in Neiva, Huila, killing seven.'
const names = { ana: 'Ana', ben: 'Ben', cy: 'Cy' }
let n = 0
function tag(annotatorId: string, label: string, words: string, extra: Partial<ComparedTag> = {}): ComparedTag {
  const start = TEXT.indexOf(words)
  if (start < 0) throw new Error(`not in text: ${words}`)
  return { id: `t${++n}`, annotatorId, label, fragments: [{ start, end: start + words.length }], attributes: {}, links: [], ...extra }
}

describe('classifyDisagreements', () => {
  it('finds nothing to settle when both layers tagged the same span alike', () => {
    const units = classifyDisagreements([tag('ana', 'Actor', 'Mobile Column'), tag('ben', 'Actor', 'Mobile Column')], ['ana', 'ben'], { names })
    expect(units).toHaveLength(1)
    expect(units[0]!.kinds).toEqual([])
    expect(Object.values(units[0]!.members).every((m) => m !== null)).toBe(true)
  })

  it('classifies missing, boundary and label disagreements, in text order with numbers', () => {
    const a1 = tag('ana', 'Actor', 'Mobile Column')
    const b1 = tag('ben', 'Actor', 'the Mobile Column')
    const a2 = tag('ana', 'Event', 'attacked')
    const b2 = tag('ben', 'Claim', 'attacked')
    const a3 = tag('ana', 'Place', 'Neiva, Huila')
    const units = classifyDisagreements([a1, b1, a2, b2, a3], ['ana', 'ben'], { names })
    expect(units.map((u) => [u.number, u.kinds, u.members])).toEqual([
      [1, ['boundary'], { ana: a1.id, ben: b1.id }],
      [2, ['label'], { ana: a2.id, ben: b2.id }],
      [3, ['missing'], { ana: a3.id, ben: null }]
    ])
    expect(units[0]!.details).toEqual([`boundary: Ana ${a1.fragments[0]!.start}–${a1.fragments[0]!.end}, Ben ${b1.fragments[0]!.start}–${b1.fragments[0]!.end}`])
    expect(units[1]!.details).toEqual(['label: Ana Event, Ben Claim'])
    expect(units[2]!.details).toEqual(['only Ana tagged this; not Ben'])
    expect(units[0]!.start).toBe(TEXT.indexOf('the Mobile'))
  })

  it('compares attributes only between versions with the same label, treating choice lists as sets and empty as absent', () => {
    const units = classifyDisagreements(
      [
        tag('ana', 'Event', 'attacked', { attributes: { fatalities_low: 7, issues: ['peace', 'security'], note: '' } }),
        tag('ben', 'Event', 'attacked', { attributes: { fatalities_low: 8, issues: ['security', 'peace'] } })
      ],
      ['ana', 'ben'],
      { names }
    )
    expect(units[0]!.kinds).toEqual(['attribute'])
    expect(units[0]!.details).toEqual(['fatalities_low: Ana 7, Ben 8'])
  })

  it('compares links and tag references by the unit they point into, not by tag id', () => {
    const aCol = tag('ana', 'Actor', 'Mobile Column')
    const bCol = tag('ben', 'Actor', 'Mobile Column')
    const aPol = tag('ana', 'Actor', 'police officers')
    const bPol = tag('ben', 'Actor', 'police officers')
    const aEv = tag('ana', 'Event', 'attacked', { links: [{ type: 'perpetrator', to: aCol.id }], attributes: { about: aPol.id } })
    const bEv = tag('ben', 'Event', 'attacked', { links: [{ type: 'perpetrator', to: bCol.id }], attributes: { about: bPol.id } })
    const agreeing = classifyDisagreements([aCol, bCol, aPol, bPol, aEv, bEv], ['ana', 'ben'], { names, tagRefKeys: ['about'] })
    expect(agreeing.every((u) => u.kinds.length === 0)).toBe(true)
    const bEv2 = { ...bEv, links: [{ type: 'perpetrator', to: bPol.id }], attributes: { about: bCol.id } }
    const units = classifyDisagreements([aCol, bCol, aPol, bPol, aEv, bEv2], ['ana', 'ben'], { names, tagRefKeys: ['about'] })
    const event = units.find((u) => u.members['ana'] === aEv.id)!
    expect(event.kinds).toEqual(['attribute', 'relation'])
    expect(event.details).toEqual(['about: Ana #3, Ben #1', 'links: Ana perpetrator→#1, Ben perpetrator→#3'])
  })

  it('pairs one-to-one across three layers, preferring the same label, then the larger overlap', () => {
    const a = tag('ana', 'Actor', 'police officers')
    const b1 = tag('ben', 'Actor', 'police')
    const b2 = tag('ben', 'Actor', 'officers')
    const c = tag('cy', 'Place', 'police officers in Neiva')
    const c2 = tag('cy', 'Actor', 'officers')
    const units = classifyDisagreements([a, b1, b2, c, c2], ['ana', 'ben', 'cy'], { names })
    // Cy's Actor "officers" joins the unit with the same label; Cy's Place then pairs with Ben's leftover "police"
    expect(units.map((u) => [u.members, u.kinds])).toEqual([
      [{ ana: null, ben: b1.id, cy: c.id }, ['missing', 'boundary', 'label']],
      [{ ana: a.id, ben: b2.id, cy: c2.id }, ['boundary']]
    ])
    expect(units[1]!.details).toContain(`boundary: Ana ${a.fragments[0]!.start}–${a.fragments[0]!.end}, Ben ${b2.fragments[0]!.start}–${b2.fragments[0]!.end}, Cy ${c2.fragments[0]!.start}–${c2.fragments[0]!.end}`)
  })

  it('orders units on the same text by tag id in code-unit order, the same in every locale', () => {
    const span = tag('ana', 'Actor', 'Mobile Column')
    const units = classifyDisagreements([{ ...span, id: 'a-1' }, { ...span, id: 'B-2' }, { ...span, id: '9-3' }], ['ana', 'ben'], { names })
    expect(units.map((u) => u.id)).toEqual(['9-3', 'B-2', 'a-1'])
  })

  it('is deterministic and handles an empty layer', () => {
    const tags = [tag('ana', 'Actor', 'Mobile Column'), tag('ana', 'Event', 'attacked')]
    const one = classifyDisagreements(tags, ['ana', 'ben'], { names })
    expect(one.map((u) => u.kinds)).toEqual([['missing'], ['missing']])
    expect(classifyDisagreements([...tags].reverse(), ['ana', 'ben'], { names })).toEqual(one)
    expect(classifyDisagreements([], ['ana', 'ben'])).toEqual([])
  })
})
