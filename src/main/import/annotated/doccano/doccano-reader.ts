import { readFileSync, statSync } from 'node:fs'
import { basename, extname } from 'node:path'
import type { FormatReader, ImportedDocument, IssueSink } from '../imported-document'
import { collectByExtension } from '../collect-by-extension'
import { parseJsonText } from '../json/read-json-file'
import { readLines } from '../json/read-lines'
import { decodeUtf8, readUtf8File } from '../read-utf8-file'
import { readBoundedZip } from '../zip/read-bounded-zip'
import { ZIP_LIMITS } from '../zip/zip-limits'
import { ZipRefused } from '../zip/zip-refused'
import { doccanoDocument, type RecordPlace } from './doccano-record'

/**
 * Reads doccano JSONL (and the JSON or zip doccano exports). A record's own `annotator` names its coder (Spanwise
 * writes it). Otherwise, when the import holds several files (doccano exports one per member: `alice.jsonl`), each
 * file's name is its coder, except `all.jsonl` (a collaborative project); a single file's tags go to the coder the user names.
 */
export class DoccanoReader implements FormatReader {
  *read(paths: string[], issue: IssueSink): Iterable<ImportedDocument> {
    const files = [...collectByExtension(paths, ['.jsonl', '.json', '.zip'], issue)]
    this.byMember = files.length > 1
    for (const path of files) {
      const name = basename(path)
      if (extname(path).toLowerCase() === '.zip') yield* this.archive(path, name, issue)
      else if (extname(path).toLowerCase() === '.json') yield* this.records(readUtf8File(path, name, issue), name, issue)
      else yield* this.lines(path, name, issue)
    }
  }

  /** Several files: each is one member's. */
  private byMember = false

  private *lines(path: string, name: string, issue: IssueSink): Iterable<ImportedDocument> {
    const annotator = this.memberOf(name)
    let seen = false
    for (const { line, text } of readLines(path, name, issue)) {
      if (text.trim() === '') continue
      // doccano's own relation example is one pretty-printed object: a first line that is only an opening brace means JSON, not JSONL
      if (!seen && /^\s*[[{]\s*$/.test(text)) return yield* this.records(readUtf8File(path, name, issue), name, issue)
      seen = true
      const record = parseJsonText(text, name, issue, line)
      if (record === undefined) continue
      const doc = doccanoDocument(record, { file: name, line, annotator }, issue)
      if (doc) yield doc
    }
    if (!seen) issue({ file: name, severity: 'error', code: 'EMPTY_FILE', message: `${name} has no examples. Choose a doccano export with one JSON object per line.` })
  }

  private *records(text: string | null, name: string, issue: IssueSink): Iterable<ImportedDocument> {
    if (text === null) return
    const value = parseJsonText(text.replace(/^\uFEFF/, ''), name, issue)
    if (value === undefined) return
    if (isLabelStudioTasks(value)) {
      issue({ file: name, severity: 'error', code: 'NOT_THIS_FORMAT', message: `${name} looks like a Label Studio export (a JSON array of tasks with "data" and "annotations"), not doccano; import it again choosing the Label Studio format.` })
      return
    }
    const at: RecordPlace = { file: name, line: 1, annotator: this.memberOf(name) }
    for (const record of Array.isArray(value) ? value : [value]) {
      const doc = doccanoDocument(record, at, issue)
      if (doc) yield doc
    }
  }

  private *archive(path: string, name: string, issue: IssueSink): Iterable<ImportedDocument> {
    const limits = ZIP_LIMITS.doccano
    let entries: Map<string, Uint8Array>
    try {
      const size = statSync(path).size
      if (size > limits.fileBytes) {
        issue({ file: name, severity: 'error', code: 'FILE_TOO_LARGE', message: `${name} is ${Math.round(size / 2 ** 20)} MB, above the ${limits.fileBytes / 2 ** 20} MB Spanwise reads. ${limits.advice}` })
        return
      }
      // macOS adds __MACOSX/ and dot files beside the data: they are not examples
      entries = readBoundedZip(readFileSync(path), name, limits, (f) => /\.jsonl?$/i.test(f) && !f.split('/').some((p) => p.startsWith('.') || p === '__MACOSX'))
    } catch (error) {
      if (!(error instanceof ZipRefused)) throw error
      issue({ file: name, severity: 'error', code: error.issueCode, message: error.message })
      return
    }
    if (entries.size > 1) this.byMember = true
    for (const [entry, bytes] of [...entries].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const file = `${name}/${entry}`
      const text = decodeUtf8(bytes, file, issue)?.replace(/^\uFEFF/, '')
      if (text === undefined) continue
      if (entry.toLowerCase().endsWith('.json')) {
        yield* this.records(text, file, issue)
        continue
      }
      const lines = text.split(/\r?\n/)
      for (let i = 0; i < lines.length; i++) {
        if (lines[i]!.trim() === '') continue
        const record = parseJsonText(lines[i]!, file, issue, i + 1)
        const doc = record === undefined ? null : doccanoDocument(record, { file, line: i + 1, annotator: this.memberOf(entry) }, issue)
        if (doc) yield doc
      }
    }
  }

  /** The member a file belongs to, by its name, when the import holds several files. */
  private memberOf(file: string): string | undefined {
    const base = basename(file).replace(/\.jsonl?$/i, '')
    return this.byMember && base.toLowerCase() !== 'all' ? base : undefined
  }
}

// a task's text sits in "data" (an object), its tags in "annotations" or "predictions": every record would fail alike
function isLabelStudioTasks(value: unknown): boolean {
  const first: unknown = Array.isArray(value) ? value[0] : undefined
  if (!first || typeof first !== 'object') return false
  const task = first as Record<string, unknown>
  return !!task['data'] && typeof task['data'] === 'object' && (Array.isArray(task['annotations']) || Array.isArray(task['predictions']))
}
