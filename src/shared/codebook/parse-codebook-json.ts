import { jsonSyntaxError } from './json-syntax-error'
import { type CodebookCheck, validateCodebook } from './validate-codebook'

/** Parses a codebook file's text and checks it; a syntax error is reported with its line and column. */
export function parseCodebookJson(text: string): CodebookCheck {
  const body = text.replace(/^\uFEFF/, '')
  let data: unknown
  try {
    data = JSON.parse(body)
  } catch (error) {
    const found = jsonSyntaxError(body)
    const message = found ? `not valid JSON at line ${found.line}, column ${found.column}: ${found.message}` : `not valid JSON: ${(error as Error).message}`
    return { ok: false, problems: [{ path: '(root)', message }] }
  }
  return validateCodebook(data)
}
