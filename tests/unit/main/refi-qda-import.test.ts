import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import type { ImportIssue } from '../../../src/shared/domain'
import { ArticleOffsets } from '../../../src/shared/offsets'
import { RefiQdaWriter } from '../../../src/main/export/refi-qda/refi-qda-writer'
import { runExport } from '../../../src/main/export/run-export'
import { runAnnotatedImport } from '../../../src/main/import/annotated/run-annotated-import'
import { annotatedImportOptions } from '../../../src/shared/exchange/annotated-import'
import { exportOptions } from '../../../src/shared/exchange/export-options'
import { READERS } from '../../../src/main/import/annotated/readers'
import type { ReaderContext } from '../../../src/main/import/annotated/imported-document'
import { RefiQdaReader } from '../../../src/main/import/annotated/refi-qda/refi-qda-reader'
import { cleanupTemp, cpIndexOf, createTempProject, tempDir, ANA, BEN } from '../../helpers/project'
import { EMOJI_TEXT, exportArticle, runWriter, sampleArticles } from '../../helpers/refi-qda-fixtures'

afterEach(cleanupTemp)

function readAll(paths: string[]) {
  const issues: ImportIssue[] = []
  const reader = new RefiQdaReader()
  const docs = [...reader.read(paths, (i) => issues.push(i))]
  return { docs, issues, labels: reader.extras.labels! }
}

const PROJECT = 'urn:QDA-XML:project:1.0'
const U1 = '{AAAAAAAA-0000-4000-8000-000000000001}'
const C1 = 'BBBBBBBB-0000-4000-8000-000000000001'
const C2 = 'BBBBBBBB-0000-4000-8000-000000000002'

/** A project as another QDA tool might write it: upper-case and braced GUIDs, NVivo's Sources/ folder. */
function foreignProject(sources: string, extra = ''): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="${PROJECT}" name="Foreign">
  <Users><User guid="${U1}" name="Maria"/></Users>
  <CodeBook><Codes>
    <Code guid="${C1}" name="Theme" isCodable="false" color="#112233"><Code guid="${C2}" name="Violence" isCodable="true"/></Code>
  </Codes></CodeBook>
  <Sources>${sources}</Sources>${extra}
