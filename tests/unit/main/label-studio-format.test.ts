import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import { afterEach, describe, expect, it } from 'vitest'
import { LabelStudioWriter } from '../../../src/main/export/label-studio/label-studio-writer'
import { LabelStudioReader } from '../../../src/main/import/annotated/label-studio/label-studio-reader'
import { runAnnotatedImport } from '../../../src/main/import/annotated/run-annotated-import'
import { annotatedImportOptions } from '../../../src/shared/exchange/annotated-import'
import { addArticle, cleanupTemp, createTempProject, tempDir, ANA as USER } from '../../helpers/project'
import { ANA, BEN, readAll, runWriter, spanText, trickyArticle, TRICKY_TEXT } from '../../helpers/web-fixtures'

afterEach(cleanupTemp)

const LS = join(__dirname, '../../../../shared/conformance/label-studio')
const lsExists = existsSync(LS)
if (!lsExists) console.warn(`Label Studio conformance tests skipped: ${LS} is missing (copy the Label Studio samples there)`)

function exportOne(): string {
  const dest = join(tempDir(), 'ls')
  runWriter(new LabelStudioWriter(), dest, [trickyArticle(), { ...trickyArticle(2, 'empty'), annotations: [] }])
  return dest
}

describe('Label Studio export', () => {
  it('streams a task array: one annotation per coder, regions in UTF-16 units, attributes with the region id, relations', () => {
    const tasks = JSON.parse(readFileSync(join(exportOne(), 'tasks.json'), 'utf8')) as Record<string, any>[]
    expect(tasks).toHaveLength(2)
    const [task] = tasks
    expect(task!['data']).toMatchObject({ text: TRICKY_TEXT, uid: trickyArticle().uid })
    expect(task!['annotations'].map((a: any) => [a.completed_by, a.spanwise_annotator.name])).toEqual([[2, BEN.name], [1, ANA.name]])
    const results = task!['annotations'][1].result as Record<string, any>[]
    for (const r of results.filter((r) => r.type === 'labels')) expect(TRICKY_TEXT.slice(r.value.start, r.value.end)).toBe(r.value.text)
    const event = '33333333-3333-4333-8333-333333333333'
    expect(results.filter((r) => r.id?.startsWith(event) && r.type === 'labels').map((r) => [r.id, r.value.text])).toEqual([[event, 'attacked'], [`${event}#2`, 'patrol']])
    expect(results).toContainEqual({ id: event, from_name: 'Event.tags', to_name: 'text', type: 'choices', value: { choices: ['ambush', 'rural'] } })
    expect(results).toContainEqual({ from_id: event, to_id: '11111111-1111-4111-8111-111111111111', type: 'relation', direction: 'right', labels: ['perpetrator'] })
  })

  it('writes a labeling config with the codebook colours, relation types and per-region attribute controls', () => {
    const xml = readFileSync(join(exportOne(), 'label_config.xml'), 'utf8')
    const view = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml).View
    expect(view.Labels).toMatchObject({ name: 'label', toName: 'text' })
    expect(view.Labels.Label).toContainEqual({ value: 'Actor', background: '#0072B2' })
    expect(view.Relations.Relation).toContainEqual({ value: 'perpetrator' })
    expect(view.Text).toEqual({ name: 'text', value: '$text' })
    expect(view.View.Choices).toContainEqual(expect.objectContaining({ name: 'Event.tags', choice: 'multiple', perRegion: 'true', whenLabelValue: 'Event' }))
    expect(view.View.Choices).toContainEqual(expect.objectContaining({ name: 'Event.civilian_targeting', Choice: [{ value: 'true' }, { value: 'false' }] }))
    expect(view.View.Number).toContainEqual(expect.objectContaining({ name: 'Event.fatalities_reported' }))
  })
})

