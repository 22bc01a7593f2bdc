import { describe, expect, it } from 'vitest'
import { EXPORT_FORMAT_INFO, offsetsSentence } from '../../../src/shared/exchange/exchange-formats'

// words folded so that "code-point offsets" and "code points" compare equal
const words = (text: string) => (text.toLowerCase().replace(/['’]s\b/g, '').match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.replace(/(.)s$/, '$1'))
const runs = (text: string, n = 4) => {
  const w = words(text)
  return new Set(w.slice(0, Math.max(0, w.length - n + 1)).map((_, i) => w.slice(i, i + n).join(' ')))
}

describe('export format descriptions', () => {
  it.each(Object.entries(EXPORT_FORMAT_INFO))('%s: the summary, the offsets sentence and the drops never say the same thing twice', (_format, info) => {
    const shown = [info.summary, offsetsSentence(info.unit), ...info.drops]
    for (let i = 0; i < shown.length; i++)
      for (let j = i + 1; j < shown.length; j++) {
        const repeated = [...runs(shown[i]!)].filter((r) => runs(shown[j]!).has(r))
        expect(repeated, `“${shown[i]}” and “${shown[j]}”`).toEqual([])
      }
  })

  it.each(Object.entries(EXPORT_FORMAT_INFO))('%s: the summary leaves the offset unit to the offsets sentence', (_format, info) => {
    expect(info.summary).not.toMatch(/code[- ]points?|UTF-16|end[- ]exclusive|\boffsets?\b/i)
  })
})