</Project>`
}

function qdpx(dir: string, name: string, files: Record<string, string | Uint8Array>): string {
  const path = join(dir, name)
  writeFileSync(path, zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v]))))
  return path
}

describe('REFI-QDA import: round trip from our export', () => {
  it('is registered', () => {
    // the REFI-QDA reader needs nothing from the project
    expect(READERS['refi-qda']?.({} as ReaderContext)).toBeInstanceOf(RefiQdaReader)
  })

  it('keeps every span on the same text (emoji and a combining mark before the tags), label, coder, attribute, note and link', () => {
    const articles = sampleArticles()
    const { folder } = runWriter(new RefiQdaWriter(), tempDir(), articles)
    const { docs, issues, labels } = readAll([join(folder, 'project.qdpx')])
    expect(issues).toEqual([])
    expect(docs.map((d) => d.title)).toEqual(['Ataque en Cali 😊', 'Badtitle'])
    const [doc] = docs
    expect(doc!.text).toBe(EMOJI_TEXT)
    expect(doc).toMatchObject({ source: 'El Tiempo', url: 'https://example.org/a-emoji', published: '2024-04-30', language: 'es', note: 'Memo: cross-check with\r\nthe army statement.' })
    const offsets = new ArticleOffsets(doc!.text)
    const original = articles[0]!.annotations
    expect(doc!.annotations).toHaveLength(original.length)
    const keyOf = new Map<string, string>()
    original.forEach((tag, i) => {
      const got = doc!.annotations[i]!
      keyOf.set(tag.id, got.key)
      expect(got.label).toBe(tag.label)
      expect(got.annotator).toEqual({ id: tag.annotatorId, name: tag.annotatorName })
      expect(got.fragments.map((f) => ({ start: f.start, end: f.end }))).toEqual(tag.fragments.map((f) => ({ start: f.start, end: f.end })))
      expect(got.fragments.map((f) => offsets.slice(f))).toEqual(tag.fragments.map((f) => f.quote))
      expect(got.fragments.every((f) => f.quote === undefined)).toBe(true)
      expect(got.attributes ?? {}).toEqual(tag.attributes)
      expect(got.note ?? '').toBe(tag.note)
      expect(got.createdAt).toBe(tag.createdAt)
      expect(got.updatedAt).toBe(tag.updatedAt)
    })
    const byTag = (id: string) => doc!.annotations[original.findIndex((t) => t.id === id)]!
    expect(byTag('t4').fragments.map((f) => offsets.slice(f))).toEqual(['Frente Oriental', 'ELN'])
    expect(byTag('t2').links).toEqual([
      { type: 'perpetrator', to: keyOf.get('t1') },
      { type: 'target', to: keyOf.get('t3') }
    ])
    // the same span coded by two coders stays two tags
    expect([byTag('t1').annotator?.name, byTag('t5').annotator?.name]).toEqual([ANA.name, BEN.name])
    expect(byTag('t5').links).toEqual([])
    expect(labels).toContainEqual({ name: 'Armed group', color: '#56B4E9', parent: 'Actor' })
    expect(labels).toContainEqual({ name: 'Actor', color: '#0072B2' })
  })

  it('joins spooled parts larger than the 1 MB copy chunk into a valid project.qde', () => {
    const words = Array.from({ length: 1200 }, (_, i) => `w${i}`)
    const long = 'ñ😊 '.repeat(300)
    const big = exportArticle('big', 'Big 😊', `😊 ${words.join(' ')} `, words.map((w, i) => ({ id: `b${i}`, label: 'Actor', fragments: [[`${w} `]], note: `${long}${i}` })))
    const small = Array.from({ length: 100 }, (_, i) => exportArticle(`s${i}`, `Small ${i}`, `q\u0307 item ${i}`, [{ id: `s${i}`, label: 'Place', fragments: [[`item ${i}`]] }]))
    const { folder, notes } = runWriter(new RefiQdaWriter(), tempDir(), [big, ...small])
    expect(notes.counts).toMatchObject({ selections: 1300, notes: 1200 })
    const { docs, issues } = readAll([join(folder, 'project.qdpx')])
    expect(issues).toEqual([])
    expect(docs).toHaveLength(101)
    const offsets = new ArticleOffsets(docs[0]!.text)
    expect(docs[0]!.annotations.map((a) => offsets.slice(a.fragments[0]!))).toEqual(words.map((w) => `${w} `))
    expect(docs[0]!.annotations.map((a) => a.note)).toEqual(words.map((_, i) => `${long}${i}`))
    expect(docs[100]!.annotations.map((a) => new ArticleOffsets(docs[100]!.text).slice(a.fragments[0]!))).toEqual(['item 99'])
  }, 30_000)

  it('reads a standalone codebook.qdc into labels, nested by parent, without documents', () => {
    const { folder } = runWriter(new RefiQdaWriter(), tempDir(), sampleArticles())
    const { docs, issues, labels } = readAll([join(folder, 'codebook.qdc')])
    expect(issues).toEqual([])
    expect(docs).toEqual([])
    expect(labels.map((l) => l.name)).toEqual(['Actor', 'Armed group', 'Event', 'Attack', 'Claim', 'Place', 'Quantity'])
    expect(labels.find((l) => l.name === 'Attack')).toEqual({ name: 'Attack', color: '#F0E442', parent: 'Event' })
  })

  it('reads an unzipped project.qde with its sources folder beside it, and finds files in a folder', () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'unzipped', 'Sources'), { recursive: true })
    writeFileSync(join(dir, 'unzipped', 'project.qde'), foreignProject(`<TextSource guid="CCCCCCCC-0000-4000-8000-000000000001" name="Doc" plainTextPath="internal://t.txt"><PlainTextSelection guid="DDDDDDDD-0000-4000-8000-000000000001" startPosition="2" endPosition="4"><Coding guid="EEEEEEEE-0000-4000-8000-000000000001" creatingUser="${U1}"><CodeRef targetGUID="${C2}"/></Coding></PlainTextSelection></TextSource>`))
    writeFileSync(join(dir, 'unzipped', 'Sources', 't.txt'), '😊 ab c')
    const { docs, issues } = readAll([dir])
    expect(issues).toEqual([])
    expect(docs[0]!.annotations.map((a) => new ArticleOffsets(docs[0]!.text).slice(a.fragments[0]!))).toEqual(['ab'])
  })
})

describe('REFI-QDA import: files from other tools', () => {
  it('reads Sources/, braced upper-case GUIDs, a BOM, two codings on one selection, and notes linked by NoteRef; reports what it cannot carry', () => {
    const dir = tempDir()
    const text = 'Intro 𝔸 q\u0307: shots fired near the school.'
    const start = Array.from(text.slice(0, text.indexOf('shots'))).length
    const sel = 'DDDDDDDD-0000-4000-8000-000000000001'
    const path = qdpx(dir, 'nvivo.qdpx', {
      'project.qde': foreignProject(
        `<TextSource guid="CCCCCCCC-0000-4000-8000-000000000001" name="Field report" plainTextPath="internal://CCCCCCCC-0000-4000-8000-000000000001.txt">
          <PlainTextSelection guid="{${sel}}" startPosition="${start}" endPosition="${start + 11}" creatingUser="${U1}" creationDateTime="2019-01-01T00:00:00Z">
            <Description>quotation comment</Description>
            <Coding guid="EEEEEEEE-0000-4000-8000-000000000001"><CodeRef targetGUID="${C2.toLowerCase()}"/></Coding>
            <Coding guid="EEEEEEEE-0000-4000-8000-000000000002"><CodeRef targetGUID="${C1}"/></Coding>
            <NoteRef targetGUID="FFFFFFFF-0000-4000-8000-000000000001"/>
          </PlainTextSelection>
          <Coding guid="EEEEEEEE-0000-4000-8000-000000000003"><CodeRef targetGUID="${C1}"/></Coding>
        </TextSource>
        <PictureSource guid="CCCCCCCC-0000-4000-8000-000000000002" path="internal://p.png"/>`,
        `<Notes><Note guid="FFFFFFFF-0000-4000-8000-000000000001" name="memo"><PlainTextContent>linked memo</PlainTextContent></Note></Notes>
         <Links><Link guid="99999999-0000-4000-8000-000000000001" name="Memo-Quotation" originGUID="FFFFFFFF-0000-4000-8000-000000000001" targetGUID="${sel}"/></Links>`
      ),
      'Sources/CCCCCCCC-0000-4000-8000-000000000001.txt': new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(text)])
    })
    const { docs, issues, labels } = readAll([path])
    expect(docs).toHaveLength(1)
    const doc = docs[0]!
    expect(doc.text).toBe(text)
    expect(doc.annotations.map((a) => [a.label, new ArticleOffsets(text).slice(a.fragments[0]!), a.annotator?.name, a.note, a.createdAt])).toEqual([
      ['Violence', 'shots fired', 'Maria', 'quotation comment\n\nlinked memo', '2019-01-01T00:00:00Z'],
      ['Theme', 'shots fired', 'Maria', 'quotation comment\n\nlinked memo', '2019-01-01T00:00:00Z']
    ])
    expect(new Set(doc.annotations.map((a) => a.key)).size).toBe(2)
    expect(labels).toEqual([{ name: 'Theme', color: '#112233' }, { name: 'Violence', parent: 'Theme' }])
    expect(issues.map((i) => [i.code, i.severity])).toEqual([
      ['NOT_CARRIED', 'warning'],
      ['NOT_CARRIED', 'warning'],
      ['NOT_CARRIED', 'warning']
    ])
    expect(issues.map((i) => i.message).join('\n')).toMatch(/picture, PDF, audio or video/)
    expect(issues.map((i) => i.message).join('\n')).toMatch(/Memo-Quotation/)
    expect(issues.map((i) => i.message).join('\n')).toMatch(/codings of the whole document/)
  })

  it('takes the end position as exclusive: a selection may end at the last code point, not one past it', () => {
    const dir = tempDir()
    const text = 'ab 😊'
    const selection = (g: string, s: number, e: number) =>
      `<PlainTextSelection guid="DDDDDDDD-0000-4000-8000-00000000000${g}" startPosition="${s}" endPosition="${e}"><Coding guid="EEEEEEEE-0000-4000-8000-00000000000${g}"><CodeRef targetGUID="${C2}"/></Coding></PlainTextSelection>`
    const path = qdpx(dir, 'edge.qdpx', {
      'project.qde': foreignProject(`<TextSource guid="CCCCCCCC-0000-4000-8000-000000000001" name="Edge"><PlainTextContent>${text}</PlainTextContent>${selection('1', 3, 4)}${selection('2', 3, 5)}</TextSource>`)
    })
    const { docs, issues } = readAll([path])
    expect(docs[0]!.annotations.map((a) => new ArticleOffsets(text).slice(a.fragments[0]!))).toEqual(['😊'])
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ code: 'SPAN_OUT_OF_RANGE', severity: 'error', file: 'edge.qdpx/project.qde', line: 7 })
    expect(issues[0]!.message).toMatch(/3\.\.5, outside the text \(0\.\.4 code points, end exclusive\)/)
  })
})

describe('REFI-QDA import: Windows line breaks (CRLF) in a source', () => {
  // the .txt as a Windows tool writes it; the emoji makes code points and UTF-16 units differ
  const TEXT = 'Informe 😊 del lunes\r\nThe army attacked the village.\r\n\r\nELN denied it, and a lone\rCR follows.\r\nFin del informe.'
  const QUOTES = ['Informe', 'army attacked', 'ELN denied it, and a lone\rCR follows.']

  /** A .qdpx on disk whose selections count each CRLF as one character (as ATLAS.ti does) or two (code points of the file, as the standard says). */
  function crlfProject(dir: string, file: string, origin: string, crlf: 1 | 2, named = true, quotes = QUOTES): string {
    const counted = crlf === 1 ? TEXT.replaceAll('\r\n', '\n') : TEXT
    const selections = quotes.map((q, i) => {
      const start = cpIndexOf(counted, q)
      // ATLAS.ti names a quotation after its first characters, cut with an ellipsis (REFI-QDA 1.5 appendix)
      const name = named ? (q.length > 12 ? `${q.slice(0, 12)}…` : q) : `Quotation ${i + 1}`
      return `<PlainTextSelection guid="DDDDDDDD-0000-4000-8000-00000000000${i}" name="${name}" startPosition="${start}" endPosition="${start + Array.from(q).length}"><Coding guid="EEEEEEEE-0000-4000-8000-00000000000${i}"><CodeRef targetGUID="${C2}"/></Coding></PlainTextSelection>`
    })
    return qdpx(dir, file, {
      'project.qde': foreignProject(`<TextSource guid="CCCCCCCC-0000-4000-8000-000000000001" name="Interview" plainTextPath="internal://CCCCCCCC-0000-4000-8000-000000000001.txt">${selections.join('')}</TextSource>`).replace('name="Foreign"', `name="Foreign" origin="${origin}"`),
      'sources/CCCCCCCC-0000-4000-8000-000000000001.txt': TEXT
    })
  }

  const quotesOf = (doc: { text: string; annotations: { fragments: { start: number; end: number }[] }[] }) => doc.annotations.map((a) => new ArticleOffsets(doc.text).slice(a.fragments[0]!))

  it('reads positions that count each CRLF as one character (ATLAS.ti) as such, and says so once per source', () => {
    const { docs, issues } = readAll([crlfProject(tempDir(), 'atlas.qdpx', 'ATLAS.ti 23.2.1 (Windows)', 1)])
    expect(quotesOf(docs[0]!)).toEqual(QUOTES)
    expect(issues).toMatchObject([{ file: 'atlas.qdpx/project.qde', code: 'SPAN_REANCHORED', severity: 'warning' }])
    expect(issues[0]!.message).toMatch(/source "Interview" has Windows line breaks \(CRLF\), and its positions count each as one character \(2 selection names match the text only when read so\).*the 2 selections after the first line break were read that way/)
  })

  it('falls back on the origin when no selection name is a quote: ATLAS.ti counts one, other tools the standard two', () => {
    const dir = tempDir()
    const { docs, issues } = readAll([crlfProject(dir, 'atlas.qdpx', 'ATLAS.ti 9', 1, false), crlfProject(dir, 'nvivo.qdpx', 'NVivo 14', 2, false)])
    expect(docs.map(quotesOf)).toEqual([QUOTES, QUOTES])
    expect(issues.map((i) => [i.file, i.code])).toEqual([['atlas.qdpx/project.qde', 'SPAN_REANCHORED']])
    expect(issues[0]!.message).toMatch(/\(as ATLAS\.ti writes them\)/)
  })

  it('lets the selection names overrule the origin: another tool that counts one, an ATLAS.ti that counts two', () => {
    const dir = tempDir()
    const { docs, issues } = readAll([crlfProject(dir, 'other.qdpx', 'SomeQDA 2', 1), crlfProject(dir, 'atlas.qdpx', 'ATLAS.ti 25', 2)])
    expect(docs.map(quotesOf)).toEqual([QUOTES, QUOTES])
    expect(issues.map((i) => [i.file, i.code])).toEqual([['other.qdpx/project.qde', 'SPAN_REANCHORED']])
  })

  it('reads the standard two characters when a selection ends past the text that one-character line breaks leave', () => {
    const quotes = [...QUOTES, 'Fin del informe.']
    const { docs, issues } = readAll([crlfProject(tempDir(), 'atlas.qdpx', 'ATLAS.ti 9', 2, false, quotes)])
    expect(quotesOf(docs[0]!)).toEqual(quotes)
    expect(issues).toEqual([])
  })

  it('the import report says so, the tags land on their text, and the re-export has LF line breaks only', () => {
    const dir = tempDir()
    const store = createTempProject().store
    const report = runAnnotatedImport(store, annotatedImportOptions.parse({ format: 'refi-qda', paths: [crlfProject(dir, 'atlas.qdpx', 'ATLAS.ti 23', 1)], annotator: 'Maria', createLabels: ['Violence'] }), ANA)
    expect(report.committed).toBe(true)
    expect(report.issues.map((i) => [i.code, i.severity])).toEqual([['SPAN_REANCHORED', 'warning']])
    const ids = store.db.prepare('SELECT id FROM annotation').pluck().all() as string[]
    expect(ids.map((id) => store.annotations.get(id)!.fragments[0]!.quote).sort()).toEqual(['ELN denied it, and a lone\nCR follows.', 'Informe', 'army attacked'])
    const out = join(dir, 'export')
    runExport(store, exportOptions.parse({ format: 'refi-qda', destination: out }))
    const files = unzipSync(readFileSync(join(out, 'project.qdpx')))
    // no CR in the file: a tool that counts a line break as one character and one that counts CRLF as two agree
    expect(strFromU8(Object.entries(files).find(([n]) => n.endsWith('.txt'))![1])).toBe(TEXT.replace(/\r\n?/g, '\n'))
  })
})

describe('REFI-QDA import: bad input is reported, never thrown', () => {
  it('a truncated .qdpx is a BAD_ARCHIVE', () => {
    const dir = tempDir()
    const { folder } = runWriter(new RefiQdaWriter(), dir, sampleArticles())
    const bytes = readFileSync(join(folder, 'project.qdpx'))
    writeFileSync(join(dir, 'cut.qdpx'), bytes.subarray(0, Math.floor(bytes.length / 2)))
    const { docs, issues } = readAll([join(dir, 'cut.qdpx')])
    expect(docs).toEqual([])
    expect(issues).toMatchObject([{ code: 'BAD_ARCHIVE', severity: 'error', file: 'cut.qdpx' }])
    expect(issues[0]!.message).toMatch(/is damaged or incomplete: its zip archive cannot be read.*Export or download the \.qdpx again/)
  })

  it('a zip without project.qde, and a .qdpx that is no zip at all, are BAD_ARCHIVE', () => {
    const dir = tempDir()
    const noQde = qdpx(dir, 'empty.qdpx', { 'sources/a.txt': 'text' })
    writeFileSync(join(dir, 'text.qdpx'), 'just text')
    const { issues } = readAll([noQde, join(dir, 'text.qdpx')])
    expect(issues.map((i) => [i.code, i.file])).toEqual([
      ['BAD_ARCHIVE', 'empty.qdpx'],
      ['BAD_ARCHIVE', 'text.qdpx']
    ])
    expect(issues[0]!.message).toMatch(/has no project\.qde/)
  })

  it('XML of another kind, or a Project outside the REFI namespace, is NOT_THIS_FORMAT; broken XML is a BAD_LINE with its line', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'page.qde'), '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>')
    writeFileSync(join(dir, 'other.qde'), '<Project xmlns="urn:example:other" name="x"/>')
    writeFileSync(join(dir, 'broken.qdc'), `<CodeBook xmlns="urn:QDA-XML:codebook:1.0">\n<Codes>\n<Code guid="x" name="a" isCodable="true">\n</Codes></CodeBook>`)
    const { issues } = readAll([join(dir, 'page.qde'), join(dir, 'other.qde'), join(dir, 'broken.qdc')])
    expect(issues.map((i) => [i.file, i.code, i.line])).toEqual([
      ['broken.qdc', 'BAD_LINE', 4],
      ['page.qde', 'NOT_THIS_FORMAT', undefined],
      ['other.qde', 'NOT_THIS_FORMAT', undefined]
    ])
    expect(issues[1]!.message).toMatch(/<html> in namespace http:\/\/www\.w3\.org\/1999\/xhtml/)
  })

  it('a source file missing from the archive, an unknown code and bad positions are reported with their line', () => {
    const dir = tempDir()
    const path = qdpx(dir, 'gaps.qdpx', {
      'project.qde': foreignProject(
        `<TextSource guid="CCCCCCCC-0000-4000-8000-000000000001" name="Missing" plainTextPath="internal://nope.txt"/>
<TextSource guid="CCCCCCCC-0000-4000-8000-000000000002" name="Here"><PlainTextContent>hello world</PlainTextContent>
<PlainTextSelection guid="DDDDDDDD-0000-4000-8000-000000000001" startPosition="0" endPosition="5"><Coding guid="EEEEEEEE-0000-4000-8000-000000000001"><CodeRef targetGUID="12345678-0000-4000-8000-000000000000"/></Coding></PlainTextSelection>
<PlainTextSelection guid="DDDDDDDD-0000-4000-8000-000000000002" startPosition="a" endPosition="5"/>
</TextSource>`
      )
    })
    const { docs, issues } = readAll([path])
    expect(docs.map((d) => [d.title, d.annotations.length])).toEqual([['Here', 0]])
    expect(issues.map((i) => [i.code, i.severity, i.line])).toEqual([
      ['UNKNOWN_REFERENCE', 'error', 7],
      ['UNKNOWN_REFERENCE', 'warning', 9],
      ['BAD_LINE', 'error', 10]
    ])
  })
})
