import { stringify } from 'csv-stringify/sync'
import type { ExportArticle, ExportContext } from '../export-dataset'
import type { ExportNotes, FormatWriter } from '../format-writer'
import type { OutputFile, OutputFolder } from '../output-folder'
import { bratAnn, emptyAnnCounts, type AnnCounts } from './brat-ann'
import { BratConf } from './brat-conf'
import { bratFileName } from './brat-file-name'
import { BratTypeNames } from './brat-type-names'
import { plural, was } from '../../../shared/plural'
import { SeveralCoders } from '../several-coders-warning'

/** Lists which article each .txt/.ann pair holds; brat shows only file names. */
export const BRAT_INDEX_FILE = 'articles.tsv'
const INDEX_COLUMNS = ['file', 'article_id', 'uid', 'title', 'source', 'url', 'published', 'language']

/**
 * brat standoff: `<id>-<title>.txt` (the canonical text, unchanged) and `.ann` per article in one folder, plus
 * annotation.conf and visual.conf generated from the codebook and whatever the tags use, written at the end.
 */
export class BratWriter implements FormatWriter {
  private ctx!: ExportContext
  private out!: OutputFolder
  private index!: OutputFile
  private names = new BratTypeNames()
  private conf!: BratConf
  private counts: AnnCounts & { articles: number } = { ...emptyAnnCounts(), articles: 0 }
  private readonly coders = new SeveralCoders()
  private files: string[] = []

  begin(ctx: ExportContext, out: OutputFolder): void {
    this.ctx = ctx
    this.out = out
    this.names = new BratTypeNames()
    this.conf = new BratConf(ctx.codebook, this.names)
    this.index = out.open(BRAT_INDEX_FILE)
    this.index.write(stringify([INDEX_COLUMNS], { delimiter: '\t' }))
    this.files = [BRAT_INDEX_FILE]
  }

  article(a: ExportArticle): void {
    const base = bratFileName(a)
    this.out.writeFile(`${base}.txt`, a.text)
    this.out.writeFile(`${base}.ann`, bratAnn(a, this.ctx, this.conf, this.names, this.counts))
    this.index.write(stringify([[base, a.id, a.uid, a.title, a.source, a.url, a.published, a.language]], { delimiter: '\t' }))
    this.files.push(`${base}.txt`, `${base}.ann`)
    this.counts.articles++
    this.coders.see(a.annotations)
  }

  end(): ExportNotes {
    this.out.writeFile('annotation.conf', this.conf.annotationConf())
    this.out.writeFile('visual.conf', this.conf.visualConf())
    this.index.close()
    const c = this.counts
    const renamed = this.names.renamed()
    const warnings = [
      c.tags > 0 && `Tag status, coder and created/updated times are not written (${c.tags} tags): brat has no place for them.`,
      this.coders.warning('their tags share one .ann file (filter by coder for one layer per export).'),
      renamed.length > 0 &&
        `${plural(renamed.length, 'label')} ${renamed.length === 1 ? 'is not a valid brat type name and was' : 'are not valid brat type names and were'} renamed (${renamed.map(([l, n]) => `"${l}" → ${n}`).join(', ')}); visual.conf shows the original names and the brat reader maps them back.`,
      c.fragmentsSplitAtLineBreaks > 0 && `${plural(c.fragmentsSplitAtLineBreaks, 'extra fragment')} ${was(c.fragmentsSplitAtLineBreaks)} made by cutting tags at line breaks, as brat requires; the brat reader joins them again.`,
      c.attributesInNotes > 0 && `${plural(c.attributesInNotes, 'attribute value')} brat has no form for (text, number, date, false, tag references) ${was(c.attributesInNotes)} written as a "spanwise-attributes {…}" AnnotatorNotes line.`,
      c.tagsWithoutText > 0 && `${plural(c.tagsWithoutText, 'tag')} covering only line breaks ${was(c.tagsWithoutText)} left out: brat cannot hold ${c.tagsWithoutText === 1 ? 'it' : 'them'}.`,
      c.linksToMissingTags > 0 && `${plural(c.linksToMissingTags, 'link')} to tags not in this export ${was(c.linksToMissingTags)} left out.`
    ].filter((w): w is string => typeof w === 'string')
    return {
      warnings,
      counts: { ...c, renamedLabels: renamed.length },
      files: [...this.files, 'annotation.conf', 'visual.conf']
    }
  }
}
