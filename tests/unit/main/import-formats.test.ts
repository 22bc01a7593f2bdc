import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runImport } from '../../../src/main/import/run-import'
import { cleanupTemp, cpIndexOf, createTempProject, type TempProject } from '../../helpers/project'

afterEach(cleanupTemp)

function importPath(project: TempProject, path: string) {
  return runImport(project.store.db, [{ kind: 'path', path }], { encoding: 'utf-8' })
}

function allArticles(project: TempProject) {
  return project.store.articles.list({ sort: 'imported', dir: 'asc', limit: 500 }).rows.map((r) => project.store.articles.get(r.id)!)
}

describe('plain text normalisation', () => {
  it('strips a UTF-8 BOM and turns CRLF into LF without reporting anything; offsets count from the first real character', () => {
    const project = createTempProject()
    const file = join(project.dir, 'windows.txt')
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Talks resume\r\nThe Front met the army.\r\n', 'utf8')]))
    const report = importPath(project, file)
    expect(report.issues).toEqual([])
    const article = project.store.articles.get(report.firstArticleId!)!
    expect(article.text).toBe('Talks resume\nThe Front met the army.\n')
    expect(article.text).not.toContain('\r')
    expect(article.text.codePointAt(0)).toBe('T'.codePointAt(0))
    expect(article.title).toBe('Talks resume')
    expect(cpIndexOf(article.text, 'Front')).toBe(17)
    expect(article.charCount).toBe(article.text.length)
  })

  it('takes a Markdown file title from its first heading', () => {
    const project = createTempProject()
    const file = join(project.dir, 'note.md')
    writeFileSync(file, 'Draft, do not cite\n\n## Rebels free prisoners ##\n\nBody text.')
    const article = project.store.articles.get(importPath(project, file).firstArticleId!)!
    expect(article.title).toBe('Rebels free prisoners')
    expect(article.fileName).toBe('note.md')
  })

  it('titles an article whose first line is too long for a title by its file name, without folder or extension', () => {
    const project = createTempProject()
    const file = join(project.dir, 'one-long-line.txt')
    writeFileSync(file, `${'word '.repeat(60)}end.`)
    const article = project.store.articles.get(importPath(project, file).firstArticleId!)!
    expect(article.title).toBe('one-long-line')
  })

  it('titles a text that opens with its lede, not a headline, by its file name', () => {
    const project = createTempProject()
    const file = join(project.dir, 'lede-first.txt')
    writeFileSync(file, 'Rebels of the Coastal Front freed nine prisoners on Sunday, the mediators said.\n\nThe release came after talks.')
    expect(project.store.articles.get(importPath(project, file).firstArticleId!)!.title).toBe('lede-first')
  })

  it('titles a JSONL record without a title by its headline line, else by its opening words cut at a word', () => {
    const project = createTempProject()
    const file = join(project.dir, 'untitled.jsonl')
    const lede = 'Rebels of the Coastal Front freed nine prisoners on Sunday in the hills above Port Selma, the mediators said.'
    writeFileSync(file, [JSON.stringify({ text: `Prisoners freed\n${lede}` }), JSON.stringify({ text: lede })].join('\n'))
    importPath(project, file)
    expect(allArticles(project).map((a) => a.title).sort()).toEqual(['Prisoners freed', 'Rebels of the Coastal Front freed nine prisoners on Sunday in the hills above…'])
  })

  it('imports HTML and script text verbatim, as text', () => {
    const project = createTempProject()
    const file = join(project.dir, 'page.txt')
    const html = '<h1>Title</h1>\n<script>alert("x")</script>\n<img src=x onerror="alert(1)"> &amp; done'
    writeFileSync(file, html)
    const article = project.store.articles.get(importPath(project, file).firstArticleId!)!
    expect(article.text).toBe(html)
    expect(article.title).toBe('<h1>Title</h1>')
  })

  it('removes control and bidi-override characters and warns with CHARACTERS_REMOVED', () => {
    const project = createTempProject()
    const file = join(project.dir, 'controls.txt')
    writeFileSync(file, 'Safe\u0007 text \u202Ewith override\u202C.')
    const report = importPath(project, file)
    expect(report.issues).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'CHARACTERS_REMOVED', message: 'controls.txt: 3 control or invisible formatting character(s) were removed' })
    ])
    expect(project.store.articles.get(report.firstArticleId!)!.text).toBe('Safe text with override.')
  })
})

