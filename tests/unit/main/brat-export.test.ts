import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { BratWriter } from '../../../src/main/export/brat/brat-writer'
import { BratReader } from '../../../src/main/import/annotated/brat/brat-reader'
import { parseAnnotationConf } from '../../../src/main/import/annotated/brat/parse-annotation-conf'
import type { Actor } from '../../../src/shared/domain'
import { confViolations } from '../../helpers/brat-ann-facts'
import { defaultCodebook, exportArticle, exportContext, readAll, runWriter, type TagSpec } from '../../helpers/brat-fixtures'
import { cleanupTemp, tempDir } from '../../helpers/project'

afterEach(cleanupTemp)

// emoji (two UTF-16 units, one code point each) and a combining mark with no precomposed form come before every tag
const TEXT = 'Hoy 😊 𝔸 q\u0307: el ELN atacó\nla base de Cali.\n\nEl Gobierno dijo que «no habrá diálogo» con el ELN.'
/** Code point offset of the n-th occurrence of `needle`, counted independently of src/shared/offsets. */
const cp = (needle: string, nth = 1) => {
  let at = -1
  for (let i = 0; i < nth; i++) at = TEXT.indexOf(needle, at + 1)
  return Array.from(TEXT.slice(0, at)).length
}
const range = (needle: string, nth = 1): [number, number] => [cp(needle, nth), cp(needle, nth) + Array.from(needle).length]

const ELN: Actor = {
  id: '01HZELN',
  name: 'Ejército de Liberación Nacional',
  kind: 'organisation',
  type: '',
  country: 'COL',
  parentId: null,
  externalIds: { wikidata: 'Q1136491' },
  status: 'approved',
  mergedInto: null,
  notes: '',
  createdBy: 'ana',
  createdAt: '',
  aliases: [],
  relations: [],
  mentionCount: 2
}

const TAGS: TagSpec[] = [
  { id: 'eln1', label: 'Actor', ranges: [range('ELN')], attributes: { entity: ELN.id, mention_form: 'acronym' }, note: 'línea 1\nlínea 2\tcon \\ barra' },
  {
    id: 'ev',
    label: 'Event',
    // crosses a line break: brat needs it cut there
    ranges: [[cp('ELN atacó'), cp('Cali') + 4]],
    attributes: { event_type: 'battles', tags: ['drone_used', 'attack_on_military'], civilian_targeting: true, fatalities_reported: 0, date_start: '2025-08-21', summary: 'Ataque "fuerte"\ncon drones', location_text: 'Cali' },
    links: [
      { type: 'perpetrator', to: 'eln1' },
      { type: 'perpetrator', to: 'eln2' },
      { type: 'located_at', to: 'cali' }
    ]
  },
  { id: 'cali', label: 'Place', ranges: [range('Cali')] },
  { id: 'gob', label: 'Actor', ranges: [range('El Gobierno')], attributes: { certainty: 'certain' } },
  {
    id: 'claim',
    label: 'Claim',
    // discontinuous: "dijo" and the quoted words
    ranges: [range('dijo'), range('no habrá diálogo')],
    attributes: { issues: ['peace_negotiations'], position: 'oppose' },
    links: [
      { type: 'claimant', to: 'gob' },
      { type: 'about_event', to: 'ev' },
      { type: 'addressee', to: 'gone' }
    ]
  },
  { id: 'eln2', label: 'Actor', ranges: [range('ELN', 2)], attributes: { entity: ELN.id } }
]

function exportSample(tags = TAGS, codebook = defaultCodebook()) {
  const dir = tempDir()
  const { notes, folder } = runWriter(new BratWriter(), exportContext(codebook, [ELN]), [exportArticle(7, 'Ataque en Cali: ¿qué pasó?', TEXT, tags)], dir)
  const ann = readFileSync(join(folder, '000007-ataque-en-cali-que-paso.ann'), 'utf8')
  return { notes, folder, ann }
}

