import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { AnnotationService } from '../../src/main/annotations/annotation-service'
import { runExport } from '../../src/main/export/run-export'
import { runAnnotatedImport } from '../../src/main/import/annotated/run-annotated-import'
import type { Store } from '../../src/main/store/store'
import type { User } from '../../src/shared/domain'
import { annotatedImportOptions, type AnnotatedImportInput } from '../../src/shared/exchange/annotated-import'
import { exportOptions, type ExportOptionsInput } from '../../src/shared/exchange/export-options'
import { HUILA, SECOND } from './coded-project'
import { addArticle, cpIndexOf, createTempProject, tempDir } from './project'

// one headline-like line (no closing full stop), so it is also the article's title
export const THIRD = 'Only the colleague has this article: talks resumed in Havana on Monday'

/** Exports `user`'s pack from `store` into a new temp folder; returns the file and the export result. */
export function exportPack(store: Store, user: User, extra: Partial<ExportOptionsInput> = {}, name = 'pack.spanpack') {
  const file = join(tempDir(), name)
  const result = runExport(store, exportOptions.parse({ format: 'pack', destination: file, ...extra }), {}, user)
  return { file, result }
}

/** Imports packs into `store` as `user` (the person at this project). */
export function importPack(store: Store, user: User, paths: string[], extra: Partial<AnnotatedImportInput> = {}) {
  return runAnnotatedImport(store, annotatedImportOptions.parse({ format: 'pack', paths, ...extra }), user)
}

/** A project holding the two shared articles (and the colleague-only one when `third`), with a tagging service. */
export function projectWithArticles(third = false) {
  const { store } = createTempProject()
  const huila = addArticle(store, HUILA, 'huila.txt')
  const second = addArticle(store, SECOND, 'second.txt')
  const extra = third ? addArticle(store, THIRD, 'third.txt') : null
  const service = new AnnotationService(store)
  const texts = new Map<number, string>([[huila, HUILA], [second, SECOND], ...(extra ? ([[extra, THIRD]] as [number, string][]) : [])])
  /** Tags the first `words` in the article as `user`; returns the tag id. */
  const tag = (user: User, articleId: number, label: string, words: string, note?: string) => {
    const text = texts.get(articleId)!
    const start = cpIndexOf(text, words)
    return service.create(user, { articleId, label, fragments: [{ start, end: start + Array.from(words).length }], note }).upserted[0]!.id
  }
  return { store, service, huila, second, third: extra, tag }
}

/** Every row of every table (rows sorted), so a refused import can be shown to change nothing. */
export function dumpTables(store: Store): Record<string, string[]> {
  const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]
  return Object.fromEntries(tables.map((t) => [t, (store.db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()]))
}

/** The tags of one coder layer as comparable lines: label, fragments, note, attributes, links. */
export function layerFacts(store: Store, annotatorId: string): string[] {
  return (
    store.db
      .prepare(
        `SELECT n.id, n.label, n.note, n.attributes, a.hash,
                (SELECT group_concat(f.start || '-' || f.end || ':' || f.quote, ' + ') FROM fragment f WHERE f.annotation_id = n.id) AS fragments,
                (SELECT group_concat(r.type || '>' || r.to_id, ' ') FROM relation r WHERE r.from_id = n.id) AS links
         FROM annotation n JOIN article a ON a.id = n.article_id WHERE n.annotator_id = ?`
      )
      .all(annotatorId) as Record<string, unknown>[]
  )
    .map((r) => `${String(r.hash).slice(0, 8)} ${r.id} ${r.label} ${r.fragments} note=${r.note} attrs=${r.attributes} links=${r.links ?? ''}`)
    .sort()
}

/** The entries of a zip file as text. */
export function readZip(file: string): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(new Uint8Array(readFileSync(file)))).map(([k, v]) => [k, strFromU8(v)]))
}

/** Writes a changed copy of a pack; `rehash` updates the manifest's hashes and sizes so only the change itself is wrong. */
export function rewritePack(file: string, change: (entries: Record<string, string>) => Record<string, string>, rehash = false): string {
  const entries = change(readZip(file))
  if (rehash && entries['pack.json']) {
    const manifest = JSON.parse(entries['pack.json'])
    for (const name of ['articles.jsonl', 'codebook.json']) {
      const bytes = Buffer.from(entries[name] ?? '', 'utf8')
      manifest.files[name] = { ...manifest.files[name], sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length }
    }
    entries['pack.json'] = JSON.stringify(manifest)
  }
  const out = join(tempDir(), 'changed.spanpack')
  writeFileSync(out, zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, strToU8(v)]))))
  return out
}
