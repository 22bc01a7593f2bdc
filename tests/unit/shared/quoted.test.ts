import { describe, expect, it } from 'vitest'
import { quoted } from '../../../src/shared/text/quoted'
import { describeFragmentChange } from '../../../src/main/annotations/describe-fragment-change'

describe('quoted', () => {
  it('wraps text in curly quotes', () => {
    expect(quoted('Clan del Golfo')).toBe('“Clan del Golfo”')
    expect(quoted('')).toBe('“”')
  })

  it('does not wrap a quote that is already wrapped in quotation marks', () => {
    expect(quoted('“We will not negotiate”')).toBe('“We will not negotiate”')
    expect(quoted('«paz total»')).toBe('«paz total»')
    expect(quoted('"Gulf Clan"')).toBe('"Gulf Clan"')
  })

  it('wraps a quote that only starts or only ends with a mark, or holds a quoted phrase inside', () => {
    expect(quoted('“We will not negotiate,')).toBe('““We will not negotiate,”')
    expect(quoted('the “peace” talks')).toBe('“the “peace” talks”')
    expect(quoted('“')).toBe('““”')
  })

  it('cuts long text inside the marks, keeping the closing mark', () => {
    expect(quoted('abcdefghij', 5)).toBe('“abcd…”')
    expect(quoted('“abcdefghij”', 5)).toBe('“abcd…”')
    expect(quoted('abcde', 5)).toBe('“abcde”')
    expect(quoted('😊😊😊😊😊😊', 3)).toBe('“😊😊…”')
  })

  it('is what the undo history uses for a fragment that is itself in quotation marks', () => {
    const f = (quote: string) => ({ start: 0, end: quote.length, quote, prefix: '', suffix: '' })
    const said = f('“No habrá tregua”')
    expect(describeFragmentChange('Claim', [f('dijo')], [f('dijo'), said])).toBe('add fragment “No habrá tregua” to Claim “dijo”')
  })
})
