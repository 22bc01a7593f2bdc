import { readFileSync } from 'node:fs'
import type { IssueSink } from '../imported-document'
import { jsonErrorPlace } from './json-error-place'

/** Parses a whole JSON file (BOM dropped); reports a syntax error with its line and column and returns undefined. */
export function readJsonFile(path: string, name: string, issue: IssueSink): unknown {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '')
  return parseJsonText(text, name, issue)
}

/** Parses JSON text, reporting a syntax error as BAD_LINE with its place. */
export function parseJsonText(text: string, name: string, issue: IssueSink, firstLine = 1): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    const at = jsonErrorPlace(text, error)
    const line = at.line + firstLine - 1
    issue({ file: name, line, severity: 'error', code: 'BAD_LINE', message: `${name} line ${line}, column ${at.column}: not valid JSON (${at.reason}). Fix the file there and import it again.` })
    return undefined
  }
}