describe('Label Studio round trip', () => {
  it('reads its own export back: fragments joined again, attributes typed by the config, notes, statuses, coders, links', () => {
    const original = trickyArticle()
    const { docs, issues } = readAll(new LabelStudioReader(), [exportOne()])
    expect(issues).toEqual([])
    expect(docs).toHaveLength(2)
    const doc = docs[0]!
    expect(doc).toMatchObject({ text: TRICKY_TEXT, uid: original.uid, title: original.title, note: original.note, metadata: { section: 'conflict' } })
    expect(doc.annotations).toHaveLength(original.annotations.length)
    for (const a of original.annotations) {
      const got = doc.annotations.find((t) => t.key.endsWith(`/${a.id}`))!
      expect([got.label, got.status, got.note ?? '', got.annotator]).toEqual([a.label, a.status, a.note, { id: a.annotatorId, name: a.annotatorName }])
      expect(got.fragments.map((f) => [f.start, f.end, f.quote])).toEqual(a.fragments.map((f) => [f.start, f.end, f.quote]))
      for (const f of got.fragments) expect(spanText(doc.text, f)).toBe(f.quote)
      expect(got.attributes ?? {}).toEqual(a.attributes)
      expect((got.links ?? []).map((l) => [l.type, l.to.split('/')[1]])).toEqual(a.links.map((l) => [l.type, l.to]))
    }
  })
})

describe('Label Studio bad input', () => {
  function read(tasks: unknown) {
    const file = join(tempDir(), 'export.json')
    writeFileSync(file, typeof tasks === 'string' ? tasks : JSON.stringify(tasks, null, 1))
    return readAll(new LabelStudioReader(), [file])
  }
  const region = (id: string, start: number, end: number, label = 'Actor') => ({ id, from_name: 'label', to_name: 'text', type: 'labels', value: { start, end, labels: [label] } })

  it('reports malformed JSON with its line', () => {
    const { docs, issues } = read('[\n {"data": {"text": "x"},\n  "annotations": [}\n]')
    expect(docs).toEqual([])
    expect(issues).toMatchObject([{ code: 'BAD_LINE', line: 3 }])
  })

  it('reports regions beyond the text, duplicate region ids and relations to unknown regions', () => {
    const result = [region('a', 0, 3), region('a', 4, 7), region('b', 0, 99), { type: 'relation', from_id: 'a', to_id: 'zz', labels: ['r'] }]
    const { docs, issues } = read([{ id: 7, data: { text: 'ELN and FARC' }, annotations: [{ id: 1, completed_by: 3, result }] }])
    expect(issues.map((i) => i.code)).toEqual(['DUPLICATE_ID', 'SPAN_OUT_OF_RANGE', 'UNKNOWN_REFERENCE'])
    expect(issues[1]!.message).toContain('export.json task 7')
    expect(docs[0]!.annotations.map((a) => [a.annotator?.name, spanText('ELN and FARC', a.fragments[0]!)])).toEqual([['Label Studio user 3', 'ELN']])
  })

  it('converts UTF-16 offsets after an emoji to code points', () => {
    const text = '😊 q\u0307 ELN'
    const start = text.indexOf('ELN')
    const { docs } = read([{ data: { text }, annotations: [{ completed_by: 1, result: [region('r', start, start + 3)] }] }])
    expect(docs[0]!.annotations[0]!.fragments[0]).toMatchObject({ start: start - 1 })
    expect(spanText(text, docs[0]!.annotations[0]!.fragments[0]!)).toBe('ELN')
  })
})

