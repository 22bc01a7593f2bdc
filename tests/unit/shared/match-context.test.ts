import { describe, expect, it } from 'vitest'
import { matchContext, SNIPPET_LINE } from '../../../src/shared/text/match-context'

const around = (text: string, match: string, line?: number) => {
  const start = text.indexOf(match)
  const { before, after } = matchContext(text, { start, end: start + match.length }, line)
  return `${before}[${match}]${after}`
}

describe('matchContext', () => {
  it('keeps a short text whole, without ellipses', () => {
    expect(around('Police blamed the Clan del Golfo.', 'Clan del Golfo')).toBe('Police blamed the [Clan del Golfo].')
  })

  it('trims long context at word boundaries on both sides, with an ellipsis where the text goes on', () => {
    const text = `${'alpha beta gamma delta '.repeat(5)}the Gulf Clan said${' more words follow here'.repeat(5)}`
    const s = around(text, 'Gulf Clan', 40)
    expect(s).toMatch(/^…\S.* \[Gulf Clan\] said .*\S…$/)
    const [before, after] = s.slice(1, -1).split(/\[Gulf Clan\]/)
    for (const word of before!.trim().split(' ')) expect(['alpha', 'beta', 'gamma', 'delta', 'the']).toContain(word)
    for (const word of after!.trim().split(' ')) expect(['said', 'more', 'words', 'follow', 'here']).toContain(word)
    expect(s.length).toBeLessThanOrEqual(40 + 4)
  })

  it('gives a long match the whole line: less context, never a cut match', () => {
    const name = 'Autodefensas Gaitanistas de Colombia del Estado Mayor Conjunto de las Fuerzas'
    const text = `According to the statement released on Monday by ${name}, nothing changed in the region this week.`
    const s = around(text, name)
    expect(s).toContain(`[${name}]`)
    expect(s.length).toBeLessThanOrEqual(SNIPPET_LINE + 4)
    expect(around(text, name, 20)).toBe(`…[${name}]…`)
  })

  it('shows line breaks and runs of spaces as one space', () => {
    expect(around('First paragraph.\n\nThe  Gulf Clan\tspoke.', 'Gulf Clan')).toBe('First paragraph. The [Gulf Clan] spoke.')
  })

  it('drops a word the window would cut, even a long one or one with astral characters', () => {
    const text = `😊😊😊😊😊😊😊😊😊😊😊😊😊😊😊😊😊😊😊😊 x ELN y 😊😊😊😊😊😊😊😊😊😊😊😊😊😊😊😊😊😊😊😊`
    expect(around(text, 'ELN', 13)).toBe('…x [ELN] y…')
    // a window edge between the two halves of an emoji
    expect(around(text, 'ELN', 15)).toBe('…x [ELN] y…')
    expect(around(text, 'ELN', 5)).toBe('…[ELN]…')
  })
})
