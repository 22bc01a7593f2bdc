import { parse } from 'csv-parse/sync'
import type { RecordIssue } from './read-records'

interface CsvSkip {
  code?: string
  lines?: number
  record?: unknown[]
}

/**
 * Parses a CSV into rows keyed by lower-cased header, each with the line it ends on. A row csv-parse cannot read
 * is skipped and reported in our words with the line it starts on; the rows after it are still read, and
 * when a quote that never closes swallows the rest of the file, the message says which lines were lost.
 */
export function parseCsvRows(text: string): { rows: { record: Record<string, string>; line: number }[]; issues: RecordIssue[] } {
  // csv-parse counts a CRLF inside a quoted field as two lines; canonical text has LF only anyway
  const lf = text.replace(/\r\n?/g, '\n')
  const lines = lf.split('\n')
  const blank = (line: number) => (lines[line - 1] ?? '').trim() === ''
  const lastLine = lines.length - lines.slice().reverse().findIndex((l) => l.trim() !== '')
  const issues: RecordIssue[] = []
  let header: string[] = []
  // the line each row ends on: a skipped row starts on the first non-blank line after it
  let lastEnd = lines.findIndex((l) => l.replace(/^\uFEFF/, '').trim() !== '') + 1
  const startAfter = (end: number) => {
    let line = end + 1
    while (line < lastLine && blank(line)) line++
    return line
  }
  const rows = parse(lf, {
    bom: true,
    columns: (names: string[]) => (header = names.map((h) => h.trim().toLowerCase())),
    skip_empty_lines: true,
    // a stray quote inside a value is kept as text instead of failing the row
    relax_quotes: true,
    skip_records_with_error: true,
    info: true,
    on_record: (row: { record: Record<string, string>; info: { lines: number } }) => {
      lastEnd = row.info.lines
      return row
    },
    on_skip: (error: CsvSkip | undefined) => {
      if (!error) return
      // until the header is read, the row that fails is the header itself
      const start = header.length === 0 ? lastEnd : startAfter(lastEnd)
      const end = Math.min(error.lines ?? start, lastLine)
      lastEnd = end
      const row = end > start ? `the row on lines ${start}–${end}` : 'the row'
      if (error.code === 'CSV_QUOTE_NOT_CLOSED')
        issues.push({
          line: start,
          code: 'BAD_RECORD',
          message:
            end > start
              ? `a quote opens a field that is never closed, so the rest of the file from line ${start} (${end - start + 1} lines) could not be read as rows; check the quotes on line ${start}`
              : `a quote opens a field that is never closed; that row was skipped — check the quotes on line ${start}`
        })
      else if (error.code === 'CSV_RECORD_INCONSISTENT_COLUMNS' && Array.isArray(error.record))
        issues.push({
          line: start,
          code: 'BAD_RECORD',
          message: `${row} has ${error.record.length} ${error.record.length === 1 ? 'value' : 'values'} where the header has ${header.length} columns; that row was skipped — check its commas and quotes (a value with a comma needs double quotes around it)`
        })
      else issues.push({ line: start, code: 'BAD_RECORD', message: `${row} could not be read as CSV (a quote or comma out of place); that row was skipped — check its quotes` })
    }
  }) as { record: Record<string, string>; info: { lines: number } }[]
  return { rows: rows.map(({ record, info }) => ({ record, line: info.lines })), issues }
}
