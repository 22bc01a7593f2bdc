import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { codebookSchema, type Codebook } from '../../src/shared/codebook/codebook-schema'
import type { Actor, ImportIssue, Link } from '../../src/shared/domain'
import { exportOptions } from '../../src/shared/exchange/export-options'
import { ArticleOffsets, quoteRange } from '../../src/shared/offsets'
import type { ExportAnnotation, ExportArticle, ExportContext } from '../../src/main/export/export-dataset'
import type { ExportNotes, FormatWriter } from '../../src/main/export/format-writer'
import { OutputFolder } from '../../src/main/export/output-folder'
import type { FormatReader, ImportedDocument } from '../../src/main/import/annotated/imported-document'
import { cpIndexOf } from './project'

/** The default codebook as shipped. */
export function defaultCodebook(): Codebook {
  return codebookSchema.parse(JSON.parse(readFileSync(join(__dirname, '../../resources/codebook/default-codebook.json'), 'utf8')))
}

/** Emoji (astral) and a combining mark with no precomposed form come before every tag. */
export const TRICKY_TEXT = '😊 𝔸 q\u0307 Bogotá.\nThe ELN attacked a patrol in Arauca on 3 May; the Army said 12 soldiers died. 👍🏽 End.'

export const ANA = { id: 'u-ana', name: 'Ana Gómez' }
export const BEN = { id: 'u-ben', name: 'Ben' }

function tag(text: string, id: string, label: string, words: string[], extra: Partial<ExportAnnotation> = {}, who = ANA): ExportAnnotation {
  const offsets = new ArticleOffsets(text)
  const fragments = words.map((w) => {
    const start = cpIndexOf(text, w)
    if (start < 0) throw new Error(`fixture word ${w} not in text`)
    const range = { start, end: start + [...w].length }
    return { ...range, ...quoteRange(offsets, range) }
  })
  return {
    id, articleId: 1, annotatorId: who.id, annotatorName: who.name, label, fragments, attributes: {}, note: '', status: 'submitted',
    links: [] as Link[], missing: [], createdAt: '2024-05-04T10:00:00.000Z', updatedAt: '2024-05-04T11:00:00.000Z', codebookVersion: 1, ...extra
  }
}

/** An article whose tags cover every feature: attributes of each type, a note, a discontinuous tag, links, two coders. */
export function trickyArticle(id = 1, uid = '0b6f7c1e-5d6a-4c53-9f0e-0d1f2a3b4c5d'): ExportArticle {
  const text = TRICKY_TEXT
  const eln = tag(text, '11111111-1111-4111-8111-111111111111', 'Actor', ['ELN'], { attributes: { entity: 'actor-eln', mention_form: 'acronym' }, note: 'abbreviation 😊', status: 'accepted' })
  const place = tag(text, '22222222-2222-4222-8222-222222222222', 'Place', ['Arauca'], { attributes: { country: 'Colombia' } })
  const event = tag(text, '33333333-3333-4333-8333-333333333333', 'Event', ['attacked', 'patrol'], {
    attributes: { event_type: 'battles', fatalities_reported: 12, civilian_targeting: false, tags: ['ambush', 'rural'], date_start: '2024-05-03' },
    links: [{ type: 'perpetrator', to: eln.id }, { type: 'located_at', to: place.id }]
  })
  const army = tag(text, '44444444-4444-4444-8444-444444444444', 'Actor', ['Army'], { status: 'draft' }, BEN)
  const mark = tag(text, '55555555-5555-4555-8555-555555555555', 'Place', ['Bogotá'], {}, BEN)
  return {
    id, uid, title: 'Patrol attacked', text, hash: 'h', source: 'El Tiempo', url: 'https://example.org/news/1', published: '2024-05-04', language: 'es',
    fileName: 'patrol.txt', metadata: { section: 'conflict' }, status: 'done', note: 'Check the figure.', importedAt: '2024-05-04T09:00:00.000Z',
    annotations: [mark, eln, event, place, army]
  }
}

export function exportContext(codebook = defaultCodebook(), destination = '/nonexistent'): ExportContext {
  const actor = { id: 'actor-eln', name: 'Ejército de Liberación Nacional', externalIds: { wikidata: 'Q187434' } } as unknown as Actor
  return {
    projectName: 'Test project', exportedAt: '2024-06-01T12:00:00.000Z', codebook, codebookVersion: codebook.version,
    codebooks: new Map([[codebook.version, codebook]]), actors: new Map([[actor.id, actor]]), annotators: [ANA, BEN],
    options: exportOptions.parse({ format: 'w3c', destination })
  }
}

/** Runs a writer over the articles into `destination` and commits the folder. */
export function runWriter(writer: FormatWriter, destination: string, articles: ExportArticle[], ctx = exportContext(undefined, destination)): ExportNotes {
  const out = new OutputFolder(destination)
  writer.begin({ ...ctx, options: { ...ctx.options, destination } }, out)
  for (const a of articles) writer.article(a)
  const notes = writer.end()
  out.commit()
  return notes
}

/** Every document a reader yields and every issue it reports. */
export function readAll(reader: FormatReader, paths: string[]): { docs: ImportedDocument[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = []
  const docs = [...reader.read(paths, (i) => issues.push(i))]
  return { docs, issues }
}

/** The text a code point span covers, through the shared offsets (never by hand). */
export function spanText(text: string, span: { start: number; end: number }): string {
  return new ArticleOffsets(text).slice(span)
}