describe('JSONL', () => {
  it('imports the good lines and reports a malformed line with its line number', () => {
    const project = createTempProject()
    const file = join(project.dir, 'feed.jsonl')
    writeFileSync(
      file,
      [
        JSON.stringify({ title: 'First', text: 'One text.', source: 'Wire', url: 'https://example.org/1', lang: 'en', section: 'world' }),
        '{"title": "Broken", "text": "no closing brace"',
        '',
        JSON.stringify({ headline: 'Third', body: 'Three text.', date: '2031-03-03' }),
        JSON.stringify({ title: 'No text here' }),
        '[1, 2]'
      ].join('\n')
    )
    const report = importPath(project, file)
    expect(report.imported).toBe(2)
    const issues = report.issues.map((i) => ({ code: i.code, line: i.line, file: i.file }))
    expect(issues).toEqual([
      { code: 'BAD_RECORD', line: 2, file },
      { code: 'MISSING_COLUMN', line: 5, file },
      { code: 'BAD_RECORD', line: 6, file }
    ])
    expect(report.issues[0]!.message).toMatch(/^feed\.jsonl \(line 2\): line 2 is not valid JSON/)
    expect(report.issues[1]!.message).toBe('feed.jsonl (line 5): record 5 has no "text" field (it has: title)')

    const [first, third] = allArticles(project)
    expect(first).toMatchObject({ title: 'First', text: 'One text.', source: 'Wire', url: 'https://example.org/1', language: 'en', metadata: { section: 'world' } })
    expect(third).toMatchObject({ title: 'Third', text: 'Three text.', published: '2031-03-03' })
  })
})

describe('CSV', () => {
  it('refuses a CSV without a text column with MISSING_COLUMN naming the columns found', () => {
    const project = createTempProject()
    const file = join(project.dir, 'sheet.csv')
    writeFileSync(file, 'Title,Author,Date\nCeasefire,Ana,2031-03-03\n')
    const report = importPath(project, file)
    expect(report.imported).toBe(0)
    expect(report.issues).toHaveLength(1)
    expect(report.issues[0]).toMatchObject({ code: 'MISSING_COLUMN', file, severity: 'error' })
    expect(report.issues[0]!.message).toContain('sheet.csv: this CSV has no text column (columns found: title, author, date)')
  })

  it('reads quoted multi-line fields and keeps title, source, published and other columns as metadata', () => {
    const project = createTempProject()
    const file = join(project.dir, 'export.csv')
    writeFileSync(
      file,
      [
        'title,source,published,text,section',
        '"Ceasefire, extended",Maravia Wire,2031-04-02,"First paragraph.',
        'Second ""quoted"" paragraph, with a comma.",World',
        'Market bombing,Port Selma Herald,2031-04-21,One line only.,Local',
        ''
      ].join('\r\n')
    )
    const report = importPath(project, file)
    expect(report.issues).toEqual([])
    expect(report.imported).toBe(2)
    const [a, b] = allArticles(project)
    expect(a).toMatchObject({
      title: 'Ceasefire, extended',
      source: 'Maravia Wire',
      published: '2031-04-02',
      text: 'First paragraph.\nSecond "quoted" paragraph, with a comma.',
      metadata: { section: 'World' },
      fileName: 'export.csv'
    })
    expect(b).toMatchObject({ title: 'Market bombing', source: 'Port Selma Herald', published: '2031-04-21', text: 'One line only.' })
  })

  it('reports an empty text cell with EMPTY_TEXT and its record number', () => {
    const project = createTempProject()
    const file = join(project.dir, 'gaps.csv')
    writeFileSync(file, 'title,text\nGood,Some text\nEmpty,\n')
    const report = importPath(project, file)
    expect(report.imported).toBe(1)
    expect(report.issues).toEqual([expect.objectContaining({ code: 'EMPTY_TEXT', line: 3, message: 'gaps.csv (line 3): record 3 has an empty text' })])
  })

  it('skips a row with a broken quote in our words, with its own line, and imports the valid rows after it', () => {
    const project = createTempProject()
    const file = join(project.dir, 'badquote.csv')
    writeFileSync(file, 'title,text\r\n"Broken quote,"unterminated text here\r\nx,"a "b" c"\r\ny,a "b" c\r\nok,fine text\r\n')
    const report = importPath(project, file)
    expect(allArticles(project).map((a) => a.text)).toEqual(['"a "b" c"', 'a "b" c', 'fine text'])
    expect(report.issues.map((i) => [i.line, i.message])).toEqual([
      [2, 'badquote.csv (line 2): the row has 1 value where the header has 2 columns; that row was skipped — check its commas and quotes (a value with a comma needs double quotes around it)']
    ])
  })

  it('says which lines are lost when a quote that never closes swallows the rest of the file', () => {
    const project = createTempProject()
    const file = join(project.dir, 'unclosed.csv')
    writeFileSync(file, 'title,text\r\nfirst,fine text\r\n\r\nx,"unclosed text\r\nok,fine text\r\nmore,text\r\n')
    const report = importPath(project, file)
    expect(allArticles(project).map((a) => a.text)).toEqual(['fine text'])
    expect(report.issues.map((i) => [i.line, i.message])).toEqual([
      [4, 'unclosed.csv (line 4): a quote opens a field that is never closed, so the rest of the file from line 4 (3 lines) could not be read as rows; check the quotes on line 4']
    ])
  })

  it('normalises a spelled-out date to the calendar date written, whatever the time zone', () => {
    const saved = process.env.TZ
    try {
      for (const tz of ['Pacific/Kiritimati', 'UTC', 'America/Bogota', 'Pacific/Pago_Pago']) {
        process.env.TZ = tz
        const project = createTempProject()
        const file = join(project.dir, 'dates.csv')
        writeFileSync(
          file,
          'title,date,text\nA,"March 3, 2031",Alpha text\nB,"3 de marzo de 2031",Bravo text\nC,"Mon, 03 Mar 2031 23:30:00 GMT",Charlie text\n'
        )
        importPath(project, file)
        expect(allArticles(project).map((a) => a.published), tz).toEqual(['2031-03-03', '2031-03-03', '2031-03-03'])
      }
    } finally {
      if (saved === undefined) delete process.env.TZ
      else process.env.TZ = saved
    }
  })
})