describe('brat writer', () => {
  it('writes the text unchanged and T lines at code-point offsets whose text field is the slice, cut at line breaks', () => {
    const { folder, ann, notes } = exportSample()
    expect(readFileSync(join(folder, '000007-ataque-en-cali-que-paso.txt'), 'utf8')).toBe(TEXT)
    expect(notes.files.sort()).toEqual(readdirSync(folder).sort())
    const t = ann.split('\n').filter((l) => l.startsWith('T'))
    expect(t[0]).toBe(`T1\tActor ${cp('ELN')} ${cp('ELN') + 3}\tELN`)
    expect(t[1]).toBe(`T2\tEvent ${cp('ELN atacó')} ${cp('atacó') + 5};${cp('la base')} ${cp('Cali') + 4}\tELN atacó la base de Cali`)
    expect(t[4]).toBe(`T5\tClaim ${range('dijo').join(' ')};${range('no habrá diálogo').join(' ')}\tdijo no habrá diálogo`)
    // brat's checkann rule, with offsets read as Python would (code points)
    for (const line of t) {
      const [, body, text] = line.split('\t')
      const pieces = body!.split(' ').slice(1).join(' ').split(';').map((p) => p.split(' ').map(Number))
      expect(pieces.map(([s, e]) => Array.from(TEXT).slice(s, e).join('')).join(' ')).toBe(text)
    }
    expect(notes.counts['fragmentsSplitAtLineBreaks']).toBe(1)
  })

  it('writes event labels as E lines with numbered repeated roles, event targets by their E id, and drops links to tags not exported', () => {
    const { ann, notes } = exportSample()
    expect(ann).toContain('E1\tEvent:T2 perpetrator:T1 perpetrator2:T6 located_at:T3\n')
    expect(ann).toContain('E2\tClaim:T5 claimant:T4 about_event:E1\n')
    expect(ann).not.toMatch(/^R/m)
    expect(notes.counts['linksToMissingTags']).toBe(1)
    expect(notes.warnings.join(' ')).toContain('1 link to tags not in this export was left out')
  })

  it('writes choices as A lines (one per value), actors as Reference lines with Wikidata, the rest as an escaped JSON note', () => {
    const { ann } = exportSample()
    expect(ann).toContain('A1\tmention_form T1 acronym\n')
    expect(ann).toContain('N1\tReference T1 spanwise.entity:01HZELN\tEjército de Liberación Nacional\n')
    expect(ann).toContain('N2\tReference T1 Wikidata:Q1136491\tEjército de Liberación Nacional\n')
    expect(ann).toContain('#1\tAnnotatorNotes T1\tlínea 1\\nlínea 2\\tcon \\\\ barra\n')
    expect(ann).toMatch(/^A\d+\ttags E1 drone_used$/m)
    expect(ann).toMatch(/^A\d+\ttags E1 attack_on_military$/m)
    expect(ann).toMatch(/^A\d+\tcivilian_targeting E1$/m)
    const json = /^#\d+\tAnnotatorNotes E1\tspanwise-attributes (.*)$/m.exec(ann)![1]!
    expect(JSON.parse(json)).toEqual({ fatalities_reported: 0, date_start: '2025-08-21', summary: 'Ataque "fuerte"\ncon drones', location_text: 'Cali' })
    expect(ann.split('\n').every((l) => !l.includes('\r'))).toBe(true)
  })

  it('generates an annotation.conf that declares every type, role and attribute value the .ann files use', () => {
    const { folder, ann } = exportSample()
    const problems: string[] = []
    const conf = parseAnnotationConf(readFileSync(join(folder, 'annotation.conf'), 'utf8'), (line, m) => problems.push(`${line}: ${m}`))
    expect(problems).toEqual([])
    expect(conf.entities.map((t) => t.name)).toEqual(['Actor', 'Place', 'Quantity'])
    expect(conf.events.map((t) => t.name)).toEqual(['Event', 'Claim'])
    expect(conf.events[0]!.args.find((a) => a.role === 'located_at')).toEqual({ role: 'located_at', cardinality: '?', types: ['Place'] })
    expect(confViolations(ann, conf)).toEqual([])
    expect(readFileSync(join(folder, 'visual.conf'), 'utf8')).toContain('Actor\tbgColor:#0072B2')
  })

  it('renames labels brat cannot use, the same way in conf and .ann, and the reader maps them back', () => {
    const codebook = defaultCodebook()
    codebook.labels.push({ name: 'Grupo armado', description: '', color: '#123456', hotkey: null, parent: 'Actor', order: 9, attributes: [] })
    const tags: TagSpec[] = [...TAGS, { id: 'g', label: 'Grupo armado', ranges: [range('ELN', 2)] }, { id: 'old', label: 'Acción vieja', ranges: [range('base')] }]
    const { folder, ann, notes } = exportSample(tags, codebook)
    expect(ann).toMatch(/^T\d+\tGrupo_armado /m)
    expect(ann).toMatch(/^T\d+\tAccion_vieja /m)
    const conf = parseAnnotationConf(readFileSync(join(folder, 'annotation.conf'), 'utf8'))
    expect(conf.entities.find((t) => t.name === 'Grupo_armado')?.parent).toBe('Actor')
    expect(confViolations(ann, conf)).toEqual([])
    expect(notes.counts['renamedLabels']).toBe(2)
    const reader = new BratReader()
    const { docs } = readAll(reader, [folder])
    expect(docs[0]!.annotations.map((a) => a.label)).toContain('Grupo armado')
    expect(docs[0]!.annotations.map((a) => a.label)).toContain('Acción vieja')
    expect(reader.extras?.labels).toContainEqual({ name: 'Grupo armado', parent: 'Actor', color: '#123456' })
  })

  it('states what brat cannot carry in the notes', () => {
    const { notes } = exportSample()
    expect(notes.warnings.join(' ')).toMatch(/status, coder and created\/updated times are not written \(6 tags\)/)
    expect(notes.counts).toMatchObject({ articles: 1, tags: 6, events: 2, eventArguments: 5, references: 2, notes: 1 })
  })
})

