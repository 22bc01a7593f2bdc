import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterEach, describe, expect, it } from 'vitest'
import { csvWriter } from '../../../src/main/export/tables/csv-writer'
import { tablesJsonlWriter } from '../../../src/main/export/tables/tables-jsonl-writer'
import type { ExportArticle, ExportContext } from '../../../src/main/export/export-dataset'
import { cleanupTemp, tempDir } from '../../helpers/project'
import { codedProject } from '../../helpers/coded-project'
import { runExport } from '../../../src/main/export/run-export'
import { exportOptions } from '../../../src/shared/exchange/export-options'
import { ArticleBuilder, exportContext, registryActor, runWriter } from '../../helpers/tables-fixtures'
import { HAS_PYTHON } from '../../helpers/python'

afterEach(cleanupTemp)

const python = HAS_PYTHON

const TABLES = ['documents', 'annotations', 'events', 'event_actors', 'claims', 'relations', 'adjudications', 'actors', 'aliases', 'actor_relations']

const ACTORS = [
  registryActor('emc', 'Estado Mayor Central (EMC)', 'rebel_group', { aliases: [{ id: 1, alias: 'disidencias', language: 'es', aliasType: 'media_name', designatedBy: '', validFrom: '', validTo: '', ambiguous: true }] }),
  registryActor('old-emc', 'FARC dissidents (old entry)', 'rebel_group', { status: 'merged', mergedInto: 'emc' }),
  registryActor('dagoberto', 'Dagoberto Ramos Mobile Column', 'rebel_group', { kind: 'sub_unit', parentId: 'emc' }),
  registryActor('pol-col', 'National Police of Colombia', 'state_forces', { kind: 'sub_unit' }),
  registryActor('gov-col', 'Government of Colombia', 'state_forces'),
  registryActor('civ', 'Civilians (Colombia)', 'civilians', { kind: 'generic_category' })
]

// emoji, an astral letter and a combining mark with no precomposed form, all before the tags
const TEXT =
  '😊 𝔸 q\u0307 Neiva. La columna Dagoberto Ramos y las disidencias atacaron a policías y a un campesino en Neiva, Huila; murieron 3 uniformados.\n' +
  'El Gobierno rechazó el ataque. =HYPERLINK("x") -3 heridos. Luego nada.'

/** The Huila-like article: an event with two perpetrators, a target, a victim, an associated actor and a place. */
function huila(): ExportArticle {
  const b = new ArticleBuilder(TEXT, 7, { title: '@Neiva ataque', note: '+nota' })
  const event = b.tag('Event', 'atacaron a policías y a un campesino en Neiva, Huila', {
    attributes: { event_type: 'violence_against_civilians', sub_event_type: 'attack', date_start: '2025-04-20', date_end: '2025-04-20', date_precision: 'day', fatalities_reported: 3, tags: ['attack_on_police', 'drone_used'], civilian_targeting: true },
    note: '=HYPERLINK("http://evil")'
  })
  const column = b.tag('Actor', 'columna Dagoberto Ramos', { attributes: { entity: 'dagoberto' } })
  const dissidents = b.tag('Actor', 'disidencias', { attributes: { entity: 'old-emc' } })
  const police = b.tag('Actor', 'policías', { attributes: { entity: 'pol-col' } })
  const farmer = b.tag('Actor', 'campesino')
  const place = b.tag('Place', 'Neiva, Huila', { attributes: { country: 'COL', admin1: 'Huila', admin2: 'Neiva' } })
  const government = b.tag('Actor', 'El Gobierno', { attributes: { entity: 'gov-col' } })
  const claim = b.tag('Claim', 'El Gobierno rechazó el ataque', { attributes: { form: 'statement', position: 'oppose', issues: ['security_offensive', 'ceasefire'] }, note: 'two lines:\nsecond, with "quotes"\r\nthird' })
  b.tag('Quantity', ['-3', 'heridos'], { attributes: { value: -3, counts: 'injured' } })
  b.tag('Rumour', 'Luego', { codebookVersion: null })
  b.link(event, 'perpetrator', column)
  b.link(event, 'perpetrator', dissidents)
  b.link(event, 'target', police)
  b.link(event, 'victim', farmer)
  b.link(event, 'associated', government)
  b.link(event, 'located_at', place)
  b.link(claim, 'claimant', government)
  b.link(claim, 'about_event', event)
  b.link(claim, 'addressee', 'left-out-tag')
  return b.build()
}

