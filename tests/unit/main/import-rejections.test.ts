import { truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ImportIssue } from '../../../src/shared/domain'
import { MAX_TEXT_BYTES } from '../../../src/main/import/import-limits'
import { runImport } from '../../../src/main/import/run-import'
import { cleanupTemp, createTempProject } from '../../helpers/project'

afterEach(cleanupTemp)

/** Writes one file into a new project's folder and imports it; returns the report and the project. */
function importOne(name: string, content: string | Buffer, encoding: 'utf-8' | 'windows-1252' = 'utf-8') {
  const project = createTempProject()
  const file = join(project.dir, name)
  writeFileSync(file, content)
  const report = runImport(project.store.db, [{ kind: 'path', path: file }], { encoding })
  return { ...project, path: file, report }
}

function onlyError(issues: ImportIssue[]): ImportIssue {
  const errors = issues.filter((i) => i.severity === 'error')
  expect(errors).toHaveLength(1)
  return errors[0]!
}

describe('runImport refuses bad files with a specific code and a message naming the file', () => {
  it('empty file → EMPTY_FILE', () => {
    const { report, path, store } = importOne('empty.txt', '')
    const issue = onlyError(report.issues)
    expect(issue).toMatchObject({ code: 'EMPTY_FILE', file: path })
    expect(issue.message).toBe('empty.txt: the file is empty')
    expect(report.imported).toBe(0)
    expect(store.articles.count()).toBe(0)
  })

  it('whitespace-only file → EMPTY_FILE', () => {
    const { report } = importOne('blank.txt', ' \r\n\t\n')
    expect(onlyError(report.issues)).toMatchObject({ code: 'EMPTY_FILE', message: 'blank.txt: the file has no text' })
  })

  it('PDF bytes → BINARY_FILE saying it is a PDF', () => {
    const { report, store } = importOne('report.txt', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'))
    const issue = onlyError(report.issues)
    expect(issue.code).toBe('BINARY_FILE')
    expect(issue.message).toMatch(/^report\.txt: this is a PDF document, not text/)
    expect(store.articles.count()).toBe(0)
  })

  it('PNG bytes → BINARY_FILE saying it is a PNG image', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])
    const issue = onlyError(importOne('photo.md', png).report.issues)
    expect(issue.code).toBe('BINARY_FILE')
    expect(issue.message).toMatch(/^photo\.md: this is a PNG image/)
  })

  it('a NUL byte → BINARY_FILE with its byte offset', () => {
    const issue = onlyError(importOne('dump.txt', Buffer.from('plain start\0then binary')).report.issues)
    expect(issue).toMatchObject({ code: 'BINARY_FILE', byteOffset: 11 })
    expect(issue.message).toBe('dump.txt: this looks like a binary file (a NUL byte at byte 11), not text')
  })

  it('invalid UTF-8 → INVALID_UTF8 with the byte offset; the same file imports as windows-1252 with é decoded', () => {
    // "Café in Bogotá “today”" as Windows-1252: é is the single byte 0xE9 at offset 3, the curly quotes 0x93/0x94
    const bytes = Buffer.from([...Buffer.from('Caf'), 0xe9, ...Buffer.from(' in Bogot'), 0xe1, 0x20, 0x93, ...Buffer.from('today'), 0x94, ...Buffer.from('.\n')])
    const first = importOne('latin.txt', bytes)
    const issue = onlyError(first.report.issues)
    expect(issue).toMatchObject({ code: 'INVALID_UTF8', byteOffset: 3, file: first.path })
    expect(issue.message).toContain('latin.txt: this is not valid UTF-8 (first bad byte at offset 3)')
    expect(issue.message).toContain('Windows-1252')
    expect(first.store.articles.count()).toBe(0)

    const again = runImport(first.store.db, [{ kind: 'path', path: first.path }], { encoding: 'windows-1252' })
    expect(again.issues).toEqual([])
    expect(again.imported).toBe(1)
    const article = first.store.articles.get(again.firstArticleId!)!
    expect(article.text).toBe('Café in Bogotá “today”.\n')
    // a one-sentence text is not a headline: the file name is the title
    expect(article.title).toBe('latin')
    expect(first.store.db.prepare('SELECT encoding FROM article').pluck().get()).toBe('windows-1252')
  })

  it('a text file above MAX_TEXT_BYTES → FILE_TOO_LARGE, judged by its size before it is read', () => {
    const project = createTempProject()
    const file = join(project.dir, 'huge.txt')
    writeFileSync(file, '')
    // a sparse file of NUL bytes: had it been read, it would have been refused as BINARY_FILE instead
    truncateSync(file, 60 * 1024 * 1024)
    const report = runImport(project.store.db, [{ kind: 'path', path: file }], { encoding: 'utf-8' })
    const issue = onlyError(report.issues)
    expect(issue.code).toBe('FILE_TOO_LARGE')
    expect(issue.message).toBe(`huge.txt: the file is 60.0 MB, above the ${(MAX_TEXT_BYTES / 1024 / 1024).toFixed(1)} MB limit for one article; split it into smaller files`)
    expect(project.store.articles.count()).toBe(0)
  })

  it('an unsupported file given by path → UNSUPPORTED_TYPE naming the extension', () => {
    const issue = onlyError(importOne('letter.docx', 'PK fake').report.issues)
    expect(issue.code).toBe('UNSUPPORTED_TYPE')
    expect(issue.message).toMatch(/^letter\.docx: \.docx cannot be imported/)
  })

  it('a path that does not exist → UNREADABLE naming it', () => {
    const project = createTempProject()
    const missing = join(project.dir, 'gone.txt')
    const report = runImport(project.store.db, [{ kind: 'path', path: missing }], { encoding: 'utf-8' })
    expect(onlyError(report.issues)).toMatchObject({ code: 'UNREADABLE', file: missing, message: `${missing}: no such file or folder` })
  })

  it('one bad file does not stop the good ones', () => {
    const project = createTempProject()
    writeFileSync(join(project.dir, 'a-good.txt'), 'Ceasefire announced\nThe front agreed.')
    writeFileSync(join(project.dir, 'b-empty.txt'), '')
    writeFileSync(join(project.dir, 'c-good.md'), '# Talks resume\n\nDelegates met in Vessen.')
    const report = runImport(project.store.db, [{ kind: 'path', path: project.dir }], { encoding: 'utf-8' })
    expect(report.imported).toBe(2)
    expect(onlyError(report.issues).message).toBe('b-empty.txt: the file is empty')
  })
})
