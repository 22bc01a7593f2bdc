import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv from 'ajv-draft-04'
import { afterEach, describe, expect, it } from 'vitest'
import { W3cWriter } from '../../../src/main/export/w3c/w3c-writer'
import { W3cReader } from '../../../src/main/import/annotated/w3c/w3c-reader'
import { cleanupTemp, tempDir } from '../../helpers/project'
import { readAll, runWriter, spanText, trickyArticle, TRICKY_TEXT } from '../../helpers/web-fixtures'

afterEach(cleanupTemp)

const SUITE = join(__dirname, '../../../../shared/conformance/w3c-web-annotation-tests')
const suiteExists = existsSync(join(SUITE, 'definitions'))
if (!suiteExists) console.warn(`W3C conformance tests skipped: ${SUITE} is missing (copy w3c/web-annotation-tests there)`)

function exportTwo(): string {
  const dest = join(tempDir(), 'w3c')
  const second = { ...trickyArticle(2, 'second-article'), annotations: [] }
  runWriter(new W3cWriter(), dest, [trickyArticle(), second])
  return dest
}

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>

describe('W3C export', () => {
  it('writes a collection whose total counts every annotation on the pages it links', () => {
    const dest = exportTwo()
    const collection = json(join(dest, 'annotations.jsonld'))
    const page1 = json(join(dest, 'pages/000001.jsonld'))
    const page2 = json(join(dest, 'pages/000002.jsonld'))
    expect(collection).toMatchObject({ type: 'AnnotationCollection', total: 7, first: page1['id'], last: page2['id'] })
    expect(page1).toMatchObject({ type: 'AnnotationPage', partOf: { id: collection['id'] }, startIndex: 0, next: page2['id'] })
    expect(page2).toMatchObject({ startIndex: 7, prev: page1['id'], items: [] })
    expect((page1['items'] as unknown[]).length).toBe(7)
    expect(readFileSync(join(dest, 'texts/0b6f7c1e-5d6a-4c53-9f0e-0d1f2a3b4c5d.txt'), 'utf8')).toBe(TRICKY_TEXT)
  })

  it('states positions in code points, quotes, the actor as a Wikidata IRI, and links as linking annotations', () => {
    const items = json(join(exportTwo(), 'pages/000001.jsonld'))['items'] as Record<string, any>[]
    const event = items.find((a) => a['id'] === 'urn:uuid:33333333-3333-4333-8333-333333333333')!
    expect(event['target']).toHaveLength(2)
    const [quote, position] = event['target'][0].selector
    expect(quote).toMatchObject({ type: 'TextQuoteSelector', exact: 'attacked' })
    expect(spanText(TRICKY_TEXT, position)).toBe('attacked')
    expect(event['target'][0].source).toBe('urn:spanwise:article:0b6f7c1e-5d6a-4c53-9f0e-0d1f2a3b4c5d')
    const eln = items.find((a) => a['id'] === 'urn:uuid:11111111-1111-4111-8111-111111111111')!
    expect(eln['body']).toContainEqual({ type: 'SpecificResource', purpose: 'identifying', source: 'https://www.wikidata.org/entity/Q187434' })
    const link = items.find((a) => a['motivation'] === 'linking' && a['body'].value === 'perpetrator')!
    expect(link['target']).toEqual([event['id'], eln['id']])
  })
})

