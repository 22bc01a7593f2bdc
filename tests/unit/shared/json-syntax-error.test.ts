import { describe, expect, it } from 'vitest'
import { jsonSyntaxError } from '../../../src/shared/codebook/json-syntax-error'

describe('jsonSyntaxError', () => {
  it('finds nothing wrong in valid JSON', () => {
    for (const ok of ['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"]} ', '"just a string"', '0']) expect(jsonSyntaxError(ok)).toBeNull()
  })

  it.each([
    ['{\n  "a": 1,\n}', 3, 1, 'expected another property (a trailing comma is not allowed) but found “}”'],
    ['[1, 2,]', 1, 7, 'expected another value (a trailing comma is not allowed) but found “]”'],
    ["{'a': 1}", 1, 2, 'expected a string in double quotes but found “\'”'],
    ['{"a" 1}', 1, 6, 'expected “:” after the property name but found “1”'],
    ['{"a": 1 "b": 2}', 1, 9, 'expected “,” or “}” but found “"”'],
    ['{"a": tru}', 1, 7, 'expected a value (an object, array, string, number, true, false or null) but found “t”'],
    ['{"a": "b\n"}', 1, 7, 'this string is not closed before the end of the line (missing ")'],
    ['{"a": "\\x"}', 1, 9, 'invalid escape \\x'],
    ['{"a": 1}\nxyz', 2, 1, 'expected nothing more after the JSON value but found “x”'],
    ['{"a": [', 1, 8, 'expected a value (an object, array, string, number, true, false or null) but found the end of the file'],
    ['', 1, 1, 'expected a value (an object, array, string, number, true, false or null) but found the end of the file']
  ])('%j: line %i, column %i', (text, line, column, message) => {
    expect(jsonSyntaxError(text)).toEqual({ line, column, message })
    expect(() => JSON.parse(text)).toThrow()
  })

  it('stops at absurd nesting instead of overflowing the stack', () => {
    expect(jsonSyntaxError('['.repeat(100_000))).toMatchObject({ message: 'the JSON is nested too deeply' })
  })
})
