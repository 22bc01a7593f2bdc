import { createHash, randomUUID } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { basename, extname } from 'node:path'
import type { ImportIssue } from '../../shared/domain'
import { countCodePoints } from '../../shared/offsets'
import type { NewArticle } from '../store/article-repository'
import { canonicalize } from './canonicalize'
import { collectFiles, isSupported } from './collect-files'
import { decodeText, FileRejected } from './decode-text'
import { BATCH_SIZE, MAX_TABLE_BYTES, MAX_TEXT_BYTES, TABLE_EXTENSIONS } from './import-limits'
import { readRecords } from './read-records'

/** A file to import: a path on disk, or bytes sent by a browser (named as the user's file). */
export type ImportInput = { kind: 'path'; path: string } | { kind: 'bytes'; name: string; bytes: Uint8Array }

/** An article read and checked, ready for the writer to stamp with its import batch. */
export type PreparedArticle = Omit<NewArticle, 'importBatchId' | 'importedAt'>

export class ImportCancelled extends Error {
  constructor() {
    super('the import was cancelled')
  }
}

/** What the reader hands on, in order: the file count first, then articles, issues and progress. */
export interface ImportSink {
  start(total: number): void
  articles(list: PreparedArticle[], fileIndex: number, fileName: string): void
  issue(issue: ImportIssue): void
  progress(fileIndex: number, fileName: string): void
}

/**
 * Reads, decodes, canonicalises and hashes every input (no database): it can run in its own thread,
 * ahead of the writer. Returns how many files in folders were skipped as unsupported.
 */
export function readImportFiles(inputs: ImportInput[], encoding: 'utf-8' | 'windows-1252', sink: ImportSink, isCancelled?: () => boolean): number {
  const files: { name: string; load: () => Uint8Array; size: () => number }[] = []
  let skipped = 0
  const missing: string[] = []
  for (const input of inputs) {
    if (input.kind === 'bytes') {
      files.push({ name: input.name, load: () => input.bytes, size: () => input.bytes.length })
      continue
    }
    const found = collectFiles([input.path])
    skipped += found.skipped
    missing.push(...found.missing)
    for (const f of found.files) files.push({ name: f, load: () => readFileSync(f), size: () => statSync(f).size })
  }
  sink.start(files.length)
  for (const m of missing) sink.issue({ file: m, severity: 'error', code: 'UNREADABLE', message: `${m}: no such file or folder` })

  files.forEach((file, index) => {
    if (isCancelled?.()) throw new ImportCancelled()
    const name = file.name
    const shortName = basename(name)
    sink.progress(index, shortName)
    const report = (issue: Omit<ImportIssue, 'file' | 'severity'>, severity: 'error' | 'warning' = 'error') =>
      sink.issue({ file: name, severity, ...issue, message: `${shortName}${issue.line ? ` (line ${issue.line})` : ''}: ${issue.message}` })
    if (!isSupported(name)) {
      report({ code: 'UNSUPPORTED_TYPE', message: `${extname(name) || 'files without an extension'} cannot be imported; use .txt, .md, .jsonl or .csv` })
      return
    }
    const isTable = (TABLE_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase())
    const limit = isTable ? MAX_TABLE_BYTES : MAX_TEXT_BYTES
    let size: number
    try {
      size = file.size()
    } catch (error) {
      report({ code: 'UNREADABLE', message: `cannot be read (${(error as Error).message})` })
      return
    }
    if (size > limit) {
      report({ code: 'FILE_TOO_LARGE', message: `the file is ${mb(size)}, above the ${mb(limit)} limit for ${isTable ? 'JSONL/CSV files' : 'one article'}; split it into smaller files` })
      return
    }
    let bytes: Uint8Array
    let decoded: { text: string; encoding: string }
    try {
      bytes = file.load()
      decoded = decodeText(bytes, encoding)
    } catch (error) {
      if (error instanceof FileRejected) report({ code: error.code, message: error.message, byteOffset: error.byteOffset })
      else report({ code: 'UNREADABLE', message: `cannot be read (${(error as Error).message})` })
      return
    }
    const originalSha256 = createHash('sha256').update(bytes).digest('hex')
    const { records, issues: recordIssues } = readRecords(name, decoded.text)
    for (const { severity, ...r } of recordIssues) report(r, severity)
    let list: PreparedArticle[] = []
    for (const record of records) {
      const { text, removed } = canonicalize(record.text)
      if (text.trim() === '') {
        report({ line: record.line, code: isTable ? 'EMPTY_TEXT' : 'EMPTY_FILE', message: isTable ? 'the text is empty' : 'the file has no text' })
        continue
      }
      if (Buffer.byteLength(text) > MAX_TEXT_BYTES) {
        report({ line: record.line, code: 'FILE_TOO_LARGE', message: `the text is above the ${mb(MAX_TEXT_BYTES)} limit for one article` })
        continue
      }
      if (removed > 0) report({ line: record.line, code: 'CHARACTERS_REMOVED', message: `${removed} control or invisible formatting character(s) were removed` }, 'warning')
      list.push({
        uid: randomUUID(),
        title: canonicalize(record.title).text.replace(/\s+/g, ' ').trim() || shortName,
        text,
        hash: createHash('sha256').update(text).digest('hex'),
        source: record.source,
        url: record.url,
        published: record.published,
        language: record.language,
        fileName: shortName,
        originalSha256,
        encoding: decoded.encoding,
        metadata: JSON.stringify(record.metadata),
        charCount: countCodePoints(text)
      })
      // a big JSONL/CSV file is handed on in slices, so memory and progress do not wait for its end
      if (list.length >= BATCH_SIZE) {
        if (isCancelled?.()) throw new ImportCancelled()
        sink.articles(list, index, shortName)
        list = []
      }
    }
    if (list.length) sink.articles(list, index, shortName)
  })
  if (skipped > 0) sink.issue({ file: '', severity: 'warning', code: 'UNSUPPORTED_TYPE', message: `${skipped} file(s) in the folder(s) were skipped: only .txt, .md, .jsonl and .csv are imported` })
  return skipped
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`
}