describe('article dates', () => {
  const importDates = (dates: string[], name = 'dates.csv') => {
    const project = createTempProject()
    const file = join(project.dir, name)
    writeFileSync(file, ['title,date,text', ...dates.map((d, i) => `T${i},"${d}",Text ${i}`)].join('\n') + '\n')
    const report = importPath(project, file)
    const articles = allArticles(project)
    return { report, published: articles.map((a) => a.published), metadata: articles.map((a) => a.metadata) }
  }

  it('keeps ISO dates, and never invents a year: a day and month alone, or a number, stay as written', () => {
    const { report, published, metadata } = importDates(['2031', '2031-03', '2031-03-09T10:00:00-05:00', '5 March', '1', 'last Tuesday', 'March 2031'])
    expect(published).toEqual(['2031', '2031-03', '2031-03-09T10:00:00-05:00', '5 March', '1', 'last Tuesday', '2031-03'])
    expect(report.issues).toEqual([])
    expect(metadata[6]).toMatchObject({ date: 'March 2031' })
  })

  it('reads numeric dates in the order the file shows: a first part over 12 makes the whole file day-first, a second part month-first', () => {
    expect(importDates(['02/03/2024', '13/03/2024', '3.9.2031']).published).toEqual(['2024-03-02', '2024-03-13', '2031-09-03'])
    expect(importDates(['02/03/2024', '03/13/2024', '03-09-2031']).published).toEqual(['2024-02-03', '2024-03-13', '2031-03-09'])
    expect(importDates(['03/03/2024']).published).toEqual(['2024-03-03'])
  })

  it('keeps numeric dates as written with one warning when the file does not say which part is the day', () => {
    const { report, published } = importDates(['03/09/2031', '02/03/2024', 'March 3, 2031'])
    expect(published).toEqual(['03/09/2031', '02/03/2024', '2031-03-03'])
    expect(report.imported).toBe(3)
    expect(report.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'AMBIGUOUS_DATE',
        message: 'dates.csv: dates such as 03/09/2031 could be 3 September or 9 March; kept as written — write them as YYYY-MM-DD'
      })
    ])
    const mixed = importDates(['13/03/2024', '03/13/2024', '03/09/2031'], 'mixed.csv')
    expect(mixed.published).toEqual(['13/03/2024', '03/13/2024', '03/09/2031'])
    expect(mixed.report.issues.map((i) => i.message)).toEqual([
      'mixed.csv: the dates put the day first in some rows (13/03/2024) and the month first in others (03/13/2024), so dates written with numbers only were kept as written — write them as YYYY-MM-DD'
    ])
  })
})

describe('folders', () => {
  it('recurses into sub-folders, imports supported files and skips (and counts) the rest', () => {
    const project = createTempProject()
    const root = join(project.dir, 'corpus')
    mkdirSync(join(root, 'sub', 'deeper'), { recursive: true })
    writeFileSync(join(root, 'a.txt'), 'Alpha article')
    writeFileSync(join(root, 'sub', 'b.md'), '# Bravo\n\nBravo article')
    writeFileSync(join(root, 'sub', 'deeper', 'c.jsonl'), `${JSON.stringify({ title: 'Charlie', text: 'Charlie article' })}\n`)
    writeFileSync(join(root, 'sub', 'd.CSV'), 'text\nDelta article\n')
    writeFileSync(join(root, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]))
    writeFileSync(join(root, 'sub', 'letter.docx'), 'PK')
    writeFileSync(join(root, '.hidden.txt'), 'Hidden article')
    const report = importPath(project, root)
    expect(report.files).toBe(4)
    expect(report.imported).toBe(4)
    expect(allArticles(project).map((a) => a.title).sort()).toEqual(['Alpha article', 'Bravo', 'Charlie', 'Delta article'])
    expect(report.issues).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'UNSUPPORTED_TYPE', message: expect.stringMatching(/^2 file\(s\) in the folder\(s\) were skipped/) })
    ])
  })
})
