import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runExport } from '../../../src/main/export/run-export'
import { runAnnotatedImport } from '../../../src/main/import/annotated/run-annotated-import'
import { runImport } from '../../../src/main/import/run-import'
import type { Store } from '../../../src/main/store/store'
import { annotatedImportOptions } from '../../../src/shared/exchange/annotated-import'
import { exportOptions } from '../../../src/shared/exchange/export-options'
import { codedProject } from '../../helpers/coded-project'
import { ANA, BEN, cleanupTemp, cpIndexOf, cpSlice, createTempProject, tempDir } from '../../helpers/project'

afterEach(cleanupTemp)

const TEXT = 'Bogotá, 3 May — The ELN said the 😊 ceasefire holds; the army said the ELN attacked a patrol.'

/** Articles as a JSONL import gives them (with their URL); returns their ids in order. */
function articles(store: Store, rows: { title: string; text: string; url: string }[]): number[] {
  const report = runImport(store.db, [{ kind: 'bytes', name: 'a.jsonl', bytes: Buffer.from(rows.map((r) => JSON.stringify(r)).join('\n')) }], { encoding: 'utf-8' })
  if (report.imported !== rows.length) throw new Error(JSON.stringify(report.issues))
  return store.db.prepare('SELECT id FROM article ORDER BY id').pluck().all() as number[]
}

const annotation = (id: string, source: string, label: string, selector: object) => ({
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  id,
  type: 'Annotation',
  body: { type: 'TextualBody', purpose: 'tagging', value: label },
  target: { source, selector }
})

