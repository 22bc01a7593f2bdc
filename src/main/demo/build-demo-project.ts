import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { ArticleOffsets } from '../../shared/offsets'
import { AnnotationService } from '../annotations/annotation-service'
import { canonicalize } from '../import/canonicalize'
import { runImport } from '../import/run-import'
import { createProjectDb } from '../store/open-project-db'
import { Store } from '../store/store'

const articlesSchema = z.array(z.object({ file: z.string(), source: z.string(), url: z.string(), published: z.string(), language: z.string() }))
const tagsSchema = z.array(z.object({ file: z.string(), label: z.string(), quote: z.string(), occurrence: z.number().int().min(1), note: z.string() }))

/** The annotator the demo's example tags are credited to. */
export const DEMO_ANNOTATOR = { id: '00000000-0000-4000-8000-000000000001', name: 'Spanwise demo' }

/** Creates the demo project from resources/demo: original articles about a fictional peace process, with example tags. */
export function buildDemoProject(file: string, resourcesDir: string): void {
  const dir = join(resourcesDir, 'demo')
  const articles = articlesSchema.parse(JSON.parse(readFileSync(join(dir, 'articles.json'), 'utf8')))
  const tags = tagsSchema.parse(JSON.parse(readFileSync(join(dir, 'tags.json'), 'utf8')))
  const texts = new Map(articles.map((a) => [a.file, readFileSync(join(dir, 'articles', a.file), 'utf8')]))
  const jsonl = articles
    .map((a) => {
      const text = texts.get(a.file)!
      const title = /^#\s+(.+)$/m.exec(text)?.[1] ?? a.file
      return JSON.stringify({ title, text, source: a.source, url: a.url, published: a.published, language: a.language, demo_file: a.file })
    })
    .join('\n')
  const db = createProjectDb(file)
  const store = new Store(db, file)
  try {
    runImport(db, [{ kind: 'bytes', name: 'demo.jsonl', bytes: Buffer.from(jsonl) }], { encoding: 'utf-8' })
    const service = new AnnotationService(store)
    const idByFile = new Map(
      (db.prepare("SELECT id, json_extract(metadata, '$.demo_file') AS file FROM article").all() as { id: number; file: string }[]).map((r) => [r.file, r.id])
    )
    for (const tag of tags) {
      const articleId = idByFile.get(tag.file)!
      const offsets = new ArticleOffsets(canonicalize(texts.get(tag.file)!).text)
      let at = -1
      for (let n = 0; n < tag.occurrence; n++) at = offsets.text.indexOf(tag.quote, at + 1)
      if (at < 0) throw new Error(`demo tag "${tag.quote}" not found in ${tag.file}`)
      const range = { start: offsets.utf16ToCp(at), end: offsets.utf16ToCp(at + tag.quote.length) }
      service.create(DEMO_ANNOTATOR, { articleId, label: tag.label, fragments: [range], note: tag.note || undefined })
    }
  } finally {
    store.close()
  }
}
