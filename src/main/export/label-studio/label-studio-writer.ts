import { ArticleOffsets } from '../../../shared/offsets'
import type { ExportAnnotation, ExportArticle, ExportContext } from '../export-dataset'
import type { ExportNotes, FormatWriter } from '../format-writer'
import type { OutputFile, OutputFolder } from '../output-folder'
import { labelConfig } from './label-config'
import { labelStudioTask } from './label-studio-task'
import { plural, was } from '../../../shared/plural'

/**
 * Label Studio JSON: tasks.json, one array streamed task by task, offsets in UTF-16 code units (what Label Studio
 * counts in the browser); and label_config.xml, the labeling config generated from the codebook.
 */
export class LabelStudioWriter implements FormatWriter {
  private ctx!: ExportContext
  private file!: OutputFile
  private tasks = 0
  private annotationId = 0
  private readonly users = new Map<string, number>()
  private readonly counts = { tasks: 0, regions: 0, tags: 0, fragmentsSplit: 0, relations: 0, linksDropped: 0 }

  begin(ctx: ExportContext, out: OutputFolder): void {
    this.ctx = ctx
    ctx.annotators.forEach((a, i) => this.users.set(a.id, i + 1))
    out.writeFile('label_config.xml', labelConfig(ctx.codebook))
    this.file = out.open('tasks.json')
    this.file.write('[')
  }

  article(article: ExportArticle): void {
    const task = labelStudioTask(article, {
      offsets: new ArticleOffsets(article.text),
      codebookOf: (a: ExportAnnotation) => (a.codebookVersion !== null && this.ctx.codebooks.get(a.codebookVersion)) || this.ctx.codebook,
      userNumber: (id) => this.users.get(id) ?? this.users.set(id, this.users.size + 1).get(id)!,
      nextAnnotationId: () => ++this.annotationId
    })
    this.file.write((this.tasks++ === 0 ? '\n' : ',\n') + JSON.stringify(task))
    this.count(article.annotations)
  }

  end(): ExportNotes {
    this.file.write('\n]\n')
    const c = { ...this.counts, tasks: this.tasks }
    const warnings: string[] = []
    if (c.fragmentsSplit > 0) warnings.push(`${plural(c.fragmentsSplit, 'discontinuous tag')} ${was(c.fragmentsSplit)} written as one region per fragment (ids <tag id>#2, #3…; attributes and links on the first)`)
    if (c.linksDropped > 0) warnings.push(`${plural(c.linksDropped, 'link')} ${was(c.linksDropped)} left out: their target is another coder's tag or not in the export (Label Studio relations stay inside one annotation)`)
    return { warnings, counts: c, files: ['label_config.xml', 'tasks.json'] }
  }

  private count(tags: ExportAnnotation[]): void {
    for (const a of tags) {
      this.counts.tags++
      this.counts.regions += a.fragments.length
      if (a.fragments.length > 1) this.counts.fragmentsSplit++
      for (const l of a.links) {
        if (tags.some((t) => t.id === l.to && t.annotatorId === a.annotatorId)) this.counts.relations++
        else this.counts.linksDropped++
      }
    }
  }
}
