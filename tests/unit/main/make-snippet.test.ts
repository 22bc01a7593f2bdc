import { describe, expect, it } from 'vitest'
import { SNIPPET_CLOSE as C, SNIPPET_OPEN as O } from '../../../src/shared/domain'
import { buildFtsQuery } from '../../../src/main/store/fts-query'
import { makeSnippet } from '../../../src/main/store/make-snippet'

const snip = (query: string, text: string, title = 'Title') => makeSnippet(buildFtsQuery(query)!, title, text)

describe('makeSnippet', () => {
  it('marks every match, ignoring case and accents as the index does', () => {
    expect(snip('bogota', 'Talks resumed in Bogotá; BOGOTA was calm.')).toBe(`Talks resumed in ${O}Bogotá${C}; ${O}BOGOTA${C} was calm.`)
  })

  it('marks the last word as a prefix from its third character, and phrases word by word', () => {
    expect(snip('"Clan del" gol', 'The Clan del Golfo, or Gulf Clan.')).toBe(`The ${O}Clan${C} ${O}del${C} ${O}Golfo${C}, or Gulf ${O}Clan${C}.`)
  })

  it('cuts a window around the first match with ellipses, keeping the original spelling and punctuation', () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}`)
    words[50] = 'ceasefire'
    const s = snip('ceasefire', words.join(' '))
    expect(s.startsWith('…w44 w45')).toBe(true)
    expect(s).toContain(`w49 ${O}ceasefire${C} w51`)
    expect(s.endsWith('w67…')).toBe(true)
  })

  it('falls back to the title when only the title matches', () => {
    expect(snip('frost', 'Nothing relevant here.', 'Late frost hits orchards')).toBe(`Late ${O}frost${C} hits orchards`)
  })
})
