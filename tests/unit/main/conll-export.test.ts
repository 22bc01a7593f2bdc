import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { conllWriter } from '../../../src/main/export/conll/conll-writer'
import type { ExportArticle } from '../../../src/main/export/export-dataset'
import { cleanupTemp } from '../../helpers/project'
import { ArticleBuilder, exportContext, runWriter } from '../../helpers/tables-fixtures'

afterEach(cleanupTemp)

const CONFORMANCE = join(__dirname, '../../../../shared/conformance/conll-bio/tests/resources/tasks')
const REFERENCES = ['fashion/eng.testa', 'fashion/eng.testb', 'trivial/trivial_bioes/train.txt', 'trivial/trivial_bioes/dev.txt', 'trivial/trivial_bioes/test.txt']

type Sentence = string[][]
interface ColumnDocument {
  docstart: string | null
  sentences: Sentence[]
}

/** A strict reader for space-separated column files: blank lines end sentences, -DOCSTART- lines open documents. */
function readColumns(text: string): ColumnDocument[] {
  const docs: ColumnDocument[] = [{ docstart: null, sentences: [] }]
  let sentence: Sentence = []
  const close = () => {
    if (sentence.length) docs[docs.length - 1]!.sentences.push(sentence)
    sentence = []
  }
  for (const line of text.split('\n')) {
    if (line.trim() === '') close()
    else if (line.startsWith('-DOCSTART-')) {
      close()
      docs.push({ docstart: line, sentences: [] })
    } else sentence.push(line.split(' '))
  }
  close()
  return docs.filter((d, i) => i > 0 || d.sentences.length > 0)
}

/** Every violation of strict IOB2 in the last column: an I-X must follow B-X or I-X in the same sentence. */
function iob2Errors(docs: ColumnDocument[]): string[] {
  const errors: string[] = []
  for (const doc of docs) {
    for (const sentence of doc.sentences) {
      let previous = 'O'
      for (const row of sentence) {
        const tag = row[row.length - 1]!
        if (!/^(O|[BI]-\S+)$/.test(tag)) errors.push(`bad tag ${tag}`)
        if (tag.startsWith('I-') && previous.slice(2) !== tag.slice(2)) errors.push(`${tag} after ${previous} at "${row[0]}"`)
        previous = tag
      }
    }
  }
  return errors
}

// emoji, an astral letter and a combining mark with no precomposed form before the tags
const TEXT = '😊 𝔸 q\u0307 La columna Dagoberto Ramos atacó Neiva. Luego huyó.\nEl grupo armado negó todo.'

function articles(): ExportArticle[] {
  const b = new ArticleBuilder(TEXT, 1)
  b.tag('Emoji', '😊')
  b.tag('Letter', '𝔸')
  b.tag('Actor', 'columna Dagoberto Ram', { id: 'snap' })
  b.tag('Event', 'atacó Neiva. Luego', { id: 'event' })
  b.tag('Place', 'Neiva', { id: 'inside' })
  b.tag('Armed group', ['El grupo', 'todo'], { id: 'split' })
  return [b.build(), new ArticleBuilder('Sin etiquetas.', 2).build(), new ArticleBuilder('', 3).build()]
}

const EXPECTED_FIRST = [
  '-DOCSTART- -X- -X- O',
  '',
  '😊 -X- _ B-Emoji',
  '𝔸 -X- _ B-Letter',
  'q\u0307 -X- _ O',
  'La -X- _ O',
  'columna -X- _ B-Actor',
  'Dagoberto -X- _ I-Actor',
  'Ramos -X- _ I-Actor',
  'atacó -X- _ B-Event',
  'Neiva -X- _ I-Event',
  '. -X- _ I-Event',
  'Luego -X- _ I-Event',
  'huyó -X- _ O',
  '. -X- _ O',
  '',
  'El -X- _ B-Armed_group',
  'grupo -X- _ I-Armed_group',
  'armado -X- _ O',
  'negó -X- _ O',
  'todo -X- _ O',
  '. -X- _ O',
  '',
  '-DOCSTART- -X- -X- O',
  '',
  'Sin -X- _ O',
  'etiquetas -X- _ O',
  '. -X- _ O',
  '',
  '-DOCSTART- -X- -X- O',
  '',
  ''
].join('\n')

const cpSlice = (start: number, end: number) => Array.from(TEXT).slice(start, end).join('')

