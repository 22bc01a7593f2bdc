import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { registrySeedSchema } from '../../shared/actors/actor-schema'
import type { User } from '../../shared/domain'
import { ArticleOffsets, findQuote } from '../../shared/offsets'
import { ActorService } from '../actors/actor-service'
import { AnnotationService } from '../annotations/annotation-service'
import { canonicalize } from '../import/canonicalize'
import { runImport } from '../import/run-import'
import { createProjectDb } from '../store/open-project-db'
import { Store } from '../store/store'

const articlesSchema = z.array(z.object({ file: z.string(), source: z.string(), url: z.string(), published: z.string(), language: z.string() }))
const tagSchema = z.object({
  file: z.string(),
  label: z.string(),
  quote: z.string(),
  occurrence: z.number().int().min(1),
  note: z.string(),
  /** A name other tags of the same layer link to. */
  key: z.string().optional(),
  /** The demo registry's actor this mention is linked to (its key in actors.json). */
  actor: z.string().optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  links: z.array(z.object({ type: z.string(), to: z.string() })).optional()
})
const tagsSchema = z.array(tagSchema)
const colleagueSchema = z.object({ coder: z.object({ id: z.uuid(), name: z.string() }), tags: tagsSchema })

/** The annotator the demo's example tags are credited to. */
export const DEMO_ANNOTATOR = { id: '00000000-0000-4000-8000-000000000001', name: 'Spanwise demo' }

/**
 * Creates the demo project from resources/demo: original articles about a fictional peace process, a registry
 * of its actors, example tags with attributes, actor links and relations, and a colleague's layer on one article
 * (so review and agreement have something to compare). Everything goes through the services a coder uses, so
 * the demo data is checked against the codebook as it is built.
 */
export function buildDemoProject(file: string, resourcesDir: string): void {
  const dir = join(resourcesDir, 'demo')
  const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown
  const articles = articlesSchema.parse(read('articles.json'))
  const files = new Map(articles.map((a) => [a.file, readFileSync(join(dir, 'articles', a.file), 'utf8')]))
  // the heading is the article's title, shown above its text: the text itself starts with the dateline, as a wire story's does
  const texts = new Map([...files].map(([name, md]) => [name, md.replace(/^#\s+.+\n+/, '')]))
  const jsonl = articles
    .map((a) => {
      const title = /^#\s+(.+)$/m.exec(files.get(a.file)!)?.[1] ?? a.file
      return JSON.stringify({ title, text: texts.get(a.file)!, source: a.source, url: a.url, published: a.published, language: a.language, demo_file: a.file })
    })
    .join('\n')
  const db = createProjectDb(file)
  const store = new Store(db, file)
  try {
    runImport(db, [{ kind: 'bytes', name: 'demo.jsonl', bytes: Buffer.from(jsonl) }], { encoding: 'utf-8' })
    const idByFile = new Map(
      (db.prepare("SELECT id, json_extract(metadata, '$.demo_file') AS file FROM article").all() as { id: number; file: string }[]).map((r) => [r.file, r.id])
    )
    store.ensureAnnotator(DEMO_ANNOTATOR)
    const actorIds = buildRegistry(new ActorService(store), registrySeedSchema.parse(read('actors.json')))
    const coder = new DemoCoder(new AnnotationService(store), idByFile, texts, actorIds)
    coder.code(DEMO_ANNOTATOR, tagsSchema.parse(read('tags.json')))
    const colleague = colleagueSchema.parse(read('colleague.json'))
    store.ensureAnnotator(colleague.coder)
    coder.code(colleague.coder, colleague.tags)
  } finally {
    store.close()
  }
}

/** The demo registry's actors, parents first; returns each key's actor id. */
function buildRegistry(actors: ActorService, registry: z.infer<typeof registrySeedSchema>): Map<string, string> {
  const ids = new Map<string, string>()
  const ordered = [...registry.actors].sort((a, b) => Number(!!a.parent) - Number(!!b.parent))
  for (const { key, parent, aliases, relations: _relations, ...fields } of ordered) {
    const parentId = parent ? ids.get(parent) : null
    if (parentId === undefined) throw new Error(`demo actor ${key}: parent ${parent} is not in the demo registry`)
    ids.set(key, actors.create(DEMO_ANNOTATOR, { fields: { ...fields, parentId }, aliases }).id)
  }
  return ids
}

/** Codes one layer of demo tags as `user`, the way a coder would: tag, set attributes, then link. */
class DemoCoder {
  constructor(
    private readonly service: AnnotationService,
    private readonly idByFile: Map<string, number>,
    private readonly texts: Map<string, string>,
    private readonly actorIds: Map<string, string>
  ) {}

  code(user: User, tags: z.infer<typeof tagsSchema>): void {
    const idByKey = new Map<string, string>()
    const made = tags.map((tag) => {
      const id = this.tag(user, tag)
      if (tag.key) idByKey.set(tag.key, id)
      return { tag, id }
    })
    for (const { tag, id } of made)
      for (const link of tag.links ?? []) {
        const to = idByKey.get(link.to)
        if (!to) throw new Error(`demo tag "${tag.quote}" links to ${link.to}, which no tag of the layer is`)
        this.service.link(user, { from: id, type: link.type, to })
      }
  }

  private tag(user: User, tag: z.infer<typeof tagSchema>): string {
    const articleId = this.idByFile.get(tag.file)
    if (articleId === undefined) throw new Error(`demo tag "${tag.quote}" names ${tag.file}, which is not a demo article`)
    const range = findQuote(new ArticleOffsets(canonicalize(this.texts.get(tag.file)!).text), tag.quote)[tag.occurrence - 1]
    if (!range) throw new Error(`demo tag "${tag.quote}" (occurrence ${tag.occurrence}) not found in ${tag.file}`)
    const id = this.service.create(user, { articleId, label: tag.label, fragments: [range], note: tag.note || undefined }).upserted[0]!.id
    const entity = tag.actor ? this.actorIds.get(tag.actor) : undefined
    if (tag.actor && !entity) throw new Error(`demo tag "${tag.quote}" names actor ${tag.actor}, which is not in the demo registry`)
    const attributes = { ...tag.attributes, ...(entity ? { entity } : {}) }
    if (Object.keys(attributes).length) this.service.update(user, { id, attributes })
    return id
  }
}
