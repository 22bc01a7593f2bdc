import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runExport } from '../../../src/main/export/run-export'
import { WRITERS } from '../../../src/main/export/writers'
import { runAnnotatedImport } from '../../../src/main/import/annotated/run-annotated-import'
import { annotatedImportOptions } from '../../../src/shared/exchange/annotated-import'
import { exportOptions, type ExportOptionsInput } from '../../../src/shared/exchange/export-options'
import type { Store } from '../../../src/main/store/store'
import { codedProject, HUILA } from '../../helpers/coded-project'
import { reviewedProject } from '../../helpers/reviewed-project'
import { ANA, addArticle, cleanupTemp, cpSlice, createTempProject, tempDir } from '../../helpers/project'
import { AnnotationService } from '../../../src/main/annotations/annotation-service'
import { CodebookService } from '../../../src/main/codebook/codebook-service'
import { EMPTY_MIGRATION } from '../../../src/shared/codebook/codebook-migration'
import { appError } from '../../helpers/app-error'

afterEach(cleanupTemp)

const exportTo = (store: Store, destination: string, extra: Partial<ExportOptionsInput> = {}) => runExport(store, exportOptions.parse({ format: 'native', destination, ...extra }))
const importFrom = (store: Store, paths: string[], extra: Record<string, unknown> = {}) =>
  runAnnotatedImport(store, annotatedImportOptions.parse({ format: 'native', paths, annotator: 'Imported', ...extra }), ANA)
