import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { codebookSchema, type Codebook } from '../../src/shared/codebook/codebook-schema'
import { ArticleOffsets, quoteRange } from '../../src/shared/offsets'
import type { ExportAnnotation, ExportArticle, ExportContext } from '../../src/main/export/export-dataset'
import type { ExportNotes, FormatWriter } from '../../src/main/export/format-writer'
import { OutputFolder } from '../../src/main/export/output-folder'
import { exportOptions } from '../../src/shared/exchange/export-options'
import { ANA, BEN } from './project'

/** The default codebook plus two nested labels (Armed group under Actor, Attack under Event). */
export function nestedCodebook(): Codebook {
  const raw = JSON.parse(readFileSync(join(__dirname, '../../resources/codebook/default-codebook.json'), 'utf8'))
  raw.labels.push(
    { name: 'Armed group', color: '#56B4E9', parent: 'Actor', order: 10, description: 'A non-state armed group & its "fronts" <sic>' },
    { name: 'Attack', color: '#F0E442', parent: 'Event', order: 11 }
  )
  return codebookSchema.parse(raw)
}

export interface TagSpec {
  id: string
  label: string
  /** Each fragment as [phrase, occurrence] (0 = first), found in the text. */
  fragments: [string, number?][]
  annotator?: { id: string; name: string }
  attributes?: Record<string, unknown>
  note?: string
  links?: { type: string; to: string }[]
}

/** An ExportArticle whose tags are placed by phrase; fragments carry code-point offsets and quotes. */
export function exportArticle(uid: string, title: string, text: string, tags: TagSpec[], extra: Partial<ExportArticle> = {}): ExportArticle {
  const offsets = new ArticleOffsets(text)
  const annotations: ExportAnnotation[] = tags.map((t) => ({
    id: t.id,
    articleId: 1,
    annotatorId: (t.annotator ?? ANA).id,
    annotatorName: (t.annotator ?? ANA).name,
    label: t.label,
    fragments: t.fragments.map(([phrase, n = 0]) => {
      let at = -1
      for (let i = 0; i <= n; i++) at = text.indexOf(phrase, at + 1)
      if (at < 0) throw new Error(`"${phrase}" #${n} not in ${uid}`)
      const range = { start: offsets.utf16ToCp(at), end: offsets.utf16ToCp(at + phrase.length) }
      return { ...range, ...quoteRange(offsets, range) }
    }),
    attributes: t.attributes ?? {},
    note: t.note ?? '',
    status: 'submitted',
    links: t.links ?? [],
    missing: [],
    createdAt: '2024-05-01T10:00:00.000Z',
    updatedAt: '2024-05-02T11:30:00.000Z',
    codebookVersion: 1
  }))
  return {
    id: 1,
    uid,
    title,
    text,
    hash: uid,
    source: 'El Tiempo',
    url: `https://example.org/${uid}`,
    published: '2024-04-30',
    language: 'es',
    fileName: `${uid}.txt`,
    metadata: {},
    status: 'done',
    note: '',
    importedAt: '2024-05-01T09:00:00.000Z',
    annotations,
    ...extra
  }
}

export function exportContext(codebook: Codebook = nestedCodebook()): ExportContext {
  return {
    projectName: 'Peace talks & "ELN" <2024>',
    exportedAt: '2024-06-01T12:00:00.000Z',
    codebook,
    codebookVersion: codebook.version,
    codebooks: new Map([[codebook.version, codebook]]),
    actors: new Map(),
    annotators: [ANA, BEN],
    options: exportOptions.parse({ format: 'refi-qda', destination: '/unused' })
  }
}

/** Runs a writer over the articles into `<dir>/<name>` and commits the folder, as the export engine does. */
export function runWriter(writer: FormatWriter, dir: string, articles: ExportArticle[], ctx = exportContext(), name = 'export'): { folder: string; notes: ExportNotes } {
  const folder = join(dir, name)
  const out = new OutputFolder(folder)
  writer.begin(ctx, out)
  for (const a of articles) writer.article(a)
  const notes = writer.end()
  out.commit()
  return { folder, notes }
}

export const EMOJI_TEXT = 'Hoy 😊 𝔸 q\u0307 en Cali: el ELN atacó una patrulla del Ejército. El Frente Oriental del ELN negó el ataque.\n'

/** Two coders, nested labels, a discontinuous tag, links, notes with markup, attributes of every JSON type. */
export function sampleArticles() {
  return [
    exportArticle(
      'a-emoji',
      'Ataque en Cali 😊',
      EMOJI_TEXT,
      [
        { id: 't1', label: 'Actor', fragments: [['ELN']], attributes: { mention_form: 'acronym', entity: 'actor-eln' }, note: 'Checked\nwith "desk" & <editor>' },
        { id: 't2', label: 'Attack', fragments: [['atacó']], attributes: { fatalities_reported: 2, tags: ['a', 'b'], civilian_targeting: false, date_start: null, summary: 'Ataque\n"armado" 😊' }, links: [{ type: 'perpetrator', to: 't1' }, { type: 'target', to: 't3' }] },
        { id: 't3', label: 'Actor', fragments: [['patrulla del Ejército']], annotator: BEN },
        { id: 't4', label: 'Armed group', fragments: [['Frente Oriental'], ['ELN', 1]], annotator: BEN },
        { id: 't5', label: 'Actor', fragments: [['ELN']], annotator: BEN, links: [{ type: 'claimant', to: 'gone' }] }
      ],
      { note: 'Memo: cross-check with\r\nthe army statement.' }
    ),
    exportArticle('a-plain', 'Bad\u0001title', 'Nothing tagged here.', [])
  ]
}