function foreignFile(items: object[]): string {
  const file = join(tempDir(), 'foreign.jsonld')
  writeFileSync(file, JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationPage', items }))
  return file
}

const importW3c = (store: Store, file: string) => runAnnotatedImport(store, annotatedImportOptions.parse({ format: 'w3c', paths: [file], annotator: 'Hypothesis', createLabels: ['Actor', 'Event'] }), ANA)

const tags = (store: Store) =>
  (store.db.prepare("SELECT n.article_id, n.label, g.start, g.end, g.quote FROM annotation n JOIN fragment g ON g.annotation_id = n.id ORDER BY n.article_id, g.start").all() as { article_id: number; label: string; start: number; end: number; quote: string }[])

describe('W3C annotations on articles the project already has', () => {
  it('places a foreign file’s annotations on the article whose URL is their target source, by quote or position, checked against its text', () => {
    const { store } = createTempProject()
    const [page1, page2] = articles(store, [
      { title: 'Ceasefire', text: TEXT, url: 'https://news.example.org/eln-ceasefire' },
      { title: 'Other', text: 'Talks resumed in Havana.', url: 'https://news.example.org/havana' }
    ])
    const cpStart = cpIndexOf(TEXT, 'attacked')
    const file = foreignFile([
      annotation('http://example.org/anno/1', 'https://news.example.org/eln-ceasefire', 'Actor', { type: 'TextQuoteSelector', exact: 'army' }),
      annotation('http://example.org/anno/2', 'https://news.example.org/eln-ceasefire', 'Event', { type: 'TextPositionSelector', start: cpStart, end: cpStart + 8 }),
      annotation('http://example.org/anno/3', 'https://news.example.org/havana', 'Actor', { type: 'TextQuoteSelector', exact: 'Havana' })
    ])
    const report = importW3c(store, file)
    expect(report).toMatchObject({ committed: true, errors: 0, articlesMatched: 2, articlesAdded: 0, annotations: 3 })
    const placed = tags(store)
    expect(placed.map((t) => [t.article_id, t.label, t.quote])).toEqual([
      [page1, 'Actor', 'army'],
      [page1, 'Event', 'attacked'],
      [page2, 'Actor', 'Havana']
    ])
    const text = store.articles.get(page1!)!.text
    for (const t of placed.filter((p) => p.article_id === page1)) expect(cpSlice(text, t.start, t.end)).toBe(t.quote)
    // the same file again updates instead of adding
    expect(importW3c(store, file)).toMatchObject({ committed: true, annotations: 3 })
    expect(tags(store)).toHaveLength(3)
  })

  it('places a quote without a position only where it is the one match: prefix or suffix narrow it, several matches refuse it by count', () => {
    const { store } = createTempProject()
    articles(store, [{ title: 'Ceasefire', text: TEXT, url: 'https://news.example.org/eln' }])
    const source = 'https://news.example.org/eln'
    const narrowed = importW3c(store, foreignFile([annotation('http://example.org/anno/1', source, 'Actor', { type: 'TextQuoteSelector', exact: 'ELN', prefix: 'the army said the ' })]))
    expect(narrowed).toMatchObject({ committed: true, errors: 0, annotations: 1 })
    expect(tags(store).map((t) => t.start)).toEqual([cpIndexOf(TEXT, 'ELN attacked')])
    const ambiguous = importW3c(store, foreignFile([annotation('http://example.org/anno/2', source, 'Actor', { type: 'TextQuoteSelector', exact: 'ELN' })]))
    expect(ambiguous).toMatchObject({ committed: false, annotations: 0 })
    expect(ambiguous.issues[0]).toMatchObject({ code: 'SPAN_MISMATCH', severity: 'error' })
    expect(ambiguous.issues[0]!.message).toContain('the quote "ELN" occurs 2 times in the article and its prefix and suffix do not say which')
    // a prefix that no longer fits (the text around was edited) falls back to the quote, which must then be unique
    const edited = importW3c(store, foreignFile([annotation('http://example.org/anno/3', source, 'Event', { type: 'TextQuoteSelector', exact: 'attacked', prefix: 'the rebels ' })]))
    expect(edited).toMatchObject({ committed: true, errors: 0, annotations: 1 })
  })

  it('finds a Spanwise article IRI (an export shared without its texts) by the article’s id', () => {
    const { store } = createTempProject()
    const [id] = articles(store, [{ title: 'Ceasefire', text: TEXT, url: '' }])
    const uid = store.articles.get(id!)!.uid
    const report = importW3c(store, foreignFile([annotation('urn:uuid:5a1d3b2c-0000-4000-8000-000000000001', `urn:spanwise:article:${uid}`, 'Actor', { type: 'TextQuoteSelector', exact: 'patrol' })]))
    expect(report).toMatchObject({ committed: true, errors: 0, articlesMatched: 1, annotations: 1 })
    expect(tags(store).map((t) => t.quote)).toEqual(['patrol'])
  })

  it('finds an article of another Spanwise project by the page URL its export gives as scope, and a percent-encoded id here by the id', () => {
    const { store } = createTempProject()
    const [id] = articles(store, [{ title: 'Ceasefire', text: TEXT, url: 'https://news.example.org/eln' }])
    store.db.prepare('UPDATE article SET uid = ? WHERE id = ?').run('batch 7/article #3', id)
    const other = { ...annotation('urn:uuid:5a1d3b2c-0000-4000-8000-000000000002', 'urn:spanwise:article:0b6f7c1e-0000-4000-8000-00000000abcd', 'Actor', { type: 'TextQuoteSelector', exact: 'patrol' }) }
    ;(other.target as Record<string, unknown>)['scope'] = 'https://news.example.org/eln'
    const here = annotation('urn:uuid:5a1d3b2c-0000-4000-8000-000000000003', `urn:spanwise:article:${encodeURIComponent('batch 7/article #3')}`, 'Event', { type: 'TextQuoteSelector', exact: 'attacked' })
    const report = importW3c(store, foreignFile([other, here]))
    expect(report).toMatchObject({ committed: true, errors: 0, annotations: 2 })
    expect(tags(store).map((t) => [t.article_id, t.quote])).toEqual([
      [id, 'attacked'],
      [id, 'patrol']
    ])
    // without a scope, another project's article id is said to be just that
    const lost = importW3c(store, foreignFile([annotation('urn:uuid:5a1d3b2c-0000-4000-8000-000000000004', 'urn:spanwise:article:0b6f7c1e-0000-4000-8000-00000000ffff', 'Actor', { type: 'TextQuoteSelector', exact: 'army' })]))
    expect(lost.issues[0]!.message).toContain('it is an article of another Spanwise project and its annotations name no URL')
  })

  it('refuses a source two articles share as their URL, and one no article has, naming the source; nothing is written', () => {
    const { store } = createTempProject()
    articles(store, [
      { title: 'One', text: TEXT, url: 'https://news.example.org/same' },
      { title: 'Two', text: 'A second text at the same address.', url: 'https://news.example.org/same' }
    ])
    const shared = importW3c(store, foreignFile([annotation('http://example.org/anno/1', 'https://news.example.org/same', 'Actor', { type: 'TextQuoteSelector', exact: 'ELN' })]))
    expect(shared).toMatchObject({ committed: false, annotations: 0 })
    expect(shared.issues[0]!.message).toContain('https://news.example.org/same is the URL of 2 articles of this project')
    const unknown = importW3c(store, foreignFile([annotation('http://example.org/anno/1', 'https://elsewhere.example.org/x', 'Actor', { type: 'TextQuoteSelector', exact: 'ELN' })]))
    expect(unknown).toMatchObject({ committed: false, annotations: 0 })
    expect(unknown.issues[0]!.message).toContain('https://elsewhere.example.org/x has no text in this import and is not an article of this project')
    expect(tags(store)).toEqual([])
  })
})

describe('W3C annotations that name this project’s own tags (urn:uuid:<tag id>)', () => {
  const layerRows = (store: Store) => store.db.prepare('SELECT id, article_id, annotator_id, label, start, end FROM annotation ORDER BY id').all()

  it('update those tags, whatever the file is called, and count them as replaced: its own export back never doubles a layer', () => {
    const { store } = codedProject()
    const before = layerRows(store)
    const out = join(tempDir(), 'w3c')
    runExport(store, exportOptions.parse({ format: 'w3c', destination: out }))
    const back = runAnnotatedImport(store, annotatedImportOptions.parse({ format: 'w3c', paths: [out], annotator: 'Someone' }), ANA)
    expect(back).toMatchObject({ committed: true, errors: 0, annotations: before.length, replaced: before.length })
    expect(layerRows(store)).toEqual(before)
    // one page downloaded again under another name, twice
    const renamed = join(tempDir(), 'w3c-trunc.jsonld')
    copyFileSync(join(out, 'pages/000001.jsonld'), renamed)
    const onPage = (JSON.parse(readFileSync(renamed, 'utf8')) as { items: { motivation: string }[] }).items.filter((a) => a.motivation !== 'linking').length
    for (const file of [renamed, join(out, 'pages/000001.jsonld')]) {
      expect(runAnnotatedImport(store, annotatedImportOptions.parse({ format: 'w3c', paths: [file], annotator: 'Someone' }), ANA)).toMatchObject({ committed: true, errors: 0, annotations: onPage, replaced: onPage })
      expect(layerRows(store)).toEqual(before)
    }
  })

  it('leave a tag of another article or another coder’s layer alone: the annotation becomes a tag of its own', () => {
    const { store, a1, both } = codedProject()
    const uid = store.articles.get(a1)!.uid
    const bens = store.db.prepare("SELECT id FROM annotation WHERE article_id = ? AND annotator_id = ?").pluck().get(a1, BEN.id) as string
    const before = layerRows(store)
    const ana = { id: `urn:spanwise:annotator:${ANA.id}`, name: ANA.name }
    const file = foreignFile([
      { ...annotation(`urn:uuid:${both.id}`, `urn:spanwise:article:${uid}`, 'Actor', { type: 'TextQuoteSelector', exact: 'Huila' }), creator: ana },
      { ...annotation(`urn:uuid:${bens}`, `urn:spanwise:article:${uid}`, 'Actor', { type: 'TextQuoteSelector', exact: 'Neiva' }), creator: ana }
    ])
    expect(importW3c(store, file)).toMatchObject({ committed: true, errors: 0, annotations: 2, replaced: 0 })
    const after = layerRows(store) as { id: string }[]
    expect(after).toHaveLength(before.length + 2)
    for (const row of before) expect(after).toContainEqual(row)
  })
})
