import { describe, expect, it } from 'vitest'
import { ArticleOffsets, findPhrases } from '../../../src/shared/offsets'
import { matchKey } from '../../../src/shared/text/fold-text'

describe('matchKey', () => {
  it('folds accents, case, punctuation and spacing, so spellings of one name agree', () => {
    expect(matchKey('Urabeños')).toBe('urabenos')
    expect(matchKey('  URABEÑOS ')).toBe('urabenos')
    expect(matchKey('Ejército  de\u00a0Liberación Nacional')).toBe('ejercito de liberacion nacional')
    expect(matchKey('Self-Defense Forces')).toBe('self defense forces')
    expect(matchKey('Clan Úsuga')).toBe(matchKey('clan usuga'))
    expect(matchKey('“AGC”')).toBe('agc')
  })
})

describe('findPhrases', () => {
  const text = 'The Urabeños, also known as the Gulf Clan (Clan del Golfo), clash with the GULF\u00a0CLAN’s rivals; gulf clans differ.'
  const offsets = new ArticleOffsets(text)

  it('finds whole-word, accent- and case-insensitive matches as code point ranges', () => {
    const found = findPhrases(text, ['gulf clan', 'urabenos']).map((r) => offsets.slice(r))
    expect(found).toEqual(['Urabeños', 'Gulf Clan', 'GULF\u00a0CLAN'])
  })

  it('counts offsets in code points, past astral characters', () => {
    const t = '𝐀 😀 ELN and the ELN.'
    const ranges = findPhrases(t, ['ELN'])
    expect(ranges).toHaveLength(2)
    expect(ranges.map((r) => new ArticleOffsets(t).slice(r))).toEqual(['ELN', 'ELN'])
    expect(ranges[0]!.start).toBe(4)
  })

  it('matches decomposed accents and other scripts’ case as well', () => {
    const nfd = 'Los Urabe\u006e\u0303os atacaron.'
    expect(findPhrases(nfd, ['urabeños']).map((r) => new ArticleOffsets(nfd).slice(r))).toEqual(['Urabe\u006e\u0303os'])
    expect(findPhrases('ΑΘΗΝΑ και αθήνα', ['Αθηνα'])).toHaveLength(2)
    expect(findPhrases('EMC, EMCEE and emc.', ['EMC'])).toEqual([{ start: 0, end: 3 }, { start: 15, end: 18 }])
  })

  it('keeps the longest of overlapping matches and ignores phrases with nothing to match', () => {
    const ranges = findPhrases('Clan del Golfo', ['Clan', 'Clan del Golfo', '—'])
    expect(ranges).toEqual([{ start: 0, end: 14 }])
    expect(findPhrases('anything', ['  ', '…'])).toEqual([])
  })
})
