import { describe, expect, it } from 'vitest'
import { REFI_ATTRIBUTES_HEADING, formatTagNote, parseTagNote } from '../../../src/shared/exchange/refi-tag-note'

describe('REFI-QDA tag note (note text + attribute lines)', () => {
  it.each([
    ['note only', 'a note', {}],
    ['attributes only', '', { n: 1, s: 'x\ny', list: ['a', 'b'], flag: false, none: null, nested: { k: [1] } }],
    ['both', 'two\n\nparagraphs', { entity: 'actor-1' }],
    ['a note that quotes the heading', `see\n\n${REFI_ATTRIBUTES_HEADING}\nfake: 1`, {}],
    ['a note that starts with the heading, with attributes', `${REFI_ATTRIBUTES_HEADING}\nfake: 1`, { real: 2 }],
    ['nothing', '', {}]
  ])('round-trips %s', (_, note, attributes) => {
    expect(parseTagNote(formatTagNote(note, attributes))).toEqual({ note, attributes, bad: [] })
  })

  it('is readable: one "key: JSON" line per attribute under the heading', () => {
    expect(formatTagNote('seen twice', { mention_form: 'acronym', fatalities: 3 })).toBe(`seen twice\n\n${REFI_ATTRIBUTES_HEADING}\nmention_form: "acronym"\nfatalities: 3`)
  })

  it('keeps the lines it cannot read apart, so the reader can report them', () => {
    const parsed = parseTagNote(`n\n\n${REFI_ATTRIBUTES_HEADING}\nok: true\nBad Key: 1\nvalue: not json`)
    expect(parsed).toEqual({ note: 'n', attributes: { ok: true }, bad: ['Bad Key: 1', 'value: not json'] })
  })
})
