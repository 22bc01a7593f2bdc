import { randomUUID } from 'node:crypto'
import { ArticleOffsets } from '../../../shared/offsets'
import type { ExportArticle, ExportContext } from '../export-dataset'
import type { ExportNotes, FormatWriter } from '../format-writer'
import type { OutputFile, OutputFolder } from '../output-folder'
import { actorIdsOf } from './actor-ids-of'
import { W3C_CONTEXT, articleIri } from './w3c-iris'
import { linkAnnotation, tagAnnotation } from './w3c-annotation'
import { W3C_README } from './w3c-readme'
import { plural, was } from '../../../shared/plural'

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/

/**
 * W3C Web Annotation export. The collection's `total` is only known at the end, so each article's annotations
 * stream into their own AnnotationPage file (pages/000001.jsonld …), and annotations.jsonld, the
 * AnnotationCollection pointing at the first and last page, is written last. A page's `next` is appended
 * when the following article arrives (JSON keys have no order). Texts go to texts/, described by sources.jsonl.
 */
export class W3cWriter implements FormatWriter {
  private ctx!: ExportContext
  private out!: OutputFolder
  private sources!: OutputFile
  private page: OutputFile | null = null
  private readonly collection = `urn:spanwise:export:${randomUUID()}`
  private pages = 0
  private total = 0
  private links = 0
  private linksDropped = 0
  private readonly textNames = new Set<string>()
  private readonly files: string[] = []

  begin(ctx: ExportContext, out: OutputFolder): void {
    this.ctx = ctx
    this.out = out
    this.sources = this.create('sources.jsonl')
  }

  article(article: ExportArticle): void {
    const textFile = `texts/${this.textName(article)}.txt`
    this.out.writeFile(textFile, article.text)
    this.files.push(textFile)
    const pageId = this.pageIri(++this.pages)
    const pageFile = `pages/${String(this.pages).padStart(6, '0')}.jsonld`
    const source = articleIri(article.uid)
    this.sources.write(JSON.stringify({ article: source, textFile, pageFile, page: pageId, ...articleFields(article) }) + '\n')

    if (this.page) this.closePage(pageId)
    const page = this.create(pageFile)
    const head = { '@context': W3C_CONTEXT, id: pageId, type: 'AnnotationPage', partOf: { id: this.collection }, label: article.title, startIndex: this.total }
    page.write(JSON.stringify(head).slice(0, -1) + ',"items":[')
    const scope = { offsets: new ArticleOffsets(article.text), source, url: isAbsoluteIri(article.url) ? article.url : '', quotes: this.ctx.options.quotes }
    const exported = new Set(article.annotations.map((a) => a.id))
    let n = 0
    const item = (json: unknown) => page.write((n++ === 0 ? '\n' : ',\n') + JSON.stringify(json))
    for (const a of article.annotations) item(tagAnnotation(a, scope, actorIdsOf(a, this.ctx), this.ctx.actors))
    for (const a of article.annotations) {
      for (const l of a.links) {
        if (!exported.has(l.to)) this.linksDropped++
        else {
          item(linkAnnotation(a, l.type, l.to))
          this.links++
        }
      }
    }
    page.write('\n]')
    if (this.pages > 1) page.write(`,"prev":${JSON.stringify(this.pageIri(this.pages - 1))}`)
    this.total += n
    this.page = page
  }

  end(): ExportNotes {
    if (this.page) this.closePage(null)
    const collection: Record<string, unknown> = {
      '@context': W3C_CONTEXT,
      id: this.collection,
      type: 'AnnotationCollection',
      label: `${this.ctx.projectName}: Spanwise export of ${this.ctx.exportedAt}`,
      generator: { id: 'urn:spanwise:app', type: 'Software', name: 'Spanwise' },
      generated: this.ctx.exportedAt,
      total: this.total
    }
    if (this.pages > 0) Object.assign(collection, { first: this.pageIri(1), last: this.pageIri(this.pages) })
    this.out.writeFile('annotations.jsonld', JSON.stringify(collection, null, 1) + '\n')
    this.out.writeFile('README.txt', W3C_README)
    this.files.push('annotations.jsonld', 'README.txt')
    const warnings = this.linksDropped > 0 ? [`${plural(this.linksDropped, 'link')} to tags the filter left out ${was(this.linksDropped)} not written`] : []
    return { warnings, counts: { articles: this.pages, annotations: this.total - this.links, links: this.links, linksDropped: this.linksDropped }, files: this.files }
  }

  private closePage(next: string | null): void {
    this.page!.write(next ? `,"next":${JSON.stringify(next)}}\n` : '}\n')
    this.page!.close()
    this.page = null
  }

  private pageIri(n: number): string {
    return `${this.collection}:page:${n}`
  }

  private textName(article: ExportArticle): string {
    const name = SAFE_NAME.test(article.uid) && !this.textNames.has(article.uid) ? article.uid : `article-${this.pages + 1}`
    this.textNames.add(name)
    return name
  }

  private create(name: string): OutputFile {
    this.files.push(name)
    return this.out.open(name)
  }
}

function articleFields(a: ExportArticle): Record<string, unknown> {
  return { uid: a.uid, title: a.title, source: a.source, url: a.url, published: a.published, language: a.language, fileName: a.fileName, metadata: a.metadata, status: a.status, note: a.note, importedAt: a.importedAt }
}

function isAbsoluteIri(url: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(url)) return false
  return URL.canParse(url)
}
