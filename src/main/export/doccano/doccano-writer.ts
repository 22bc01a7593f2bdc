import { ArticleOffsets } from '../../../shared/offsets'
import type { ExportAnnotation, ExportArticle, ExportContext } from '../export-dataset'
import type { ExportNotes, FormatWriter } from '../format-writer'
import type { OutputFile, OutputFolder } from '../output-folder'
import { doccanoFileName } from './doccano-file-name'
import { plural, was } from '../../../shared/plural'

interface Coder {
  id: string
  name: string
}

/**
 * doccano JSONL, laid out as doccano exports a project: one `<member>.jsonl` per coder, each holding every
 * article with that coder's tags (`all.jsonl` when there are no coders). Offsets are UTF-16 code units, what
 * doccano's browser counts. The relation-extraction form (entities + relations) is used for the whole export
 * when the codebook defines relations, since a streamed export cannot know in advance whether a link will come;
 * otherwise the sequence-labelling form (label: [[start, end, label]]). Each fragment becomes its own span.
 */
export class DoccanoWriter implements FormatWriter {
  private out!: OutputFolder
  private relations = false
  private readonly files = new Map<string, { file: OutputFile; name: string; tags: number }>()
  private readonly names: string[] = []
  private coders: Coder[] = []
  private entityId = 0
  private relationId = 0
  private readonly counts = { articles: 0, spans: 0, tags: 0, fragmentsSplit: 0, relations: 0, linksDropped: 0, notesDropped: 0, attributesDropped: 0 }

  begin(ctx: ExportContext, out: OutputFolder): void {
    this.out = out
    this.relations = ctx.codebook.relations.length > 0 || [...ctx.codebooks.values()].some((c) => c.relations.length > 0)
    const wanted = ctx.options.filter.annotators
    this.coders = ctx.annotators.filter((a) => !wanted?.length || wanted.includes(a.id) || wanted.includes(a.name))
  }

  article(article: ExportArticle): void {
    this.counts.articles++
    for (const a of article.annotations) if (!this.coders.some((c) => c.id === a.annotatorId)) this.coders.push({ id: a.annotatorId, name: a.annotatorName })
    const offsets = new ArticleOffsets(article.text)
    const targets = this.coders.length > 0 ? this.coders : [null]
    for (const coder of targets) {
      const mine = coder ? article.annotations.filter((a) => a.annotatorId === coder.id) : article.annotations
      const f = this.file(coder)
      f.tags += mine.length
      f.file.write(JSON.stringify(this.line(article, mine, offsets, coder?.name)) + '\n')
    }
  }

  end(): ExportNotes {
    // a coder with no tags in the export (the gold standard before any review) would get a file of bare texts
    const files = [...this.files.values()]
    if (files.some((f) => f.tags > 0)) {
      for (const f of files.filter((x) => x.tags === 0)) {
        this.out.remove(f.name)
        this.names.splice(this.names.indexOf(f.name), 1)
      }
    }
    const c = this.counts
    const warnings: string[] = []
    if (c.fragmentsSplit > 0) warnings.push(`${plural(c.fragmentsSplit, 'discontinuous tag')} ${was(c.fragmentsSplit)} split into one span per fragment (doccano has no discontinuous spans)`)
    if (c.attributesDropped > 0) warnings.push(`${plural(c.attributesDropped, 'tag')} had attributes, which doccano cannot carry; they were left out`)
    if (c.notesDropped > 0) warnings.push(`${plural(c.notesDropped, 'tag note')} ${was(c.notesDropped)} left out (doccano comments belong to the whole example)`)
    if (c.linksDropped > 0) warnings.push(`${plural(c.linksDropped, 'link')} ${was(c.linksDropped)} left out (${this.relations ? 'their target tag is not in the export' : 'the codebook defines no relations, so the sequence-labelling form was used'})`)
    return { warnings, counts: { ...c, relationForm: this.relations ? 1 : 0 }, files: [...this.names] }
  }

  private line(article: ExportArticle, tags: ExportAnnotation[], offsets: ArticleOffsets, coder: string | undefined): Record<string, unknown> {
    const spans: { id: number; start: number; end: number; label: string }[] = []
    const firstSpan = new Map<string, number>()
    for (const a of tags) {
      this.counts.tags++
      if (a.fragments.length > 1) this.counts.fragmentsSplit++
      if (Object.keys(a.attributes).length > 0) this.counts.attributesDropped++
      if (a.note) this.counts.notesDropped++
      for (const f of a.fragments) {
        const id = this.entityId++
        if (!firstSpan.has(a.id)) firstSpan.set(a.id, id)
        spans.push({ id, start: offsets.cpToUtf16(f.start), end: offsets.cpToUtf16(f.end), label: a.label })
      }
    }
    this.counts.spans += spans.length
    // the coder's exact name: the file name is made safe for the disk ("Sam (x)" → "Sam _x_"), so it cannot carry it back
    const head = { id: article.id, text: article.text, ...(coder !== undefined ? { annotator: coder } : {}) }
    const meta = { uid: article.uid, title: article.title, source: article.source, url: article.url, published: article.published, language: article.language, fileName: article.fileName, metadata: article.metadata }
    const comments = article.note ? [article.note] : []
    if (!this.relations) {
      for (const a of tags) this.counts.linksDropped += a.links.length
      return { ...head, label: spans.map((s) => [s.start, s.end, s.label]), Comments: comments, ...meta }
    }
    const relations: { id: number; from_id: number; to_id: number; type: string }[] = []
    for (const a of tags) {
      for (const l of a.links) {
        const to = firstSpan.get(l.to)
        if (to === undefined) this.counts.linksDropped++
        else relations.push({ id: this.relationId++, from_id: firstSpan.get(a.id)!, to_id: to, type: l.type })
      }
    }
    this.counts.relations += relations.length
    const entities = spans.map((s) => ({ id: s.id, start_offset: s.start, end_offset: s.end, label: s.label }))
    return { ...head, entities, relations, Comments: comments, ...meta }
  }

  private file(coder: Coder | null): { file: OutputFile; name: string; tags: number } {
    const key = coder?.id ?? ''
    let f = this.files.get(key)
    if (!f) {
      const name = doccanoFileName(coder?.name || coder?.id || 'all', this.names)
      this.names.push(name)
      f = { file: this.out.open(name), name, tags: 0 }
      this.files.set(key, f)
    }
    return f
  }
}
