import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { codebookSchema, type Codebook } from '../../src/shared/codebook/codebook-schema'
import type { Actor } from '../../src/shared/domain'
import type { ExportAnnotation, ExportArticle, ExportContext } from '../../src/main/export/export-dataset'
import type { ExportNotes, FormatWriter } from '../../src/main/export/format-writer'
import { OutputFolder } from '../../src/main/export/output-folder'
import { exportOptions } from '../../src/shared/exchange/export-options'
import { ArticleOffsets, quoteRange } from '../../src/shared/offsets'
import type { ImportIssue } from '../../src/shared/domain'
import type { ImportedDocument } from '../../src/main/import/annotated/imported-document'
import type { FormatReader } from '../../src/main/import/annotated/imported-document'

export const defaultCodebook = (): Codebook =>
  codebookSchema.parse(JSON.parse(readFileSync(join(__dirname, '../../resources/codebook/default-codebook.json'), 'utf8')))

export function exportContext(codebook: Codebook = defaultCodebook(), actors: Actor[] = []): ExportContext {
  return {
    projectName: 'test',
    exportedAt: '2026-01-01T00:00:00Z',
    codebook,
    codebookVersion: codebook.version,
    codebooks: new Map([[codebook.version, codebook]]),
    actors: new Map(actors.map((a) => [a.id, a])),
    annotators: [{ id: 'ana', name: 'Ana' }],
    options: exportOptions.parse({ format: 'brat', destination: '/unused' })
  }
}

export interface TagSpec {
  id: string
  label: string
  /** Code point ranges into the article text. */
  ranges: [number, number][]
  attributes?: Record<string, unknown>
  links?: { type: string; to: string }[]
  note?: string
  annotatorId?: string
}

/** A tag as the exporter gets it, quotes cut from the text by code points. */
export function exportTag(text: string, spec: TagSpec): ExportAnnotation {
  const offsets = new ArticleOffsets(text)
  return {
    id: spec.id,
    articleId: 1,
    annotatorId: spec.annotatorId ?? 'ana',
    annotatorName: 'Ana',
    label: spec.label,
    fragments: spec.ranges.map(([start, end]) => ({ start, end, ...quoteRange(offsets, { start, end }) })),
    attributes: spec.attributes ?? {},
    note: spec.note ?? '',
    status: 'submitted',
    links: spec.links ?? [],
    missing: [],
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    codebookVersion: 1
  }
}

export function exportArticle(id: number, title: string, text: string, tags: TagSpec[]): ExportArticle {
  return {
    id,
    uid: `uid-${id}`,
    title,
    text,
    hash: `hash-${id}`,
    source: 'El Tiempo',
    url: `https://example.org/${id}`,
    published: '2025-08-21',
    language: 'es',
    fileName: `${id}.txt`,
    metadata: {},
    status: 'done',
    note: '',
    importedAt: '2026-01-01T00:00:00Z',
    annotations: tags.map((t) => exportTag(text, t))
  }
}

/** Runs a writer over the articles into `dir/name` and returns its notes and the folder. */
export function runWriter(writer: FormatWriter, ctx: ExportContext, articles: ExportArticle[], dir: string, name = 'out'): { notes: ExportNotes; folder: string } {
  const out = new OutputFolder(join(dir, name))
  writer.begin(ctx, out)
  for (const a of articles) writer.article(a)
  const notes = writer.end()
  out.commit()
  return { notes, folder: join(dir, name) }
}

export function readAll(reader: FormatReader, paths: string[]): { docs: ImportedDocument[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = []
  const docs = [...reader.read(paths, (i) => issues.push(i))]
  return { docs, issues }
}

export const filesIn = (dir: string, ext: string) => readdirSync(dir).filter((f) => f.endsWith(ext)).sort()
