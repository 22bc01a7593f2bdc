import { mentionActorIds, resolveActor } from '../tables/resolve-actor'
import type { ExportArticle, ExportContext } from '../export-dataset'
import type { ExportNotes, FormatWriter } from '../format-writer'
import type { OutputFile, OutputFolder } from '../output-folder'
import { firstNonOverlapping } from './first-non-overlapping'
import { SPACY_README } from './spacy-readme'
import { TO_DOCBIN_PY } from './to-docbin-script'
import { SeveralCoders } from '../several-coders-warning'
import { plural } from '../../../shared/plural'

interface SpanRecord {
  start: number
  end: number
  label: string
  kb_id?: string
  tag_id: string
}

/** spans.jsonl (code point offsets, as Python counts) with a script that turns it into a spaCy DocBin. */
export class SpacyWriter implements FormatWriter {
  private ctx!: ExportContext
  private file!: OutputFile
  private readonly counts: Record<string, number> = { documents: 0, spans: 0, ents: 0, leftOutOfEnts: 0, fragmentsSplit: 0, kbIds: 0 }
  private readonly coders = new SeveralCoders()

  begin(ctx: ExportContext, out: OutputFolder): void {
    this.ctx = ctx
    this.file = out.open('spans.jsonl')
    out.writeFile('to_docbin.py', TO_DOCBIN_PY)
    out.writeFile('README.md', SPACY_README)
  }

  article(article: ExportArticle): void {
    const spans: SpanRecord[] = []
    this.coders.see(article.annotations)
    for (const tag of article.annotations) {
      const codebook = (tag.codebookVersion !== null ? this.ctx.codebooks.get(tag.codebookVersion) : undefined) ?? this.ctx.codebook
      const actorId = mentionActorIds(tag, codebook)[0]
      const kbId = actorId === undefined ? undefined : (resolveActor(this.ctx.actors, actorId)?.id ?? actorId)
      if (tag.fragments.length > 1) this.counts.fragmentsSplit!++
      if (kbId !== undefined) this.counts.kbIds!++
      for (const f of tag.fragments) spans.push({ start: f.start, end: f.end, label: tag.label, ...(kbId !== undefined ? { kb_id: kbId } : {}), tag_id: tag.id })
    }
    const { kept, dropped } = firstNonOverlapping(spans)
    const meta = { uid: article.uid, title: article.title, article_id: article.id, language: article.language }
    this.file.write(JSON.stringify({ text: article.text, spans, ents: kept, meta }) + '\n')
    this.counts.documents!++
    this.counts.spans! += spans.length
    this.counts.ents! += kept.length
    this.counts.leftOutOfEnts! += dropped.length
  }

  end(): ExportNotes {
    this.file.close()
    const warnings: string[] = []
    const mixed = this.coders.warning('their spans are mixed in one example (the same span twice when coders agree). For training data export one layer, such as gold, with the coder filter.')
    if (mixed) warnings.push(mixed)
    if (this.counts.fragmentsSplit) warnings.push(`${plural(this.counts.fragmentsSplit, 'discontinuous tag')} became one span per fragment (sharing ${this.counts.fragmentsSplit === 1 ? 'its' : 'their'} tag_id).`)
    if (this.counts.leftOutOfEnts) warnings.push(`${plural(this.counts.leftOutOfEnts, 'span')} ${this.counts.leftOutOfEnts === 1 ? 'overlaps an earlier one: it is' : 'overlap an earlier one: they are'} in spans (for spancat) but not in ents (for NER).`)
    return { warnings, counts: { ...this.counts }, files: ['spans.jsonl', 'to_docbin.py', 'README.md'] }
  }
}

export function spacyWriter(): FormatWriter {
  return new SpacyWriter()
}