describe('W3C round trip', () => {
  it('reads its own export back with every span, fragment, attribute, note, status, coder and link', () => {
    const original = trickyArticle()
    const { docs, issues } = readAll(new W3cReader(), [exportTwo()])
    expect(issues).toEqual([])
    expect(docs).toHaveLength(2)
    const doc = docs[0]!
    expect(doc).toMatchObject({ text: TRICKY_TEXT, uid: original.uid, title: original.title, url: original.url, metadata: original.metadata, note: original.note })
    expect(doc.annotations).toHaveLength(original.annotations.length)
    for (const a of original.annotations) {
      const got = doc.annotations.find((t) => t.key.endsWith(a.id))!
      expect(got.label).toBe(a.label)
      expect(got.fragments.map((f) => [f.start, f.end, f.quote])).toEqual(a.fragments.map((f) => [f.start, f.end, f.quote]))
      for (const f of got.fragments) expect(spanText(doc.text, f)).toBe(f.quote)
      expect(got.attributes ?? {}).toEqual(a.attributes)
      expect(got.note ?? '').toBe(a.note)
      expect(got.status).toBe(a.status)
      expect(got.annotator).toEqual({ id: a.annotatorId, name: a.annotatorName })
      expect((got.links ?? []).map((l) => [l.type, doc.annotations.find((t) => t.key === l.to)!.key.endsWith(l.to.slice(-36))])).toEqual(a.links.map((l) => [l.type, true]))
    }
  })

  it('refuses foreign annotations whose source text is not in the import, naming the source', () => {
    const file = join(tempDir(), 'foreign.jsonld')
    const anno = { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'http://example.org/anno1', type: 'Annotation', body: { type: 'TextualBody', purpose: 'tagging', value: 'Actor' }, target: { source: 'http://example.org/page1', selector: { type: 'TextQuoteSelector', exact: 'ELN' } } }
    writeFileSync(file, JSON.stringify(anno))
    const { docs, issues } = readAll(new W3cReader(), [file])
    expect(docs).toEqual([])
    expect(issues).toMatchObject([{ code: 'NOT_CARRIED', severity: 'error' }])
    expect(issues[0]!.message).toContain('http://example.org/page1')
  })

  it('reports a broken page with its line, a link to an unknown tag and a duplicate id', () => {
    const dest = exportTwo()
    const page = join(dest, 'pages/000001.jsonld')
    const items = json(page)['items'] as Record<string, any>[]
    const link = items.find((a) => a['motivation'] === 'linking')!
    link['target'][1] = 'urn:uuid:99999999-9999-4999-8999-999999999999'
    items.push(items[0]!)
    writeFileSync(page, JSON.stringify({ type: 'AnnotationPage', items }))
    writeFileSync(join(dest, 'pages/000002.jsonld'), '{"type": "AnnotationPage",\n"items": [\n{"id": }\n]}')
    const { issues } = readAll(new W3cReader(), [dest])
    expect(issues.map((i) => i.code).sort()).toEqual(['BAD_LINE', 'DUPLICATE_ID', 'UNKNOWN_REFERENCE'])
    expect(issues.find((i) => i.code === 'BAD_LINE')).toMatchObject({ file: 'pages/000002.jsonld', line: 3 })
  })
})

describe.skipIf(!suiteExists)('W3C conformance (web-annotation-tests JSON Schemas, draft-04)', () => {
  const ajv = new Ajv({ strict: false, allErrors: true })
  // the schemas use draft-04 "uri" (absolute IRI) and "date-time"; ajv ships neither
  ajv.addFormat('uri', (s: string) => /^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(s))
  ajv.addFormat('date-time', (s: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(s))
  if (suiteExists) for (const f of readdirSync(join(SUITE, 'definitions'))) ajv.addSchema(JSON.parse(readFileSync(join(SUITE, 'definitions', f), 'utf8')))
  const assertions = (test: string) => {
    const listed = (JSON.parse(readFileSync(join(SUITE, test), 'utf8')) as { assertions: string[] }).assertions
    const missing = listed.filter((a) => !existsSync(join(SUITE, a)))
    if (missing.length > 0) console.warn(`${test}: ${missing.length} listed assertions are not in the copied suite and were not run: ${missing.join(', ')}`)
    return listed.filter((a) => !missing.includes(a)).map((a) => ({ name: a, validate: ajv.compile({ ...JSON.parse(readFileSync(join(SUITE, a), 'utf8')), id: undefined }) }))
  }
  const failures = (checks: ReturnType<typeof assertions>, doc: unknown) => checks.filter((c) => !c.validate(doc)).map((c) => c.name)

  it('every annotation passes every MUST assertion of annotationMusts.test, and uses both text selectors', () => {
    const checks = assertions('annotations/annotationMusts.test')
    expect(checks.length).toBeGreaterThan(40)
    const quote = ajv.compile({ ...json(join(SUITE, 'annotations/specificResource/4.2.4-textQuoteSelector.json')), id: undefined })
    const position = ajv.compile({ ...json(join(SUITE, 'annotations/specificResource/4.2.5-textPositionSelector.json')), id: undefined })
    const items = json(join(exportTwo(), 'pages/000001.jsonld'))['items'] as Record<string, unknown>[]
    for (const item of items) {
      expect(failures(checks, item), String(item['id'])).toEqual([])
      if (item['motivation'] === 'tagging') expect([quote(item), position(item)]).toEqual([true, true])
    }
  })

  it('the collection and every page pass collectionMusts.test and pageMusts.test', () => {
    const dest = exportTwo()
    expect(failures(assertions('collections/collectionMusts.test'), json(join(dest, 'annotations.jsonld')))).toEqual([])
    const pageChecks = assertions('collections/pages/pageMusts.test')
    for (const p of ['000001', '000002']) expect(failures(pageChecks, json(join(dest, `pages/${p}.jsonld`)))).toEqual([])
  })

  it('the same checks reject the suite’s incorrect samples (the harness can fail)', () => {
    const checks = assertions('annotations/annotationMusts.test')
    const dir = join(SUITE, 'tools/samples/incorrect')
    const bad = readdirSync(dir).filter((f) => f.endsWith('.json'))
    // a sample that is not even JSON is rejected before any schema
    const parse = (f: string) => { try { return json(join(dir, f)) } catch { return null } }
    const caught = bad.filter((f) => parse(f) === null || failures(checks, parse(f)).length > 0)
    expect(caught).toEqual(bad)
  })
})
