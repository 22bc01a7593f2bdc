import { existsSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { ARTICLE_STATUSES } from '../../../../shared/domain'
import type { IssueSink } from '../imported-document'
import { parseJsonText } from '../json/read-json-file'
import { readLines } from '../json/read-lines'
import { readUtf8File } from '../read-utf8-file'
import type { W3cSourceInfo } from './w3c-document'

/** One line of a Spanwise W3C export's sources.jsonl: a target source IRI, its text and page files, its article fields. */
export interface W3cSource {
  article: string
  textFile: string
  pageFile?: string
  info: W3cSourceInfo
  line: number
}

const FIELDS = ['uid', 'title', 'source', 'url', 'published', 'language', 'fileName', 'note', 'importedAt', 'status'] as const

/** The sources index of an export folder, line by line; bad lines are reported and skipped. */
export function* readW3cSources(dir: string, issue: IssueSink): Generator<W3cSource> {
  for (const { line, text } of readLines(join(dir, 'sources.jsonl'), 'sources.jsonl', issue)) {
    if (text.trim() === '') continue
    const o = parseJsonText(text, 'sources.jsonl', issue, line) as Record<string, unknown> | undefined
    if (o === undefined) continue
    // a line of null, a number or a list is a bad line too, not a crash
    if (o === null || typeof o !== 'object' || typeof o['article'] !== 'string' || typeof o['textFile'] !== 'string') {
      issue({ file: 'sources.jsonl', line, severity: 'error', code: 'BAD_LINE', message: `sources.jsonl line ${line} needs "article" (the target source IRI) and "textFile".` })
      continue
    }
    const info: W3cSourceInfo = {}
    for (const f of FIELDS) if (typeof o[f] === 'string') (info as Record<string, unknown>)[f] = o[f]
    if (info.status !== undefined && !ARTICLE_STATUSES.includes(info.status)) {
      issue({ file: 'sources.jsonl', line, severity: 'warning', code: 'NOT_CARRIED', message: `sources.jsonl line ${line}: the status ${JSON.stringify(info.status)} is not one of ${ARTICLE_STATUSES.join(', ')}; the article keeps the status it has.` })
      delete info.status
    }
    if (o['metadata'] && typeof o['metadata'] === 'object') info.metadata = o['metadata'] as Record<string, unknown>
    yield { article: o['article'], textFile: o['textFile'], ...(typeof o['pageFile'] === 'string' ? { pageFile: o['pageFile'] } : {}), info, line }
  }
}

/** A file named by the index, if it exists inside the export folder (never outside it). */
export function fileInside(dir: string, name: string): string | null {
  const path = resolve(dir, name)
  const rel = relative(resolve(dir), path)
  if (rel.startsWith('..') || rel === '') return null
  return existsSync(path) ? path : null
}

/** An article text of the export (strict UTF-8, BOM dropped); null after reporting when it cannot be read. */
export const readText = (path: string, name: string, issue: IssueSink): string | null => readUtf8File(path, name, issue)?.replace(/^\uFEFF/, '') ?? null
