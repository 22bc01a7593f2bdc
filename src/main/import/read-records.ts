import { basename, extname } from 'node:path'
import type { ImportIssueCode } from '../../shared/domain'
import { parseBoundedJson } from '../../shared/text/parse-bounded-json'
import { jsonValueText } from '../../shared/text/json-value-text'
import { normaliseDates } from './normalise-dates'
import { parseCsvRows } from './parse-csv-rows'

/** One article as read from a file, before its text is made canonical. */
export interface ArticleRecord {
  title: string
  text: string
  source: string
  url: string
  published: string
  language: string
  metadata: Record<string, unknown>
  /** 1-based line (JSONL) or record (CSV) number, for messages. */
  line?: number
}

export interface RecordIssue {
  line?: number
  code: ImportIssueCode
  message: string
  /** Errors by default: the record was not imported. */
  severity?: 'warning'
}

const FIELDS = {
  title: ['title', 'headline', 'name'],
  text: ['text', 'body', 'content', 'article', 'full_text'],
  source: ['source', 'outlet', 'publisher', 'publication'],
  url: ['url', 'link', 'href'],
  published: ['published', 'date', 'published_at', 'publication_date', 'pubdate', 'datetime'],
  language: ['language', 'lang']
} as const
type Field = keyof typeof FIELDS

/** Reads the articles in one decoded file: a whole .txt/.md file, or each line/row of a .jsonl/.csv file. */
export function readRecords(fileName: string, text: string): { records: ArticleRecord[]; issues: RecordIssue[] } {
  const ext = extname(fileName).toLowerCase()
  const table = ext === '.jsonl' || ext === '.ndjson' ? readJsonl(text) : ext === '.csv' ? readCsv(text) : null
  if (!table) return { records: [readPlain(fileName, text, ext === '.md' || ext === '.markdown')], issues: [] }
  // a table with no rows at all would otherwise import nothing without a word
  if (table.records.length === 0 && table.issues.length === 0)
    table.issues.push({ code: 'EMPTY_FILE', message: `the file holds no ${ext === '.csv' ? 'rows below its header' : 'records'}; each ${ext === '.csv' ? 'row' : 'line'} should be one article with a "text"` })
  // the written date stays in metadata with the other columns
  const { dates, warning } = normaliseDates(table.records.map((r) => r.published))
  table.records.forEach((r, i) => (r.published = dates[i]!))
  if (warning) table.issues.push({ code: 'AMBIGUOUS_DATE', severity: 'warning', message: warning })
  return table
}

function readPlain(fileName: string, text: string, markdown: boolean): ArticleRecord {
  return { title: plainTitle(text, markdown) || basename(fileName).replace(/\.[^.]+$/, ''), text, source: '', url: '', published: '', language: '', metadata: {} }
}

/** The longest first line taken as a headline; longer ones are opening paragraphs. */
const HEADLINE_MAX = 150

/**
 * The title a plain text gives itself: its Markdown heading, else its first line when it reads as a headline
 * (short, not ending like a sentence or clause: news files often open with the lede instead); '' when it has neither.
 */
export function plainTitle(text: string, markdown = false): string {
  const lines = text.split(/\r\n|\r|\n/)
  const heading = markdown ? lines.find((l) => /^#{1,6}\s+\S/.test(l)) : undefined
  if (heading) return heading.replace(/^#{1,6}\s+/, '').replace(/\s+#+\s*$/, '')
  const firstLine = lines.find((l) => l.trim() !== '')?.trim() ?? ''
  return firstLine.length <= HEADLINE_MAX && !/[.,;:…]$/.test(firstLine) ? firstLine : ''
}

/** A title for a record that has none and no headline: its opening words, cut at a word and marked as cut. */
function openingWords(text: string): string {
  const words = text.trim().replace(/\s+/g, ' ')
  if (words.length <= 80) return words
  const cut = words.slice(0, 80)
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : 80).replace(/[\s.,;:]+$/, '')}…`
}

function readJsonl(text: string): { records: ArticleRecord[]; issues: RecordIssue[] } {
  const records: ArticleRecord[] = []
  const issues: RecordIssue[] = []
  text.split('\n').forEach((raw, i) => {
    const line = i + 1
    if (raw.trim() === '') return
    let value: unknown
    try {
      value = parseBoundedJson(raw)
    } catch (error) {
      issues.push({ line, code: 'BAD_RECORD', message: `line ${line} is not valid JSON (${(error as Error).message}); fix or remove that line` })
      return
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      issues.push({ line, code: 'BAD_RECORD', message: `line ${line} is not a JSON object; each line must be {"title": …, "text": …}` })
      return
    }
    const result = toRecord(value as Record<string, unknown>, line)
    if ('issue' in result) issues.push(result.issue)
    else records.push(result.record)
  })
  return { records, issues }
}

function readCsv(text: string): { records: ArticleRecord[]; issues: RecordIssue[] } {
  let rows: { record: Record<string, string>; line: number }[]
  let issues: RecordIssue[]
  try {
    ;({ rows, issues } = parseCsvRows(text))
  } catch (error) {
    return { records: [], issues: [{ code: 'BAD_RECORD', message: `this CSV cannot be read: ${(error as Error).message}` }] }
  }
  const header = rows[0] ? Object.keys(rows[0].record) : []
  if (rows.length > 0 && !FIELDS.text.some((f) => header.includes(f))) {
    return {
      records: [],
      issues: [
        {
          code: 'MISSING_COLUMN',
          message: `this CSV has no text column (columns found: ${header.join(', ') || 'none'}); name the column holding the article text "text", "body" or "content"`
        }
      ]
    }
  }
  const records: ArticleRecord[] = []
  rows.forEach(({ record, line }) => {
    const result = toRecord(record, line)
    if ('issue' in result) issues.push(result.issue)
    else records.push(result.record)
  })
  return { records, issues }
}

function toRecord(obj: Record<string, unknown>, line: number): { record: ArticleRecord } | { issue: RecordIssue } {
  const lower = new Map(Object.entries(obj).map(([k, v]) => [k.trim().toLowerCase(), v]))
  const used = new Set<string>()
  const pick = (field: Field): string => {
    for (const name of FIELDS[field]) {
      const v = lower.get(name)
      if (v !== undefined && v !== null) {
        used.add(name)
        return jsonValueText(v)
      }
    }
    return ''
  }
  const text = pick('text')
  if (!lower.has('text') && !FIELDS.text.some((f) => lower.has(f)))
    return { issue: { line, code: 'MISSING_COLUMN', message: `record ${line} has no "text" field (it has: ${[...lower.keys()].join(', ')})` } }
  if (text.trim() === '') return { issue: { line, code: 'EMPTY_TEXT', message: `record ${line} has an empty text` } }
  const metadata: Record<string, unknown> = {}
  for (const [k, v] of lower) if (!used.has(k)) metadata[k] = v
  const title = pick('title').trim()
  return {
    record: {
      title: title || plainTitle(text) || openingWords(text),
      text,
      source: pick('source').trim(),
      url: pick('url').trim(),
      published: pick('published').trim(),
      language: pick('language').trim(),
      metadata,
      line
    }
  }
}
