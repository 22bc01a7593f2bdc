import { parseBoundedJson } from '../../../../shared/text/parse-bounded-json'
import type { IssueSink } from '../imported-document'
import { readUtf8File } from '../read-utf8-file'
import { jsonErrorPlace } from './json-error-place'

/** Parses a whole JSON file (strict UTF-8, BOM dropped); reports an encoding or syntax error with its place and returns undefined. */
export function readJsonFile(path: string, name: string, issue: IssueSink): unknown {
  const text = readUtf8File(path, name, issue)
  if (text === null) return undefined
  return parseJsonText(text.replace(/^\uFEFF/, ''), name, issue)
}

/** Parses JSON text, reporting a syntax error (or nesting too deep to store) as BAD_LINE with its place. */
export function parseJsonText(text: string, name: string, issue: IssueSink, firstLine = 1): unknown {
  try {
    return parseBoundedJson(text)
  } catch (error) {
    const at = jsonErrorPlace(text, error)
    const line = at.line + firstLine - 1
    issue({ file: name, line, severity: 'error', code: 'BAD_LINE', message: `${name} line ${line}, column ${at.column}: not valid JSON (${at.reason}). Fix the file there and import it again.` })
    return undefined
  }
}