function exportBoth(ctx: ExportContext = exportContext(ACTORS)) {
  const csv = runWriter(csvWriter(), ctx, [huila()])
  const jsonl = runWriter(tablesJsonlWriter(), ctx, [huila()])
  const csvRows = (t: string) => parse(readFileSync(join(csv.dir, `${t}.csv`)), { columns: true, bom: true }) as Record<string, string>[]
  const jsonRows = (t: string) =>
    readFileSync(join(jsonl.dir, `${t}.jsonl`), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>)
  return { csv, jsonl, csvRows, jsonRows }
}

const cpSlice = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('')

describe('analysis tables (csv, tables-jsonl)', () => {
  it('writes every table in both encodings, with a README and column types', () => {
    const { csv, jsonl } = exportBoth()
    expect(readdirSync(csv.dir).sort()).toEqual([...TABLES.map((t) => `${t}.csv`), 'README.md', 'tables.json'].sort())
    expect(readdirSync(jsonl.dir).sort()).toEqual([...TABLES.map((t) => `${t}.jsonl`), 'README.md', 'tables.json'].sort())
    expect(csv.notes.files.sort()).toEqual(readdirSync(csv.dir).sort())
    const meta = JSON.parse(readFileSync(join(csv.dir, 'tables.json'), 'utf8'))
    // the same name for the unit as every export's manifest.json
    expect(meta).toMatchObject({ offset_unit: 'codepoint', offset_end: 'exclusive' })
    expect(meta.tables.annotations.columns).toContainEqual({ name: 'attr_event_fatalities_reported', kind: 'number' })
  })

  it('names the offset unit in tables.json as manifest.json does, in both encodings', () => {
    const p = codedProject()
    for (const format of ['csv', 'tables-jsonl'] as const) {
      const out = join(tempDir(), format)
      runExport(p.store, exportOptions.parse({ format, destination: out }))
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))
      const meta = JSON.parse(readFileSync(join(out, 'tables.json'), 'utf8'))
      expect([meta.offset_unit, meta.offset_end]).toEqual([manifest.offsetUnit, manifest.offsetEnd])
      expect(meta.offset_unit).toBe('codepoint')
    }
  })

  it('gives code point spans that land on the tagged text after emoji and combining marks', () => {
    const { jsonRows, csvRows } = exportBoth()
    const rows = jsonRows('annotations')
    expect(rows).toHaveLength(10)
    for (const row of rows) {
      const fragments = String(row.fragments).split(';').map((f) => f.split('-').map(Number) as [number, number])
      const quotes = fragments.map(([s, e]) => cpSlice(TEXT, s, e))
      expect(quotes.join(' … ')).toBe(row.quote)
      expect(row.start).toBe(fragments[0]![0])
      expect(row.end).toBe(fragments[fragments.length - 1]![1])
    }
    const police = rows.find((r) => r.quote === 'policías')!
    expect(police.start).toBe(Array.from(TEXT.slice(0, TEXT.indexOf('policías'))).length)
    expect(police.attr_actor_entity_name).toBe('National Police of Colombia')
    const quantity = csvRows('annotations').find((r) => r.label === 'Quantity')!
    expect(quantity.fragments).toMatch(/^\d+-\d+;\d+-\d+$/)
    expect(quantity.fragment_count).toBe('2')
  })

  it('parses back with csv-parse to the same rows as the JSONL tables', () => {
    const { csvRows, jsonRows } = exportBoth()
    const asCsv = (v: unknown) =>
      v === null ? '' : Array.isArray(v) ? v.join('|') : typeof v === 'object' ? JSON.stringify(v) : String(v)
    for (const table of TABLES) {
      const fromCsv = csvRows(table)
      const fromJson = jsonRows(table)
      expect(fromCsv.length, table).toBe(fromJson.length)
      fromJson.forEach((row, i) => {
        expect(Object.keys(fromCsv[i]!), table).toEqual(Object.keys(row))
        for (const [column, value] of Object.entries(row)) {
          const cell = fromCsv[i]![column]!
          // the only difference allowed: the apostrophe that disarms a formula-like text cell
          expect([asCsv(value), `'${asCsv(value)}`], `${table}.${column}`).toContain(cell)
          if (cell !== asCsv(value)) expect(asCsv(value)).toMatch(/^[=+\-@\t\r\0]/)
        }
      })
    }
    expect(csvRows('documents')[0]!.metadata).toBe('{"section":"orden público"}')
    expect(jsonRows('events')[0]!.tags).toEqual(['attack_on_police', 'drone_used'])
  })

  it.skipIf(!python)('reads back in Python’s csv module as the same rows: cells with line breaks are quoted', () => {
    const { csv, csvRows } = exportBoth()
    const script = `
import csv, json, sys
with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
    print(json.dumps(list(csv.DictReader(f))))
`
    for (const table of TABLES) {
      const fromPython = JSON.parse(execFileSync('python3', ['-c', script, join(csv.dir, `${table}.csv`)], { encoding: 'utf8' })) as Record<string, string>[]
      expect(fromPython, table).toEqual(csvRows(table))
    }
    const claim = csvRows('annotations').find((r) => r.label === 'Claim')!
    expect(claim.note).toBe('two lines:\nsecond, with "quotes"\r\nthird')
    expect(claim.prefix).toContain('\n')
  })
  if (!python) console.warn('skipped: python3 is not installed, so the CSV files were not read back in Python')

  it('neutralises formula-like text cells but never numbers', () => {
    const { csv, csvRows, jsonRows } = exportBoth()
    expect(csvRows('documents')[0]!.title).toBe("'@Neiva ataque")
    expect(csvRows('documents')[0]!.note).toBe("'+nota")
    expect(csvRows('annotations').find((r) => r.label === 'Event')!.note).toBe(`'=HYPERLINK("http://evil")`)
    const quantity = csvRows('annotations').find((r) => r.label === 'Quantity')!
    expect(quantity.quote).toBe("'-3 … heridos")
    expect(quantity.attr_quantity_value).toBe('-3')
    expect(csvRows('claims')[0]!.position_num).toBe('-1')
    expect(jsonRows('documents')[0]!.title).toBe('@Neiva ataque')
    expect(csv.notes.counts.formulaCellsNeutralised).toBeGreaterThanOrEqual(4)
    expect(csv.notes.warnings.some((w) => w.includes('prefixed with an apostrophe'))).toBe(true)
  })

  it('writes CRLF records, and a UTF-8 byte-order mark only when asked', () => {
    const plain = runWriter(csvWriter(), exportContext(ACTORS), [huila()])
    const withBom = runWriter(csvWriter(), exportContext(ACTORS, { bom: true }), [huila()])
    const bytes = (dir: string) => readFileSync(join(dir, 'documents.csv'))
    expect([...bytes(withBom.dir).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes(plain.dir)[0]).toBe('a'.charCodeAt(0))
    expect(bytes(plain.dir).toString('utf8')).toMatch(/^article_id,uid,title,[^\n]*\r\n/)
    const jsonl = runWriter(tablesJsonlWriter(), exportContext(ACTORS, { bom: true }), [huila()])
    expect(readFileSync(join(jsonl.dir, 'documents.jsonl'))[0]).toBe('{'.charCodeAt(0))
  })

  it('leaves the quote, prefix and suffix columns out when quotes are off', () => {
    const { dir } = runWriter(csvWriter(), exportContext(ACTORS, { quotes: false }), [huila()])
    const header = readFileSync(join(dir, 'annotations.csv'), 'utf8').split('\r\n')[0]!.split(',')
    expect(header).not.toContain('quote')
    expect(header).not.toContain('prefix')
    expect(header).toContain('fragments')
  })

  it('derives ACLED actor1/actor2 from perpetrator, target and victim links, and states the rule', () => {
    const { csv, jsonRows } = exportBoth()
    const [event] = jsonRows('events')
    expect(event).toMatchObject({
      actor1: 'Dagoberto Ramos Mobile Column',
      actor1_id: 'dagoberto',
      assoc_actor_1: 'Estado Mayor Central (EMC); Government of Colombia',
      inter1: 2,
      actor2: 'National Police of Colombia',
      actor2_id: 'pol-col',
      assoc_actor_2: 'campesino',
      inter2: 1,
      interaction: 12,
      location: 'Neiva, Huila',
      admin1: 'Huila',
      admin2: 'Neiva',
      fatalities: 3,
      fatalities_low: null,
      event_date: '2025-04-20',
      year: 2025,
      time_precision: 1,
      event_type: 'violence_against_civilians',
      civilian_targeting: true,
      source: 'El Tiempo'
    })
    expect(jsonRows('event_actors').map((r) => [r.role, r.role_order, r.surface_form, r.actor_id])).toEqual([
      ['perpetrator', 1, 'columna Dagoberto Ramos', 'dagoberto'],
      ['perpetrator', 2, 'disidencias', 'emc'],
      ['target', 1, 'policías', 'pol-col'],
      ['victim', 1, 'campesino', null],
      ['associated', 1, 'El Gobierno', 'gov-col']
    ])
    const readme = readFileSync(join(csv.dir, 'README.md'), 'utf8')
    expect(readme).toContain('actor1 is the first perpetrator link')
    // every event has both actors: the rule is in the README, not repeated as a warning
    expect(csv.notes.warnings.filter((w) => w.includes('actor1'))).toEqual([])
    expect(csv.notes.counts.unlinkedEventActors).toBe(1)
  })

  it('warns in one short sentence about events without actor1 or actor2: a count, three examples, and where the rest are', () => {
    const articles = [1, 2, 3, 4, 5].map((id) => {
      const b = new ArticleBuilder('Hubo un ataque en Neiva; la policía respondió.', id)
      const event = b.tag('Event', 'Hubo un ataque')
      if (id === 5) b.link(event, 'perpetrator', b.tag('Actor', 'la policía'))
      if (id >= 4) b.link(event, 'target', b.tag('Actor', 'la policía'))
      return b.build()
    })
    const { notes } = runWriter(csvWriter(), exportContext(ACTORS), articles)
    const warning = notes.warnings.filter((w) => w.includes('actor1'))
    expect(warning).toEqual([
      '4 events have no actor1 or no actor2 (no perpetrator link, or no target or victim link), e.g. “Hubo un ataque” (article 1), “Hubo un ataque” (article 2), “Hubo un ataque” (article 3): ' +
        'they are the rows of events.csv with an empty actor1 or actor2, and README.md states the rule.'
    ])
    expect(notes.counts.eventsWithoutActors).toBe(4)
  })

  it('writes claims with their actors, and links to tags left out with to_exported = false', () => {
    const { csv, jsonRows } = exportBoth()
    expect(jsonRows('claims')[0]).toMatchObject({
      claimant: ['Government of Colombia'],
      claimant_actor_ids: ['gov-col'],
      claimant_surface: ['El Gobierno'],
      addressee: [],
      about_event: ['t1'],
      form: 'statement',
      issues: ['security_offensive', 'ceasefire'],
      position: 'oppose',
      position_num: -1
    })
    const dangling = jsonRows('relations').filter((r) => r.to_exported === false)
    expect(dangling).toEqual([expect.objectContaining({ from_label: 'Claim', type: 'addressee', to_tag_id: 'left-out-tag', to_label: null })])
    expect(jsonRows('relations')).toHaveLength(9)
    expect(csv.notes.counts.linksToUnexported).toBe(1)
    expect(csv.notes.warnings.some((w) => w.includes('1 link points to a tag the filter left out; it is in relations'))).toBe(true)
  })

  it('writes the registry with tombstones, parents and aliases, and counts tags per label', () => {
    const { jsonRows } = exportBoth()
    expect(jsonRows('actors').map((r) => r.actor_id)).toEqual(ACTORS.map((a) => a.id))
    expect(jsonRows('actors').find((r) => r.actor_id === 'old-emc')).toMatchObject({ status: 'merged', merged_into: 'emc' })
    expect(jsonRows('actors').find((r) => r.actor_id === 'dagoberto')).toMatchObject({ parent_name: 'Estado Mayor Central (EMC)', inter: 2 })
    expect(jsonRows('aliases')).toEqual([expect.objectContaining({ actor_id: 'emc', alias: 'disidencias', ambiguous: true })])
    const [doc] = jsonRows('documents')
    expect(doc).toMatchObject({ tag_count: 10, tags_actor: 5, tags_event: 1, tags_claim: 1, tags_place: 1, tags_quantity: 1, char_count: Array.from(TEXT).length })
  })
})
