import type { ExportArticle, ExportContext } from '../export-dataset'
import type { ExportNotes, FormatWriter } from '../format-writer'
import type { OutputFile, OutputFolder } from '../output-folder'
import { articleRows } from './article-rows'
import { registryRows } from './registry-rows'
import type { TableEncoding } from './table-encoding'
import type { Row, TableSpec } from './table-spec'
import { type TablesContext, tablesContext } from './tables-context'
import { ARTICLE_TABLES, REGISTRY_TABLES, type TableName, tableSpecs } from './tables-layout'
import { tablesReadme } from './tables-readme'
import { plural, was } from '../../../shared/plural'
import { EXPORT_FORMAT_INFO } from '../../../shared/exchange/exchange-formats'
import { quoted } from '../../../shared/text/quoted'

/** How many events without actor1 or actor2 the warning names; the events table has them all. */
const EXAMPLES = 3

/** Writes the analysis tables (documents, annotations, events … actors) in one encoding, streaming article by article. */
export class TablesWriter implements FormatWriter {
  readonly readsAdjudications = true
  private ctx!: ExportContext
  private out!: OutputFolder
  private tc!: TablesContext
  private specs!: Record<TableName, TableSpec>
  private columnNames!: Record<TableName, Set<string>>
  private encoding!: TableEncoding
  private readonly files = new Map<TableName, OutputFile>()
  private readonly counts: Record<string, number> = { linksToUnexported: 0, discontinuousTags: 0, unlinkedEventActors: 0, eventsWithoutActors: 0 }
  private readonly eventsWithoutActors: string[] = []

  constructor(private readonly makeEncoding: (ctx: ExportContext) => TableEncoding) {}

  begin(ctx: ExportContext, out: OutputFolder): void {
    this.ctx = ctx
    this.out = out
    this.encoding = this.makeEncoding(ctx)
    this.tc = tablesContext(ctx)
    this.specs = tableSpecs(this.tc)
    this.columnNames = Object.fromEntries(Object.entries(this.specs).map(([n, s]) => [n, new Set(s.columns.map((c) => c.name))])) as Record<TableName, Set<string>>
    for (const name of ARTICLE_TABLES) this.open(name)
  }

  article(article: ExportArticle): void {
    const { rows, linksToUnexported } = articleRows(article, this.tc)
    this.counts.linksToUnexported! += linksToUnexported
    this.counts.discontinuousTags! += article.annotations.filter((t) => t.fragments.length > 1).length
    this.counts.unlinkedEventActors! += rows.event_actors.filter((r) => r.actor_id === null).length
    for (const e of rows.events) {
      if (e.actor1 !== null && e.actor2 !== null) continue
      this.counts.eventsWithoutActors!++
      if (this.eventsWithoutActors.length < EXAMPLES) this.eventsWithoutActors.push(`${quoted(String(e.quote), 40)} (article ${e.article_id})`)
    }
    for (const name of ARTICLE_TABLES) this.write(name, rows[name])
  }

  end(): ExportNotes {
    for (const name of REGISTRY_TABLES) this.open(name)
    for (const actor of this.ctx.actors.values()) {
      const rows = registryRows(actor, this.ctx.actors)
      this.write('actors', [rows.actor])
      this.write('aliases', rows.aliases)
      this.write('actor_relations', rows.relations)
    }
    const specs = [...ARTICLE_TABLES, ...REGISTRY_TABLES].map((n) => this.specs[n])
    this.out.writeFile('README.md', tablesReadme(this.ctx, specs, this.encoding.extension, this.encoding.describe()))
    this.out.writeFile('tables.json', JSON.stringify(this.metadata(specs), null, 2) + '\n')
    for (const f of this.files.values()) f.close()
    return this.notes()
  }

  private open(name: TableName): void {
    const file = this.out.open(`${name}.${this.encoding.extension}`)
    file.write(this.encoding.header(this.specs[name]))
    this.files.set(name, file)
    this.counts[name] = 0
  }

  private write(name: TableName, rows: Row[]): void {
    const spec = this.specs[name]
    // a row key outside the table's columns would be silently lost: a programming error, caught here
    for (const row of rows) for (const key of Object.keys(row)) if (!this.columnNames[name].has(key)) throw new Error(`table ${name} has no column ${key}`)
    this.files.get(name)!.write(this.encoding.rows(spec, rows))
    this.counts[name]! += rows.length
  }

  private metadata(specs: TableSpec[]) {
    return {
      project: this.ctx.projectName,
      exportedAt: this.ctx.exportedAt,
      codebookVersion: this.ctx.codebookVersion,
      // the unit as the export's manifest.json names it
      offset_unit: EXPORT_FORMAT_INFO[this.ctx.options.format].unit,
      offset_end: 'exclusive',
      tables: Object.fromEntries(specs.map((s) => [s.name, { file: `${s.name}.${this.encoding.extension}`, columns: s.columns }]))
    }
  }

  private notes(): ExportNotes {
    const counts = { ...this.counts, ...this.encoding.counts() }
    const warnings: string[] = []
    const missing = counts.eventsWithoutActors ?? 0
    if (missing)
      warnings.push(
        `${plural(missing, 'event')} ${missing === 1 ? 'has' : 'have'} no actor1 or no actor2 (no perpetrator link, or no target or victim link), e.g. ${this.eventsWithoutActors.join(', ')}: ` +
          `${missing === 1 ? 'it is the row' : 'they are the rows'} of events.${this.encoding.extension} with an empty actor1 or actor2, and README.md states the rule.`
      )
    if (counts.discontinuousTags) warnings.push(`${plural(counts.discontinuousTags, 'discontinuous tag')} ${counts.discontinuousTags === 1 ? 'is one row' : 'are one row each'}, spanning first to last fragment (every fragment is listed in the fragments column).`)
    if (counts.linksToUnexported) warnings.push(`${plural(counts.linksToUnexported, 'link')} ${counts.linksToUnexported === 1 ? 'points to a tag' : 'point to tags'} the filter left out; ${counts.linksToUnexported === 1 ? 'it is' : 'they are'} in relations with to_exported = false, and events and claims cannot name those actors.`)
    if (counts.unlinkedEventActors) warnings.push(`${counts.unlinkedEventActors} actor mentions linked from events are not linked to the registry; they are named by their text and have no actor id.`)
    if (counts.formulaCellsNeutralised) warnings.push(`${plural(counts.formulaCellsNeutralised, 'text cell')} started like a spreadsheet formula (= + - @, tab, CR, NUL) and ${was(counts.formulaCellsNeutralised)} prefixed with an apostrophe.`)
    const files = [...this.files.keys()].map((n) => `${n}.${this.encoding.extension}`)
    return { warnings, counts, files: [...files, 'README.md', 'tables.json'] }
  }
}
