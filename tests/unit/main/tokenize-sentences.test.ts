import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ArticleOffsets, tokenizeSentences } from '../../../src/shared/offsets'

const tricky = fc.constantFrom('a', 'é', 'q\u0307', '😊', '𝔸', '\u00a0', ' ', '\n', '.', '?', '"', '👨🏻‍🚒', '3', ',', '’', '-', '中', '\t', '\u0085', '\u001f')
const trickyText = fc.array(tricky, { maxLength: 120 }).map((parts) => parts.join(''))

const texts = (text: string) => tokenizeSentences(text).map((s) => s.map((t) => t.text))

describe('tokenizeSentences', () => {
  it('splits words, numbers, punctuation and emoji, keeping combining marks and emoji sequences whole', () => {
    expect(texts('El ELN 😊 atacó q\u0307 𝔸lpha, 3.5 km; l’ELN 👨🏻‍🚒 🇨🇴 ex-combatiente')).toEqual([
      ['El', 'ELN', '😊', 'atacó', 'q\u0307', '𝔸lpha', ',', '3.5', 'km', ';', 'l’ELN', '👨🏻‍🚒', '🇨🇴', 'ex', '-', 'combatiente']
    ])
  })

  it('gives code point offsets whose slice is the token, after astral characters', () => {
    const text = '😊😊 𝔸 q\u0307uiet ELN.'
    const offsets = new ArticleOffsets(text)
    const tokens = tokenizeSentences(text).flat()
    expect(tokens.map((t) => [t.start, t.end])).toEqual([[0, 1], [1, 2], [3, 4], [5, 11], [12, 15], [15, 16]])
    for (const t of tokens) expect(offsets.slice(t)).toBe(t.text)
  })

  it('ends sentences after final punctuation (with closing quotes) and at line breaks', () => {
    expect(texts('Dijo "basta?!" Luego salió… Fin\nTitular sin punto\n\nOtro párrafo. 2')).toEqual([
      ['Dijo', '"', 'basta', '?', '!', '"'],
      ['Luego', 'salió', '…'],
      ['Fin'],
      ['Titular', 'sin', 'punto'],
      ['Otro', 'párrafo', '.'],
      ['2']
    ])
  })

  it('returns nothing for empty or blank text', () => {
    expect(tokenizeSentences('')).toEqual([])
    expect(tokenizeSentences(' \n\t ')).toEqual([])
  })

  it('covers every non-space character exactly once, in order, with tokens free of whitespace', () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        const offsets = new ArticleOffsets(text)
        const tokens = tokenizeSentences(text).flat()
        let previousEnd = 0
        for (const t of tokens) {
          expect(t.start).toBeGreaterThanOrEqual(previousEnd)
          expect(t.end).toBeGreaterThan(t.start)
          expect(offsets.slice(t)).toBe(t.text)
          // no character JavaScript or Python's str.split() treats as whitespace
          expect(/[\s\x1c-\x1f\x85]/u.test(t.text)).toBe(false)
          expect(offsets.slice({ start: previousEnd, end: t.start })).toMatch(/^[\s\x1c-\x1f\x85]*$/u)
          previousEnd = t.end
        }
        expect(offsets.slice({ start: previousEnd, end: offsets.lengthCp })).toMatch(/^[\s\x1c-\x1f\x85]*$/u)
      })
    )
  })
})
