import { describe, expect, it } from 'vitest'
import { SNIPPET_CLOSE as C, SNIPPET_OPEN as O } from '../../../src/shared/domain'
import { buildFtsQuery } from '../../../src/main/store/fts-query'
import { makeSnippet } from '../../../src/main/store/make-snippet'

const snip = (query: string, text: string, title = 'Title') => makeSnippet(buildFtsQuery(query)!, title, text)

describe('makeSnippet', () => {
  it('marks every match, ignoring case and accents as the index does', () => {
    expect(snip('bogota', 'Talks resumed in Bogotá; BOGOTA was calm.')).toBe(`Talks resumed in ${O}Bogotá${C}; ${O}BOGOTA${C} was calm.`)
  })

  it('marks the last word as a prefix from its third character, and a phrase as one match only where all its words are', () => {
    expect(snip('"Clan del" gol', 'The Clan del Golfo, or Gulf Clan.')).toBe(`The ${O}Clan del${C} ${O}Golfo${C}, or Gulf Clan.`)
  })

  it('centres the window on the phrase itself, not on an earlier lone word of it', () => {
    const filler = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ')
    const s = snip('"Gulf Clan"', `The clan elders met. ${filler} Then the Gulf Clan spoke.`)
    expect(s).toContain(`the ${O}Gulf Clan${C} spoke.`)
    expect(s).not.toContain(`${O}clan${C}`)
  })

  it('never cuts a long phrase at the window’s edge', () => {
    const phrase = Array.from({ length: 30 }, (_, i) => `p${i}`).join(' ')
    const s = snip(`"${phrase}"`, `Before it. ${phrase}. After it ${Array.from({ length: 40 }, () => 'x').join(' ')}`)
    expect(s).toBe(`Before it. ${O}${phrase}${C}…`)
  })

  it('falls back to the first words, cut at a word boundary, when no word matches', () => {
    const words = Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ')
    expect(snip('zebra', words)).toBe(`${words.split(' ').slice(0, 24).join(' ')}…`)
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
