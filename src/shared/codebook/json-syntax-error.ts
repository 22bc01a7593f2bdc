import { quoted } from '../text/quoted'

/** Where JSON text first goes wrong, as 1-based line and column, and what was expected there. */
export interface JsonSyntaxError {
  line: number
  column: number
  message: string
}

class Stop extends Error {
  constructor(
    readonly at: number,
    message: string
  ) {
    super(message)
  }
}

/**
 * Finds the first syntax error in JSON text (null when the text is valid). JSON.parse's own messages name
 * no position for an unexpected token, so this small recursive-descent reader locates it instead.
 */
export function jsonSyntaxError(text: string): JsonSyntaxError | null {
  let i = 0
  const describe = (at: number) => (at >= text.length ? 'the end of the file' : quoted(text[at]!))
  const fail = (expected: string): never => {
    throw new Stop(i, `expected ${expected} but found ${describe(i)}`)
  }
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++
  }
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length
    else fail('a value (an object, array, string, number, true, false or null)')
  }
  const string = () => {
    if (text[i] !== '"') fail('a string in double quotes')
    const start = i
    i++
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i)
      // a line break inside a string almost always means its closing quote is missing: point at its start
      if (c === 0x0a || c === 0x0d) throw new Stop(start, 'this string is not closed before the end of the line (missing ")')
      if (c < 0x20) throw new Stop(i, 'a string cannot contain a control character (write it as \\u00XX)')
      if (text[i] === '\\') {
        i++
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) throw new Stop(i, 'expected four hex digits after \\u')
          i += 4
        } else if (!'"\\/bfnrt'.includes(text[i] ?? '')) throw new Stop(i, `invalid escape \\${text[i] ?? ''}`)
      }
      i++
    }
    if (i >= text.length) throw new Stop(start, 'this string is not closed (missing ")')
    i++
  }
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400))
    if (!m) fail('a number')
    i += m![0].length
  }
  const value = (depth = 0): void => {
    space()
    if (depth > 512) throw new Stop(i, 'the JSON is nested too deeply')
    const c = text[i]
    if (c === '{') {
      i++
      space()
      if (text[i] === '}') return void i++
      for (;;) {
        space()
        string()
        space()
        if (text[i] !== ':') fail('“:” after the property name')
        i++
        value(depth + 1)
        space()
        if (text[i] === ',') {
          i++
          space()
          if (text[i] === '}') fail('another property (a trailing comma is not allowed)')
          continue
        }
        if (text[i] === '}') return void i++
        fail('“,” or “}”')
      }
    }
    if (c === '[') {
      i++
      space()
      if (text[i] === ']') return void i++
      for (;;) {
        value(depth + 1)
        space()
        if (text[i] === ',') {
          i++
          space()
          if (text[i] === ']') fail('another value (a trailing comma is not allowed)')
          continue
        }
        if (text[i] === ']') return void i++
        fail('“,” or “]”')
      }
    }
    if (c === '"') return string()
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number()
    if (c === 't') return literal('true')
    if (c === 'f') return literal('false')
    if (c === 'n') return literal('null')
    fail('a value (an object, array, string, number, true, false or null)')
  }
  try {
    value()
    space()
    if (i < text.length) fail('nothing more after the JSON value')
    return null
  } catch (error) {
    if (!(error instanceof Stop)) throw error
    const before = text.slice(0, error.at)
    return { line: before.split('\n').length, column: error.at - before.lastIndexOf('\n'), message: error.message }
  }
}
