import { JsonTooDeep } from '../../../../shared/text/parse-bounded-json'

/** Where in `text` a JSON.parse error happened, as 1-based line and column (V8's message often omits the position). */
export function jsonErrorPlace(text: string, error: unknown): { line: number; column: number; reason: string } {
  const message = error instanceof Error ? error.message : String(error)
  const reason = message.replace(/, ".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '')
  const pos = error instanceof JsonTooDeep ? error.position : firstSyntaxError(text)
  const before = text.slice(0, pos)
  return { line: before.split('\n').length, column: pos - before.lastIndexOf('\n'), reason }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const STRING = /"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/y
const SPACE = /[ \t\n\r]*/y

// a small JSON grammar walk that only answers "where does it first go wrong"
function firstSyntaxError(text: string): number {
  let i = 0
  const fail = (): never => {
    throw i
  }
  const space = () => {
    SPACE.lastIndex = i
    SPACE.exec(text)
    i = SPACE.lastIndex
  }
  const match = (re: RegExp) => {
    re.lastIndex = i
    if (!re.test(text)) fail()
    i = re.lastIndex
  }
  const value = (): void => {
    space()
    const c = text[i]
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']'
      i++
      space()
      if (text[i] === close) return void i++
      for (;;) {
        if (close === '}') {
          space()
          if (text[i] !== '"') fail()
          match(STRING)
          space()
          if (text[i] !== ':') fail()
          i++
        }
        value()
        space()
        if (text[i] === ',') i++
        else if (text[i] === close) return void i++
        else fail()
      }
    }
    if (c === '"') return match(STRING)
    for (const word of ['true', 'false', 'null']) if (text.startsWith(word, i)) return void (i += word.length)
    match(NUMBER)
  }
  try {
    value()
    space()
    if (i < text.length) fail()
    return text.length
  } catch (at) {
    return typeof at === 'number' ? at : 0
  }
}