function exportConll() {
  const { dir, notes } = runWriter(conllWriter(), exportContext(), articles())
  const report = readFileSync(join(dir, 'conll-report.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
  return { dir, notes, conll: readFileSync(join(dir, 'Huila-test.iob2.conll'), 'utf8'), report }
}

describe('CoNLL IOB2 export', () => {
  it('writes token -X- _ TAG rows per sentence, a -DOCSTART- per article, emoji and combining marks as their own tokens', () => {
    const { conll, dir, notes } = exportConll()
    expect(conll).toBe(EXPECTED_FIRST)
    expect(readdirSync(dir).sort()).toEqual(['Huila-test.iob2.conll', 'README.md', 'conll-report.jsonl'])
    expect(notes.files.sort()).toEqual(readdirSync(dir).sort())
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('IOB2')
  })

  it('reports every snapped, dropped, joined and cut tag with code point spans', () => {
    const { report, notes } = exportConll()
    expect(report.map((r) => [r.tag_id, r.what])).toEqual(
      expect.arrayContaining([['snap', 'snapped'], ['inside', 'overlap_dropped'], ['split', 'fragments_dropped'], ['event', 'sentence_joined']])
    )
    expect(report).toHaveLength(4)
    const snapped = report.find((r) => r.what === 'snapped')!
    expect(cpSlice(snapped.span[0], snapped.span[1])).toBe('columna Dagoberto Ram')
    expect(cpSlice(snapped.tokens[0], snapped.tokens[1])).toBe('columna Dagoberto Ramos')
    expect(report.find((r) => r.what === 'overlap_dropped')).toMatchObject({ kept_tag_id: 'event', article_uid: 'uid-1', label: 'Place' })
    expect(notes.counts).toMatchObject({ documents: 3, entities: 5, snapped: 1, overlapsDropped: 1, fragmentsDropped: 1, sentencesJoined: 1, noTokens: 0, labelsRenamed: 1, sentences: 3 })
    expect(notes.warnings.join(' ')).toContain('“Armed group” → Armed_group')
    // one of each: the warnings say so in the singular
    expect(notes.warnings).toEqual(
      expect.arrayContaining([
        '1 overlapping tag was left out (the first in text order wins, the longest on a tie).',
        '1 discontinuous tag was tagged on its first fragment only.',
        '1 tag started or ended inside a token and was widened to whole tokens.'
      ])
    )
  })

  it('leaves out a tag that covers no token and says so', () => {
    const b = new ArticleBuilder('uno  dos', 1)
    b.tag('Actor', ' ', { id: 'blank' })
    const { dir, notes } = runWriter(conllWriter(), exportContext(), [b.build()])
    expect(readFileSync(join(dir, 'conll-report.jsonl'), 'utf8')).toContain('"what":"no_tokens"')
    expect(notes.counts.noTokens).toBe(1)
  })
})

describe.skipIf(!existsSync(CONFORMANCE))('CoNLL IOB2 export against the flair reference files', () => {
  if (!existsSync(CONFORMANCE)) console.warn(`skipped: ${CONFORMANCE} is missing (the shared conformance files are not checked out)`)

  it('the reader and strict IOB2 checker accept the IOB2 references and reject broken files', () => {
    for (const file of REFERENCES) {
      const docs = readColumns(readFileSync(join(CONFORMANCE, file), 'utf8'))
      expect(docs.flatMap((d) => d.sentences).length, file).toBeGreaterThan(0)
      expect(iob2Errors(docs), file).toEqual([])
    }
    // flair's fashion training file carries one BIOES tag: the checker must catch it
    expect(iob2Errors(readColumns(readFileSync(join(CONFORMANCE, 'fashion/eng.train'), 'utf8')))).toEqual(['bad tag S-Occasion'])
    expect(iob2Errors(readColumns('a O\nb I-LOC\n'))).toEqual(['I-LOC after O at "b"'])
    expect(iob2Errors(readColumns('a B-PER\n\nb I-PER\n'))).toHaveLength(1)
  })

  it('our file has the CoNLL-2003 layout of the references (four columns, tag last) and is strict IOB2', () => {
    const reference = readColumns(readFileSync(join(CONFORMANCE, 'fashion/eng.train'), 'utf8'))
    const referenceWidth = new Set(reference.flatMap((d) => d.sentences.flat().map((r) => r.length)))
    const docs = readColumns(exportConll().conll)
    expect(docs.map((d) => d.docstart)).toEqual(Array(3).fill('-DOCSTART- -X- -X- O'))
    expect(new Set(docs.flatMap((d) => d.sentences.flat().map((r) => r.length)))).toEqual(referenceWidth)
    expect(docs.flatMap((d) => d.sentences.flat().map((r) => r.slice(1, 3).join(' ')))).toSatisfy((cols: string[]) => cols.every((c) => c === '-X- _'))
    expect(iob2Errors(docs)).toEqual([])
  })
})

const seqeval = spawnSync('python3', ['-c', 'import seqeval'], { encoding: 'utf8' }).status === 0
describe.skipIf(!seqeval)('CoNLL IOB2 export read by seqeval', () => {
  if (!seqeval) console.warn('skipped: python3 cannot import seqeval (pip install seqeval to run this check)')

  it('seqeval in strict IOB2 mode finds exactly our entities', () => {
    const docs = readColumns(exportConll().conll)
    const sentences = docs.flatMap((d) => d.sentences.map((s) => s.map((r) => r[r.length - 1]!)))
    // Tokens(...).entities raises on a tag outside the scheme and keeps only well-formed IOB2 chunks
    const script = 'import json, sys\nfrom seqeval.scheme import IOB2, Tokens\nprint(sum(len(Tokens(s, IOB2).entities) for s in json.load(sys.stdin)))'
    const run = spawnSync('python3', ['-c', script], { input: JSON.stringify(sentences), encoding: 'utf8' })
    expect(run.stderr).toBe('')
    expect(Number(run.stdout.trim())).toBe(sentences.flat().filter((t) => t.startsWith('B-')).length)
  })
})
