import { tokenizeSentences } from '../../../shared/offsets'
import type { ExportArticle, ExportContext } from '../export-dataset'
import type { ExportNotes, FormatWriter } from '../format-writer'
import type { OutputFile, OutputFolder } from '../output-folder'
import { conllLabel } from './conll-label'
import { SeveralCoders } from '../several-coders-warning'
import { plural, was } from '../../../shared/plural'
import { conllReadme } from './conll-readme'
import { type TokenIssue, tokenEntities } from './token-entities'
import { quoted } from '../../../shared/text/quoted'

const DOCSTART = '-DOCSTART- -X- -X- O\n\n'
export const CONLL_REPORT = 'conll-report.jsonl'
const COUNT_OF = { snapped: 'snapped', overlap_dropped: 'overlapsDropped', fragments_dropped: 'fragmentsDropped', no_tokens: 'noTokens', sentence_joined: 'sentencesJoined' } as const

/** The CoNLL file's name: the project's name (letters, digits, "_" and "-") with the scheme stated, e.g. "huila.iob2.conll". */
export function conllFileName(projectName: string): string {
  const base = projectName.normalize('NFC').replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '')
  return `${base || 'spanwise'}.iob2.conll`
}

/** CoNLL-2003 columns with IOB2 tags, one article per -DOCSTART- block; every lossy step is reported per tag. */
export class ConllWriter implements FormatWriter {
  private file!: OutputFile
  private report!: OutputFile
  private fileName = ''
  private readonly renamed = new Set<string>()
  private readonly coders = new SeveralCoders()
  private readonly counts: Record<string, number> = {
    documents: 0, sentences: 0, tokens: 0, entities: 0, snapped: 0, overlapsDropped: 0, fragmentsDropped: 0, noTokens: 0, sentencesJoined: 0
  }

  begin(ctx: ExportContext, out: OutputFolder): void {
    this.fileName = conllFileName(ctx.projectName)
    this.file = out.open(this.fileName)
    this.report = out.open(CONLL_REPORT)
    out.writeFile('README.md', conllReadme(this.fileName))
  }

  article(article: ExportArticle): void {
    this.coders.see(article.annotations)
    const sentences = tokenizeSentences(article.text)
    const tokens = sentences.flat()
    const opensSentence = new Set<number>()
    let at = 0
    for (const s of sentences) {
      opensSentence.add(at)
      at += s.length
    }
    const { entities, issues } = tokenEntities(article.annotations, tokens)
    const tags: string[] = tokens.map(() => 'O')
    for (const e of entities) {
      const type = conllLabel(e.tag.label)
      if (type !== e.tag.label) this.renamed.add(e.tag.label)
      tags[e.first] = `B-${type}`
      for (let i = e.first + 1; i <= e.last; i++) {
        tags[i] = `I-${type}`
        // an entity never crosses a sentence break: the two sentences stay one
        if (opensSentence.delete(i)) this.log(article, { tag: e.tag, what: 'sentence_joined', span: { start: e.tag.fragments[0]!.start, end: e.tag.fragments[0]!.end } })
      }
    }
    for (const issue of issues) this.log(article, issue)
    let text = DOCSTART
    tokens.forEach((t, i) => {
      if (i > 0 && opensSentence.has(i)) text += '\n'
      text += `${t.text} -X- _ ${tags[i]}\n`
    })
    if (tokens.length > 0) text += '\n'
    this.file.write(text)
    this.counts.documents!++
    this.counts.sentences! += opensSentence.size
    this.counts.tokens! += tokens.length
    this.counts.entities! += entities.length
  }

  end(): ExportNotes {
    this.file.close()
    this.report.close()
    const c = this.counts
    const warnings: string[] = []
    const mixed = this.coders.warning('the second coder’s copy of a tag overlaps the first and is left out below. For training data export one layer, such as gold, with the coder filter.')
    if (mixed) warnings.push(mixed)
    if (c.overlapsDropped) warnings.push(`${plural(c.overlapsDropped, 'overlapping tag')} ${was(c.overlapsDropped)} left out (the first in text order wins, the longest on a tie).`)
    if (c.fragmentsDropped) warnings.push(`${plural(c.fragmentsDropped, 'discontinuous tag')} ${was(c.fragmentsDropped)} tagged on ${c.fragmentsDropped === 1 ? 'its' : 'their'} first fragment only.`)
    if (c.snapped) warnings.push(`${plural(c.snapped, 'tag')} started or ended inside a token and ${was(c.snapped)} widened to whole tokens.`)
    if (c.noTokens) warnings.push(`${plural(c.noTokens, 'tag')} covered no token and ${was(c.noTokens)} left out.`)
    if (c.sentencesJoined) warnings.push(`${plural(c.sentencesJoined, 'sentence break')} inside a tag ${was(c.sentencesJoined)} removed so the entity stays in one sentence.`)
    if (this.renamed.size) warnings.push(`Labels with spaces are written with "_": ${[...this.renamed].map((l) => `${quoted(l)} → ${conllLabel(l)}`).join(', ')}.`)
    if (warnings.length) warnings.push(`Each case is listed per tag in ${CONLL_REPORT}.`)
    return { warnings, counts: { ...c, labelsRenamed: this.renamed.size }, files: [this.fileName, CONLL_REPORT, 'README.md'] }
  }

  private log(article: ExportArticle, issue: TokenIssue): void {
    this.counts[COUNT_OF[issue.what]]!++
    const record = {
      article_uid: article.uid,
      tag_id: issue.tag.id,
      label: issue.tag.label,
      what: issue.what,
      span: [issue.span.start, issue.span.end],
      ...(issue.tokens ? { tokens: [issue.tokens.start, issue.tokens.end] } : {}),
      ...(issue.keptTagId ? { kept_tag_id: issue.keptTagId } : {})
    }
    this.report.write(JSON.stringify(record) + '\n')
  }
}

export function conllWriter(): FormatWriter {
  return new ConllWriter()
}
