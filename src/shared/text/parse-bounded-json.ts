/** Deepest nesting an imported JSON value may have: real files stay far below it, SQLite's JSON functions stop at 1000 and JSON.stringify overflows the stack long before 100,000. */
export const MAX_JSON_DEPTH = 100

/** JSON text nested deeper than MAX_JSON_DEPTH; `position` is the UTF-16 offset of the bracket that goes too deep. */
export class JsonTooDeep extends SyntaxError {
  constructor(readonly position: number) {
    super(`it is nested more than ${MAX_JSON_DEPTH} levels deep`)
  }
}

/** JSON.parse for imported text: throws a SyntaxError (JsonTooDeep) instead of returning a value nested too deeply to store. */
export function parseBoundedJson(text: string): unknown {
  const at = tooDeepAt(text)
  if (at !== -1) throw new JsonTooDeep(at)
  return JSON.parse(text)
}

// brackets inside strings do not count; the scan does not validate, JSON.parse does
function tooDeepAt(text: string): number {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) return i
    } else if (c === 0x5d || c === 0x7d) depth--
  }
  return -1
}
