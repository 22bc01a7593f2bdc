import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import type { ExportAnnotation, ExportArticle, ExportContext } from '../export-dataset'
import type { ExportNotes, FormatWriter } from '../format-writer'
import type { OutputFile, OutputFolder } from '../output-folder'
import { refiCodesXml, type RefiCode } from './refi-codes-xml'
import { refiGuid } from './refi-guid'
import { REFI_VARIABLES, refiSourceXml, sourceGuid, variableGuid, type RefiVariable } from './refi-source-xml'
import { XmlEscaper } from './xml-escaper'
import { xsdDateTime } from './xsd-date-time'
import { ZipWriter } from './zip-writer'
import { plural, was } from '../../../shared/plural'

const FALLBACK_COLOR = '#808080'
const SPOOL = '.refi-qda-spool'

/**
 * REFI-QDA 1.5: `project.qdpx` (project.qde + sources/<guid>.txt) and a standalone `codebook.qdc`. Source
 * texts go into the zip as articles arrive; the TextSource, Note and Link elements are spooled to temporary
 * files and joined into project.qde at the end, after the Users and CodeBook known by then.
 */
export class RefiQdaWriter implements FormatWriter {
  private ctx!: ExportContext
  private out!: OutputFolder
  private zip!: ZipWriter
  private spool!: { sources: OutputFile; notes: OutputFile; links: OutputFile }
  private readonly esc = new XmlEscaper()
  private readonly users = new Map<string, { guid: string; name: string }>()
  private readonly codes = new Map<string, RefiCode>()
  private readonly variables = new Set<RefiVariable>()
  private labelsAdded = 0
  private readonly counts = { articles: 0, tags: 0, selections: 0, notes: 0, links: 0, discontinuousTags: 0, linksDropped: 0 }

  begin(ctx: ExportContext, out: OutputFolder): void {
    this.ctx = ctx
    this.out = out
    for (const cb of [ctx.codebook, ...ctx.codebooks.values()])
      for (const l of cb.labels) if (!this.codes.has(l.name)) this.codes.set(l.name, { name: l.name, color: l.color, description: l.description, parent: l.parent })
    for (const a of ctx.annotators) this.user(a.id, a.name)
    this.zip = new ZipWriter(out.open('project.qdpx'))
    this.spool = { sources: out.open(`${SPOOL}/sources.xml`), notes: out.open(`${SPOOL}/notes.xml`), links: out.open(`${SPOOL}/links.xml`) }
  }

  article(article: ExportArticle): void {
    const parts = refiSourceXml(article, (tag) => this.tagUser(tag), this.esc, this.ctx.options.quotes)
    // the canonical text has LF line breaks only, so tools that count a CRLF as one character and those that count two agree
    this.zip.file(`sources/${sourceGuid(article)}.txt`, article.text)
    this.spool.sources.write(parts.source)
    this.spool.notes.write(parts.notes)
    this.spool.links.write(parts.links)
    for (const v of parts.variables) this.variables.add(v)
    this.counts.articles++
    this.counts.tags += article.annotations.length
    this.counts.selections += parts.selections
    this.counts.notes += parts.notesWritten
    this.counts.links += parts.linksWritten
    this.counts.discontinuousTags += parts.discontinuous
    this.counts.linksDropped += parts.linksDropped
  }

  end(): ExportNotes {
    const codes = refiCodesXml([...this.codes.values()], this.esc)
    const qde = this.zip.entry('project.qde')
    qde.text(this.header(codes))
    this.section(qde, 'Sources', this.spool.sources, this.counts.articles)
    this.section(qde, 'Notes', this.spool.notes, this.counts.notes)
    this.section(qde, 'Links', this.spool.links, this.counts.links)
    qde.text('</Project>\n')
    qde.end()
    this.zip.end()
    rmSync(dirname(this.spool.sources.path), { recursive: true, force: true })
    this.out.writeFile('codebook.qdc', `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Spanwise">\n${codes}</CodeBook>\n`)
    return { warnings: this.warnings(), counts: { ...this.counts, labelsAdded: this.labelsAdded, charactersRemoved: this.esc.removed }, files: ['project.qdpx', 'codebook.qdc'] }
  }

  private header(codes: string): string {
    const users = [...this.users.entries()].map(([id, u]) => `    <User${this.esc.attrs({ guid: u.guid, name: u.name, id })}/>\n`).join('')
    const variables = Object.keys(REFI_VARIABLES)
      .filter((n) => this.variables.has(n as RefiVariable))
      .map((n) => `    <Variable${this.esc.attrs({ guid: variableGuid(n as RefiVariable), name: n, typeOfVariable: 'Text' })}/>\n`)
      .join('')
    return (
      '<?xml version="1.0" encoding="utf-8"?>\n' +
      `<Project xmlns="urn:QDA-XML:project:1.0"${this.esc.attrs({ name: this.ctx.projectName, origin: 'Spanwise', creationDateTime: xsdDateTime(this.ctx.exportedAt) })}>\n` +
      (users ? `  <Users>\n${users}  </Users>\n` : '') +
      `  <CodeBook>\n${codes}  </CodeBook>\n` +
      (variables ? `  <Variables>\n${variables}  </Variables>\n` : '')
    )
  }

  // an XSD list element needs at least one member, so an empty one is left out
  private section(qde: ReturnType<ZipWriter['entry']>, name: string, spool: OutputFile, members: number): void {
    spool.close()
    if (members === 0) return
    qde.text(`  <${name}>\n`)
    qde.copy(spool.path)
    qde.text(`  </${name}>\n`)
  }

  private tagUser(tag: ExportAnnotation): string {
    this.code(tag.label)
    return this.user(tag.annotatorId, tag.annotatorName)
  }

  private user(id: string, name: string): string {
    const known = this.users.get(id)
    if (known) return known.guid
    const guid = refiGuid('user', id)
    this.users.set(id, { guid, name: name || id })
    return guid
  }

  // tags keep labels an older codebook had or the current one lacks; they still need a code to refer to
  private code(label: string): void {
    if (this.codes.has(label)) return
    this.codes.set(label, { name: label, color: FALLBACK_COLOR, description: '', parent: null })
    this.labelsAdded++
  }

  private warnings(): string[] {
    const w: string[] = []
    const c = this.counts
    if (c.discontinuousTags) w.push(`${plural(c.discontinuousTags, 'discontinuous tag')} ${was(c.discontinuousTags)} written as one PlainTextSelection per fragment, all referring to the tag's note (Spanwise joins them again on import; other QDA tools show separate codings).`)
    if (c.linksDropped) w.push(`${plural(c.linksDropped, 'link')} ${c.linksDropped === 1 ? 'points to a tag' : 'point to tags'} this export leaves out and ${was(c.linksDropped)} not written.`)
    if (this.labelsAdded) w.push(`${plural(this.labelsAdded, 'label')} used by tags ${this.labelsAdded === 1 ? 'is' : 'are'} not in the codebook and ${was(this.labelsAdded)} added as top-level codes in grey.`)
    if (this.esc.removed) w.push(`${plural(this.esc.removed, 'control character')} XML 1.0 cannot carry ${was(this.esc.removed)} removed from names, notes and attributes (source texts are kept whole in sources/).`)
    return w
  }
}