const lines = (dir: string) => readFileSync(join(dir, 'articles.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)

describe('native JSONL export and import', () => {
  it('writes a header and one line per article with every tag, and a manifest stating the unit', () => {
    const p = codedProject()
    const out = join(tempDir(), 'export')
    const result = exportTo(p.store, out)
    expect(readdirSync(out).sort()).toEqual(['articles.jsonl', 'manifest.json'])
    expect(result).toMatchObject({ articles: 2, annotations: 8, links: 3 })
    const [header, first, second] = lines(out) as [Record<string, any>, Record<string, any>, Record<string, any>]
    expect(header).toMatchObject({ type: 'spanwise-native', version: 1, offsetUnit: 'codepoint', codebookVersion: 2 })
    expect(header.codebooks.map((c: { version: number }) => c.version)).toEqual([1, 2])
    expect(header.actors.some((a: { id: string }) => a.id === 'seed:eln')).toBe(true)
    expect(first.text).toBe(HUILA)
    expect(first.note).toBe('Check the fatality count against the police report.')
    const event = first.annotations.find((t: { label: string }) => t.label === 'Event')
    expect(event).toMatchObject({ note: 'the Huila attack', annotator: { name: 'Ana' }, attributes: { fatalities_reported: 7 } })
    expect(event.links.map((l: { type: string }) => l.type)).toEqual(['perpetrator', 'victim', 'located_at'])
    // code points: a Python-style slice of the text gives each fragment's quote
    for (const t of first.annotations) for (const f of t.fragments) expect(cpSlice(first.text, f.start, f.end)).toBe(f.quote)
    expect(second.status).toBe('done')
    expect(second.annotations.find((t: { fragments: unknown[] }) => t.fragments.length === 2)).toBeDefined()
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))
    expect(manifest).toMatchObject({ format: 'native', offsetUnit: 'codepoint', codebook: { version: 2, versionsUsed: [1, 2] }, counts: { articles: 2, annotations: 8 } })
  })

  it('round-trips a reviewed project: native → import into a new project → native gives the same file', () => {
    const p = reviewedProject()
    const first = join(tempDir(), 'first')
    exportTo(p.store, first)
    const target = createTempProject().store
    const report = importFrom(target, [join(first, 'articles.jsonl')])
    expect(report).toMatchObject({ committed: true, errors: 0, articlesAdded: 2, annotations: 10, links: 4, reanchored: 0, review: { adjudications: 5, comments: 3, doneMarks: 3 } })
    expect(report.issues).toEqual([])
    const second = join(tempDir(), 'second')
    exportTo(target, second)
    expect(readFileSync(join(second, 'articles.jsonl'), 'utf8')).toBe(readFileSync(join(first, 'articles.jsonl'), 'utf8'))
    // what the project derives from the records comes out the same too: the undone decision's gold tag is still gone
    expect(target.review.decisions(p.a1).map((d) => [d.decision, d.goldExists])).toEqual(p.store.review.decisions(p.a1).map((d) => [d.decision, d.goldExists]))
    expect(target.review.layers(p.a1)).toEqual(p.store.review.layers(p.a1))
  })

  it('re-importing the same file updates instead of duplicating, review records included, and keeps comments made since', () => {
    const p = reviewedProject()
    const out = join(tempDir(), 'out')
    exportTo(p.store, out)
    const count = (table: string) => p.store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()
    p.store.review.addComment({ id: '55555555-5555-4555-8555-555555555555', annotationId: p.event.id, authorId: ANA.id, body: 'added after the export', createdAt: '2099-01-01T00:00:00.000Z' })
    const again = importFrom(p.store, [out])
    expect(again).toMatchObject({ committed: true, articlesAdded: 0, articlesMatched: 2, annotations: 10, replaced: 10, review: { adjudications: 5, comments: 3, doneMarks: 3 } })
    expect(p.store.articles.count()).toBe(2)
    expect(count('annotation')).toBe(10)
    expect(count('relation')).toBe(4)
    expect([count('adjudication'), count('tag_comment'), count('coder_progress')]).toEqual([5, 4, 3])
    expect(p.store.review.comments(p.event.id).map((c) => c.body).at(-1)).toBe('added after the export')
  })

  it('a project with tags keeps its own codebook when a file coded with another one comes in, and says so', () => {
    const p = codedProject()
    const out = join(tempDir(), 'theirs')
    exportTo(p.store, out)
    // my project: its own codebook (a label the file's lacks), already used
    const mine = createTempProject().store
    const v1 = mine.codebooks.get()
    new CodebookService(mine).save(ANA, { codebook: { ...v1, labels: [...v1.labels, { ...v1.labels[0]!, name: 'Rumour', hotkey: null, order: v1.labels.length }] }, note: 'rumours', migration: EMPTY_MIGRATION, baseVersion: v1.version })
    const before = mine.codebooks.get()
    const article = addArticle(mine, 'A rumour spread in Neiva.')
    new AnnotationService(mine).create(ANA, { articleId: article, label: 'Rumour', fragments: [{ start: 2, end: 8 }] })
    const report = importFrom(mine, [out])
    expect(report).toMatchObject({ committed: true, annotations: 8 })
    expect(mine.codebooks.get().labels.map((l) => l.name)).toEqual(before.labels.map((l) => l.name))
    expect(report.issues.find((i) => i.code === 'CODEBOOK_DIFFERS')?.message).toMatch(/the project keeps its own, and the file's is kept in the codebook's version history.*\(Weapon\)/)
    // an untagged project being rebuilt from the file takes the file's codebook (the round trip above)
    const fresh = createTempProject().store
    importFrom(fresh, [out])
    expect(fresh.codebooks.get().labels.map((l) => l.name)).toEqual(p.store.codebooks.get().labels.map((l) => l.name))
  })

  it('a tag whose id belongs to another article’s tag is refused by line, and that tag is untouched (re-importing used to delete it)', () => {
    const p = codedProject()
    const out = join(tempDir(), 'export')
    exportTo(p.store, out)
    const raw = readFileSync(join(out, 'articles.jsonl'), 'utf8').trim().split('\n')
    const [header, first, second] = raw.map((l) => JSON.parse(l)) as [unknown, { annotations: { id: string }[] }, { annotations: { id: string }[] }]
    const victim = first.annotations[0]!.id
    second.annotations[0]!.id = victim
    writeFileSync(join(out, 'articles.jsonl'), [header, first, second].map((l) => JSON.stringify(l)).join('\n') + '\n')
    const before = p.store.annotations.get(victim)
    // only the second article is imported, so nothing of this file would put the victim back
    const onlySecond = join(out, 'second.jsonl')
    writeFileSync(onlySecond, [header, second].map((l) => JSON.stringify(l)).join('\n') + '\n')
    const report = importFrom(p.store, [onlySecond])
    expect(report.issues).toEqual(expect.arrayContaining([expect.objectContaining({ severity: 'error', code: 'DUPLICATE_ID', line: 2, message: expect.stringContaining(`the tag id ${victim} already belongs to a tag of another article`) })]))
    expect(report.committed).toBe(false)
    expect(p.store.annotations.get(victim)).toEqual(before)
  })

  it('filters by label, coder and status; links to tags left out are dropped and said', () => {
    const p = codedProject()
    const out = join(tempDir(), 'events')
    const result = exportTo(p.store, out, { filter: { labels: ['Event'], annotators: ['Ana'] } })
    expect(result.annotations).toBe(1)
    expect(result.warnings.join(' ')).toContain('3 links were left out')
    const [, first] = lines(out) as [unknown, { annotations: { links: unknown[] }[] }]
    expect(first.annotations[0]!.links).toEqual([])
    const bens = exportTo(p.store, join(tempDir(), 'ben'), { filter: { annotators: ['Ben'], articleStatuses: ['done'] } })
    expect(bens).toMatchObject({ articles: 1, annotations: 2 })
  })

  it('chooses articles by words in their title or text, by source and by language, as the corpus list does', () => {
    const p = codedProject()
    p.store.db.prepare("UPDATE article SET source = 'El Tiempo', language = 'es' WHERE id = ?").run(p.a2)
    const ids = (out: string) => (lines(out).slice(1) as { title: string }[]).map((a) => (a.title === p.store.articles.get(p.a1)!.title ? p.a1 : p.a2))
    const dir = tempDir()
    exportTo(p.store, join(dir, 'words'), { filter: { text: 'Quibdó met' } })
    expect(ids(join(dir, 'words'))).toEqual([p.a2])
    // words match whole, not as the prefix a search box uses while one types
    expect(() => exportTo(p.store, join(dir, 'prefix'), { filter: { text: 'Quib' } })).toThrow("No article's title or text holds “Quib”")
    exportTo(p.store, join(dir, 'phrase'), { filter: { text: '"Total Peace"' } })
    expect(ids(join(dir, 'phrase'))).toEqual([p.a1])
    // sources match whatever their case, as in the corpus list
    exportTo(p.store, join(dir, 'source'), { filter: { sources: ['el tiempo'], languages: ['es'] } })
    expect(ids(join(dir, 'source'))).toEqual([p.a2])
    expect(() => exportTo(p.store, join(dir, 'typo'), { filter: { sources: ['Tiempo'] } })).toThrow("No article has the source “Tiempo”. This project's sources: El Tiempo.")
    expect(() => exportTo(p.store, join(dir, 'typo'), { filter: { languages: ['en'] } })).toThrow("No article is in the language “en”. This project's languages: es.")
    expect(() => exportTo(p.store, join(dir, 'typo'), { filter: { text: '…!' } })).toThrow('has no word to look for')
    // choices that each match, but not together, would make an empty export
    expect(() => exportTo(p.store, join(dir, 'typo'), { filter: { text: 'Quibdó', articleIds: [p.a1] } })).toThrow(
      `No article matches the article choices (words “Quibdó”; article ${p.a1}) all together, so the export would be empty; change or drop one of them.`
    )
    // a phrase is named as typed
    expect(() => exportTo(p.store, join(dir, 'typo'), { filter: { text: '"peace total"' } })).toThrow("No article's title or text holds “peace total”")
    expect(existsSync(join(dir, 'typo'))).toBe(false)
  })

  it('refuses a filter naming a label, coder or article the project lacks, listing what it has; nothing is written', () => {
    const p = codedProject()
    const out = join(tempDir(), 'typo')
    expect(() => exportTo(p.store, out, { filter: { labels: ['actor'] } })).toThrow("No label is called “actor” (names are case-sensitive). This project's labels: Actor, Event, Claim")
    expect(() => exportTo(p.store, out, { filter: { annotators: ['Ana', 'Sam'] } })).toThrow("No coder is called “Sam” (give the full name or id, as listed). This project's coders: Ana, Ben")
    expect(() => exportTo(p.store, out, { filter: { articleIds: [p.a1, 99] } })).toThrow('Article 99 does not exist in this project')
    expect(existsSync(out)).toBe(false)
  })

  it('replaces only an earlier export or an empty folder: never a folder of other files, a file, or a relative path', () => {
    const p = codedProject()
    const dir = tempDir()
    // someone's own folder and file, at the path given with "replace" ticked
    const theirs = join(dir, 'thesis')
    mkdirSync(theirs)
    writeFileSync(join(theirs, 'chapter.docx'), 'years of work')
    const notes = join(dir, 'notes.txt')
    writeFileSync(notes, 'notes')
    for (const destination of [theirs, notes]) {
      const e = appError(() => exportTo(p.store, destination, { overwrite: true }))
      expect(e.code).toBe('CONFLICT')
      expect(e.message).toBe(`${destination} already exists and is not an earlier Spanwise export folder, so Spanwise will not replace it. Choose a new folder name.`)
    }
    expect(readFileSync(join(theirs, 'chapter.docx'), 'utf8')).toBe('years of work')
    expect(readFileSync(notes, 'utf8')).toBe('notes')
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'thesis'])
    // an earlier export, and an empty folder, are replaced when allowed
    const earlier = join(dir, 'earlier')
    exportTo(p.store, earlier, { format: 'csv' })
    exportTo(p.store, earlier, { overwrite: true })
    expect(readdirSync(earlier).sort()).toEqual(['articles.jsonl', 'manifest.json'])
    const empty = join(dir, 'empty')
    mkdirSync(empty)
    exportTo(p.store, empty, { overwrite: true })
    expect(readdirSync(empty)).toContain('articles.jsonl')
    // a relative path would land in the folder the app was started from
    expect(exportOptions.safeParse({ format: 'native', destination: 'relative-out' }).error?.issues[0]?.message).toContain('give the full path')
  })

  it('refuses an existing folder and leaves nothing behind when a writer fails (failure simulated by a throwing writer)', () => {
    const p = codedProject()
    const dir = tempDir()
    const out = join(dir, 'out')
    exportTo(p.store, out)
    expect(() => exportTo(p.store, out)).toThrow('already exists')
    expect(() => exportTo(p.store, join(dir, 'missing', 'out'))).toThrow('does not exist')
    const original = WRITERS.native
    WRITERS.native = () => ({
      begin: (ctx, folder) => folder.writeFile('partial.txt', 'half'),
      article: () => {
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })
      },
      end: () => ({ warnings: [], counts: {}, files: [] })
    })
    try {
      expect(() => exportTo(p.store, join(dir, 'full'))).toThrow('The disk is full')
    } finally {
      WRITERS.native = original
    }
    expect(readdirSync(dir).sort()).toEqual(['out'])
  })

  it('refuses a broken file line by line and imports nothing', () => {
    const p = codedProject()
    const out = join(tempDir(), 'out')
    exportTo(p.store, out)
    const file = join(out, 'articles.jsonl')
    const [header, a, b] = readFileSync(file, 'utf8').trim().split('\n')
    const broken = JSON.parse(b!)
    // beyond the text and without a quote to find it by
    broken.annotations[0].fragments[0] = { start: 5, end: 10_000 }
    writeFileSync(file, [header, a!.slice(0, 200), JSON.stringify(broken)].join('\n'))
    const target = createTempProject().store
    const report = importFrom(target, [file])
    expect(report.committed).toBe(false)
    expect(report.issues.map((i) => [i.code, i.line])).toEqual(
      expect.arrayContaining([
        ['BAD_LINE', 2],
        ['SPAN_OUT_OF_RANGE', 3]
      ])
    )
    expect(report.issues.find((i) => i.code === 'SPAN_OUT_OF_RANGE')!.message).toMatch(/line 3.*lies outside the text/)
    expect(target.articles.count()).toBe(0)
    expect(target.db.prepare('SELECT count(*) FROM annotation').pluck().get()).toBe(0)
  })

  it('re-anchors a span whose offsets are off by its quote when it occurs once, and reports it', () => {
    const p = codedProject()
    const out = join(tempDir(), 'out')
    exportTo(p.store, out)
    const file = join(out, 'articles.jsonl')
    const [header, a, b] = readFileSync(file, 'utf8').trim().split('\n')
    const shifted = JSON.parse(a!)
    const event = shifted.annotations.find((t: { label: string }) => t.label === 'Event')
    event.fragments[0].start += 2
    event.fragments[0].end += 2
    writeFileSync(file, [header, JSON.stringify(shifted), b].join('\n'))
    const target = createTempProject().store
    const report = importFrom(target, [file])
    expect(report).toMatchObject({ committed: true, reanchored: 1 })
    expect(report.issues[0]).toMatchObject({ code: 'SPAN_REANCHORED', severity: 'warning', line: 2 })
    const placed = target.annotations.get(event.id)!
    expect(placed.fragments[0]!.quote).toBe('attacked')
    expect(existsSync(file)).toBe(true)
  })
})