describe('brat round trip (writer → reader)', () => {
  it('gives back the same spans, quotes, links, attributes and notes', () => {
    const { folder } = exportSample()
    const { docs, issues } = readAll(new BratReader(), [folder])
    expect(issues).toEqual([])
    expect(docs).toHaveLength(1)
    const doc = docs[0]!
    expect(doc.text).toBe(TEXT)
    expect(doc.title).toBe('Ataque en Cali: ¿qué pasó?')
    const byKey = new Map(doc.annotations.map((a) => [a.key, a]))
    const keyOf = new Map([['eln1', 'T1'], ['ev', 'E1'], ['cali', 'T3'], ['gob', 'T4'], ['claim', 'E2'], ['eln2', 'T6']])
    for (const tag of TAGS) {
      const read = byKey.get(keyOf.get(tag.id)!)!
      expect(read.label).toBe(tag.label)
      // the event crossing a line break comes back as one fragment again
      expect(read.fragments.map((f) => [f.start, f.end])).toEqual(tag.ranges)
      for (const f of read.fragments) expect(f.quote).toBe(Array.from(TEXT).slice(f.start, f.end).join(''))
      const links = (tag.links ?? []).filter((l) => l.to !== 'gone').map((l) => ({ type: l.type, to: keyOf.get(l.to) }))
      expect(read.links ?? []).toEqual(links)
      expect(read.note ?? '').toBe(tag.note ?? '')
    }
    expect(byKey.get('E1')!.attributes).toEqual(TAGS[1]!.attributes)
    expect(byKey.get('T1')!.attributes).toEqual({ entity: ELN.id, mention_form: 'acronym' })
    // one value of a multi attribute reads back as the value alone: the engine wraps it by the codebook
    expect(byKey.get('E2')!.attributes).toEqual({ issues: 'peace_negotiations', position: 'oppose' })
  })
})
