import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runExport } from '../../../src/main/export/run-export'
import { exportOptions } from '../../../src/shared/exchange/export-options'
import { packManifest } from '../../../src/shared/exchange/pack-format'
import { HUILA, SECOND } from '../../helpers/coded-project'
import { exportPack, projectWithArticles, readZip } from '../../helpers/pack-fixtures'
import { ANA, BEN, cleanupTemp, cpSlice, tempDir } from '../../helpers/project'

afterEach(cleanupTemp)

const sha = (text: string) => createHash('sha256').update(text).digest('hex')
const jsonLines = (text: string) => text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>)

/** Ana's project: she tagged the Huila article (with a link, an attribute and a note); Ben tagged both. */
function anasProject() {
  const p = projectWithArticles()
  const event = p.tag(ANA, p.huila, 'Event', 'attacked', 'the Huila attack')
  const gunmen = p.tag(ANA, p.huila, 'Actor', 'Gunmen')
  p.service.update(ANA, { id: event, attributes: { fatalities_reported: 7 } })
  p.service.link(ANA, { from: event, type: 'perpetrator', to: gunmen })
  const bens = p.tag(BEN, p.huila, 'Place', 'Neiva, Huila')
  p.tag(BEN, p.second, 'Actor', 'ELN')
  // a link from Ana's tag to Ben's (written by an older version; the workbench now refuses them) cannot travel in her pack
  const snapshot = p.store.annotations.snapshot(event)!
  p.store.annotations.write({ ...snapshot, links: [...snapshot.links, { type: 'located_at', to: bens }] })
  return { ...p, event, gunmen }
}

describe('annotation pack export', () => {
  it('holds only my layer, with links, attributes, notes, my identity, the codebook and each article’s hash; no text by default', () => {
    const p = anasProject()
    const { file, result } = exportPack(p.store, ANA)
    expect(result).toMatchObject({ format: 'pack', articles: 1, annotations: 2, links: 1, files: ['articles.jsonl', 'codebook.json', 'pack.json'] })
    expect(result.warnings.join(' ')).toContain('1 link to other coders’ tags was left out')
    const entries = readZip(file)
    expect(Object.keys(entries).sort()).toEqual(['articles.jsonl', 'codebook.json', 'pack.json'])
    const manifest = packManifest.parse(JSON.parse(entries['pack.json']!))
    expect(manifest).toMatchObject({ type: 'spanwise-annotation-pack', version: 1, annotator: ANA, includesText: false, offsetUnit: 'codepoint', counts: { articles: 1, annotations: 2, links: 1 } })
    expect(manifest.codebook).toMatchObject({ version: 1, versionsUsed: [1] })
    expect(manifest.files['articles.jsonl']).toEqual({ sha256: sha(entries['articles.jsonl']!), bytes: Buffer.byteLength(entries['articles.jsonl']!), lines: 2 })
    expect(manifest.files['codebook.json'].sha256).toBe(sha(entries['codebook.json']!))
    expect(JSON.parse(entries['codebook.json']!)).toEqual(p.store.codebooks.get())
    const [header, article] = jsonLines(entries['articles.jsonl']!) as [Record<string, any>, Record<string, any>]
    expect(header).toMatchObject({ type: 'spanwise-native', annotators: [ANA] })
    expect(article).toMatchObject({ hash: sha(HUILA), text: '' })
    expect(article.annotations.map((t: { annotator: unknown }) => t.annotator)).toEqual([ANA, ANA])
    const event = article.annotations.find((t: { id: string }) => t.id === p.event)
    expect(event).toMatchObject({ label: 'Event', note: 'the Huila attack', attributes: { fatalities_reported: 7 }, links: [{ type: 'perpetrator', to: p.gunmen }] })
    expect(cpSlice(HUILA, event.fragments[0].start, event.fragments[0].end)).toBe('attacked')
  })

  it('carries the article text only when asked', () => {
    const p = anasProject()
    const { file } = exportPack(p.store, ANA, { includeText: true })
    const entries = readZip(file)
    expect(JSON.parse(entries['pack.json']!).includesText).toBe(true)
    expect(jsonLines(entries['articles.jsonl']!)[1]!.text).toBe(HUILA)
  })

  it('packs the chosen articles, even one I left untagged (its layer is then empty)', () => {
    const p = anasProject()
    const { file, result } = exportPack(p.store, ANA, { filter: { articleIds: [p.second] } })
    expect(result).toMatchObject({ articles: 1, annotations: 0 })
    const [, article] = jsonLines(readZip(file)['articles.jsonl']!)
    expect(article).toMatchObject({ hash: sha(SECOND), annotations: [] })
  })

  it('counts an article marked done with no tags as coded', () => {
    const p = anasProject()
    p.store.db.prepare('INSERT INTO coder_progress (article_id, annotator_id, done_at) VALUES (?, ?, ?)').run(p.second, ANA.id, new Date().toISOString())
    expect(exportPack(p.store, ANA).result.articles).toBe(2)
  })

  it('refuses tag filters (a partial layer would delete tags at the importer), unknown articles, no user and an empty layer, writing nothing', () => {
    const p = anasProject()
    const dir = tempDir()
    const destination = join(dir, 'mine.spanpack')
    const run = (extra: Record<string, unknown>, user = ANA as typeof ANA | null) => () => runExport(p.store, exportOptions.parse({ format: 'pack', destination, ...extra }), {}, user)
    expect(run({ filter: { labels: ['Event'] } })).toThrow('choose articles or article statuses, not labels')
    expect(run({ filter: { articleIds: [999] } })).toThrow('Article 999 does not exist')
    expect(run({}, null)).toThrow('tell Spanwise your name first')
    expect(run({}, { id: '33333333-3333-4333-8333-333333333333', name: 'Cleo' })).toThrow('Cleo has no tags on any article of this project')
    expect(readdirSync(dirname(destination))).toEqual([])
  })

  it('refuses an existing file unless overwriting, and leaves no partial file behind', () => {
    const p = anasProject()
    const { file } = exportPack(p.store, ANA)
    expect(() => runExport(p.store, exportOptions.parse({ format: 'pack', destination: file }), {}, ANA)).toThrow('already exists')
    runExport(p.store, exportOptions.parse({ format: 'pack', destination: file, overwrite: true }), {}, ANA)
    expect(readdirSync(dirname(file))).toEqual(['pack.spanpack'])
    expect(existsSync(file)).toBe(true)
    // a file that is not an earlier pack is never replaced, even when allowed
    const other = join(dirname(file), 'thesis.docx')
    writeFileSync(other, 'years of work')
    expect(() => runExport(p.store, exportOptions.parse({ format: 'pack', destination: other, overwrite: true }), {}, ANA)).toThrow(
      `${other} already exists and is not an earlier annotation pack, so Spanwise will not replace it. Choose a new file name.`
    )
    expect(readFileSync(other, 'utf8')).toBe('years of work')
    expect(readdirSync(dirname(file)).sort()).toEqual(['pack.spanpack', 'thesis.docx'])
  })
})