describe('Label Studio coders', () => {
  const region = (start: number, end: number) => ({ id: `r${start}`, from_name: 'label', to_name: 'text', type: 'labels', value: { start, end, labels: ['Actor'] } })
  function write(tasks: unknown[]): string {
    const file = join(tempDir(), 'export.json')
    writeFileSync(file, JSON.stringify(tasks))
    return file
  }
  const coders = (file: string) => readAll(new LabelStudioReader(), [file]).docs.map((d) => d.annotations.map((a) => a.annotator))

  it('names a user by full name, else email, found anywhere in the file, and by "Label Studio user <id>" only when the file gives no name', () => {
    const file = write([
      { data: { text: 'ELN and FARC' }, annotations: [{ completed_by: 14, result: [region(0, 3)] }, { completed_by: 7, result: [region(8, 12)] }] },
      { data: { text: 'ELN again' }, annotations: [{ completed_by: { id: 14, email: 'sergei@heartex.test', first_name: '', last_name: '' }, result: [region(0, 3)] }] },
      { data: { text: 'FARC again' }, annotations: [{ completed_by: 3, created_username: 'Ana Gómez ana@example.org, 3', result: [region(0, 4)] }, { completed_by: 9, result: [region(5, 10)] }] },
      { data: { text: 'AGC once' }, annotations: [{ completed_by: 9, created_username: ' ben@example.org, 9', result: [region(0, 3)] }] }
    ])
    expect(coders(file)).toEqual([
      [{ name: 'sergei@heartex.test' }, { name: 'Label Studio user 7' }],
      [{ name: 'sergei@heartex.test' }],
      [{ name: 'Ana Gómez' }, { name: 'ben@example.org' }],
      [{ name: 'ben@example.org' }]
    ])
  })

  it('names the coder of a JSON_MIN task from its annotator field, an email or a user id', () => {
    const min = (annotator: unknown) => ({ text: 'ELN and FARC', label: [{ start: 0, end: 3, text: 'ELN', labels: ['Actor'] }], annotator })
    const file = write([min('ana@example.org'), min(1), min('2'), { data: { text: 'x' }, annotations: [{ completed_by: { id: 2, first_name: 'Ben', last_name: 'Ruiz' }, result: [] }] }])
    expect(coders(file).slice(0, 3)).toEqual([[{ name: 'ana@example.org' }], [{ name: 'Label Studio user 1' }], [{ name: 'Ben Ruiz' }]])
  })

  it('puts the tags into the layer of the project’s coder of that name, as a doccano import does', () => {
    const { store } = createTempProject()
    store.ensureAnnotator(USER)
    const article = addArticle(store, 'ELN and FARC')
    const file = write([{ data: { text: 'ELN and FARC' }, annotations: [{ completed_by: { id: 5, first_name: USER.name, last_name: '' }, result: [region(0, 3)] }, { completed_by: 6, result: [region(8, 12)] }] }])
    const report = runAnnotatedImport(store, annotatedImportOptions.parse({ format: 'label-studio', paths: [file], annotator: 'Imported' }), USER)
    expect(report.committed).toBe(true)
    const layers = store.annotations.listByArticle(article).map((a) => [a.fragments[0]!.quote, a.annotatorId])
    const sixth = (store.db.prepare('SELECT id FROM annotator WHERE name = ?').pluck().get('Label Studio user 6') as string | undefined)!
    expect(layers).toEqual([
      ['ELN', USER.id],
      ['FARC', sixth]
    ])
  })
})

describe.skipIf(!lsExists)('Label Studio conformance (HumanSignal samples)', () => {
  const read = (file: string) => readAll(new LabelStudioReader(), [join(LS, file)])

  it('imports 0.x completions with end-inclusive offsets on the right words, and says it corrected them', () => {
    const { docs, issues } = read('legacy-0.x-named_entity/completions/0.json')
    const doc = docs[0]!
    expect(doc.annotations.map((a) => [a.label, spanText(doc.text, a.fragments[0]!), a.fragments[0]!.quote])).toEqual([['Date', 'February 22', 'February 22'], ['Location', 'Bahia', 'Bahia']])
    expect(issues).toMatchObject([{ code: 'SPAN_REANCHORED', severity: 'warning' }])
  })

  it('imports a 0.x task with a prediction whose text is wrong, by the 0.x offsets, named after the model', () => {
    const { docs } = read('legacy-0.x-named_entity/tasks.json')
    const tag = docs[0]!.annotations[0]!
    expect([tag.annotator?.name, tag.status, spanText(docs[0]!.text, tag.fragments[0]!)]).toEqual(['model 1', 'draft', 'February 22'])
  })

  it('refuses completions without their task text, saying where the text is', () => {
    const { docs, issues } = read('legacy-0.x-named_entity/completions.json')
    expect(docs).toEqual([])
    expect(issues.every((i) => i.code === 'NOT_CARRIED' && i.message.includes('tasks.json'))).toBe(true)
  })

  it('reads the modern envelope: coder from completed_by, document-level choices kept as metadata', () => {
    const { docs, issues } = read('modern-export-envelope/test_export_csv/csv_test_history.json')
    expect(docs[0]).toMatchObject({ text: 'Calif. wildfires signal the arrival of a planetary fire age https://t.co/Vvo9noqQfA', metadata: { sentiment: 'Positive', labelStudioId: 6141 } })
    expect(issues).toMatchObject([{ code: 'NOT_CARRIED', severity: 'warning' }])
  })
})
