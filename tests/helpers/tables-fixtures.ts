import { join } from 'node:path'
import defaultCodebook from '../../resources/codebook/default-codebook.json'
import { codebookSchema } from '../../src/shared/codebook/codebook-schema'
import type { Actor } from '../../src/shared/domain'
import { type ExportOptionsInput, exportOptions } from '../../src/shared/exchange/export-options'
import { ArticleOffsets, quoteRange } from '../../src/shared/offsets'
import type { ExportAnnotation, ExportArticle, ExportContext } from '../../src/main/export/export-dataset'
import type { ExportNotes, FormatWriter } from '../../src/main/export/format-writer'
import { OutputFolder } from '../../src/main/export/output-folder'
import { tempDir } from './project'

export const CODEBOOK = codebookSchema.parse(defaultCodebook)

/** A registry actor with defaults for the fields a test does not care about. */
export function registryActor(id: string, name: string, type: string, more: Partial<Actor> = {}): Actor {
  return {
    id, name, kind: 'organisation', type, country: 'COL', parentId: null, externalIds: {}, status: 'approved', mergedInto: null,
    notes: '', createdBy: 'ana', createdAt: '2025-01-01T00:00:00Z', aliases: [], relations: [], mentionCount: 1, ...more
  }
}

/** An export context with the default codebook, the given actors and options. */
export function exportContext(actors: Actor[] = [], options: Partial<ExportOptionsInput> = {}): ExportContext {
  return {
    projectName: 'Huila test',
    exportedAt: '2025-06-01T12:00:00Z',
    codebook: CODEBOOK,
    codebookVersion: CODEBOOK.version,
    codebooks: new Map([[CODEBOOK.version, CODEBOOK]]),
    actors: new Map(actors.map((a) => [a.id, a])),
    annotators: [{ id: 'ana', name: 'Ana' }],
    options: exportOptions.parse({ format: 'csv', destination: '/tmp/unused', ...options })
  }
}

/** Builds an ExportArticle by naming the tagged phrases; spans are found in the text and converted to code points. */
export class ArticleBuilder {
  private readonly offsets: ArticleOffsets
  private readonly tags: ExportAnnotation[] = []

  constructor(
    readonly text: string,
    private readonly id = 1,
    private readonly more: Partial<ExportArticle> = {}
  ) {
    this.offsets = new ArticleOffsets(text)
  }

  /** The code point range of the n-th occurrence (1-based) of a phrase. */
  range(phrase: string, occurrence = 1): { start: number; end: number } {
    let at = -1
    for (let i = 0; i < occurrence; i++) at = this.text.indexOf(phrase, at + 1)
    if (at < 0) throw new Error(`"${phrase}" is not in the text`)
    return { start: this.offsets.utf16ToCp(at), end: this.offsets.utf16ToCp(at + phrase.length) }
  }

  /** Adds a tag over one phrase, or several (a discontinuous tag). */
  tag(label: string, phrases: string | string[], more: Partial<ExportAnnotation> = {}): ExportAnnotation {
    const fragments = (Array.isArray(phrases) ? phrases : [phrases]).map((p) => {
      const range = this.range(p)
      return { ...range, ...quoteRange(this.offsets, range) }
    })
    const tag: ExportAnnotation = {
      id: `t${this.tags.length + 1}`, articleId: this.id, annotatorId: 'ana', annotatorName: 'Ana', label, fragments, attributes: {}, note: '',
      status: 'submitted', links: [], missing: [], createdAt: '2025-05-01T10:00:00Z', updatedAt: '2025-05-02T10:00:00Z', codebookVersion: CODEBOOK.version, ...more
    }
    this.tags.push(tag)
    return tag
  }

  link(from: ExportAnnotation, type: string, to: ExportAnnotation | string): void {
    from.links.push({ type, to: typeof to === 'string' ? to : to.id })
  }

  build(): ExportArticle {
    const annotations = [...this.tags].sort((a, b) => a.fragments[0]!.start - b.fragments[0]!.start)
    return {
      id: this.id, uid: `uid-${this.id}`, title: `Article ${this.id}`, text: this.text, hash: `hash-${this.id}`, source: 'El Tiempo', url: `https://example.org/${this.id}`,
      published: '2025-05-01', language: 'es', fileName: `a${this.id}.txt`, metadata: { section: 'orden público' }, status: 'done', note: '', importedAt: '2025-05-03T00:00:00Z',
      annotations, ...this.more
    }
  }
}

/** Runs a writer over articles into a fresh folder; returns the committed folder and the writer's notes. */
export function runWriter(writer: FormatWriter, ctx: ExportContext, articles: ExportArticle[]): { dir: string; notes: ExportNotes } {
  const dir = join(tempDir('spanwise-export-'), 'export')
  const out = new OutputFolder(dir)
  writer.begin(ctx, out)
  for (const a of articles) writer.article(a)
  const notes = writer.end()
  out.commit()
  return { dir, notes }
}
