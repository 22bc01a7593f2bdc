import { plainTitle } from '../read-records'
import { createHash, randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import type { Codebook, LabelDefinition } from '../../../shared/codebook/codebook-schema'
import { EMPTY_MIGRATION } from '../../../shared/codebook/codebook-migration'
import { missingAttributes, validateAttributes } from '../../../shared/codebook/validate-attributes'
import { addsMissingArticles, type AnnotatedImportOptions, type AnnotatedImportReport, type ImportedLabel } from '../../../shared/exchange/annotated-import'
import type { AnnotationStatus, ImportIssue } from '../../../shared/domain'
import { AppError } from '../../../shared/errors'
import { plural, was } from '../../../shared/plural'
import { sameAttributes } from '../../../shared/review/same-attributes'
import { ArticleOffsets, mapThroughTransform } from '../../../shared/offsets'
import type { Store } from '../../store/store'
import { withLargeCache } from '../../store/with-large-cache'
import { TagBulkWriter, type BulkTag } from '../../store/tag-bulk-writer'
import { canonicalize } from '../canonicalize'
import { anchorSpan } from './anchor-span'
import { importActors, importCodebooks } from './import-extras'
import type { FormatReader, ImportedDocument } from './imported-document'
import { READERS } from './readers'
import { stableUuid } from './stable-uuid'

const MAX_LISTED_ISSUES = 2000
// colours for labels an import adds (Okabe–Ito, as the default codebook uses)
const NEW_LABEL_COLOURS = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#999999']

export interface AnnotatedImportHooks {
  onProgress?: (p: { done: number; documents: number; annotations: number; message: string }) => void
  isCancelled?: () => boolean
}

export class AnnotatedImportCancelled extends Error {
  constructor() {
    super('the import was cancelled')
  }
}

class RollBack extends Error {}

const canon = (s: string) => canonicalize(s).text

/**
 * Imports articles with their tags from another tool's files, in one transaction: spans are checked against
 * the text (re-anchored by quote where unambiguous), labels mapped onto the codebook, and each coder's tags
 * written as their own layer, replacing that layer's tags from an earlier import of the same articles.
 * Errors refuse the whole import (unless `skipInvalid`); a dry run reports and rolls back.
 */
export function runAnnotatedImport(store: Store, options: AnnotatedImportOptions, user: { id: string; name: string }, hooks: AnnotatedImportHooks = {}): AnnotatedImportReport {
  const makeReader = READERS[options.format]
  if (!makeReader) throw new AppError('NOT_SUPPORTED', `Importing ${options.format} files is not available in this build.`)
  const reader: FormatReader = makeReader({ store, options, user })
  const db = store.db
  const tags = new TagBulkWriter(db)
  const issues: ImportIssue[] = []
  let moreIssues = 0
  let errors = 0
  const issue = (i: ImportIssue) => {
    if (i.severity === 'error') errors++
    if (issues.length < MAX_LISTED_ISSUES) issues.push(i)
    else moreIssues++
  }
  const report: AnnotatedImportReport = {
    format: options.format,
    documents: 0,
    articlesAdded: 0,
    articlesMatched: 0,
    annotations: 0,
    links: 0,
    replaced: 0,
    reanchored: 0,
    skipped: 0,
    labels: [],
    unresolvedLabels: [],
    issues,
    moreIssues: 0,
    errors: 0,
    committed: false,
    firstArticleId: null
  }
  const labelCounts = new Map<string, number>()
  const cleared = new Set<string>()
  const findArticle = db.prepare('SELECT id, uid FROM article WHERE hash = ?')
  const uidInUse = db.prepare('SELECT 1 FROM article WHERE uid = ?').pluck()
  const setStatusAndNote = db.prepare('UPDATE article SET status = coalesce(?, status), note = coalesce(?, note) WHERE id = ?')
  const annotatorByName = db.prepare('SELECT id FROM annotator WHERE name = ? ORDER BY created_at LIMIT 1').pluck()
  const startedAt = new Date().toISOString()
  let batchId = 0
  const annotatorIds = new Map<string, string>()
  const annotatorId = (who: { id?: string; name: string }): string => {
    const cacheKey = `${who.id ?? ''}\u0000${who.name}`
    let id = annotatorIds.get(cacheKey)
    if (!id) {
      id = who.id ?? (annotatorByName.get(who.name) as string | undefined) ?? stableUuid('annotator', who.name)
      store.addAnnotator({ id, name: who.name }, startedAt)
      annotatorIds.set(cacheKey, id)
    }
    return id
  }

  let versionMap: Map<number, number> | null = null
  let current = store.codebooks.currentVersion()
  let codebook = store.codebooks.get(current)
  const labelOf = new Map<string, string | null | undefined>()
  const definedLabels = (cb: Codebook) => new Set(cb.labels.map((l) => l.name))
  let known = definedLabels(codebook)
  let lastProgress = 0

  // labels to add are stored once the whole file is read, keeping only those it uses: one --create list is reused across files
  let adding: string[] = []
  const storeAddedLabels = () => {
    if (adding.length === 0) return
    const used = new Set(adding.filter((name) => labelCounts.has(name)))
    for (const name of used) {
      const parent = codebook.labels.find((l) => l.name === name)?.parent
      if (parent && adding.includes(parent)) used.add(parent)
    }
    const unused = adding.filter((name) => !used.has(name))
    if (unused.length > 0) {
      const these = unused.length === 1 ? 'this label' : 'these labels'
      issue({ file: options.paths.map((p) => basename(p)).join(', '), severity: 'warning', code: 'UNKNOWN_LABEL', message: `--create ${unused.join(', ')}: the file has no tags with ${these}; not created.` })
    }
    if (used.size === 0) {
      // the tags were written under the version that is not stored after all: they belong to the one before
      db.prepare('UPDATE annotation SET codebook_version = ? WHERE codebook_version = ?').run(current - 1, current)
      current -= 1
      codebook = store.codebooks.get(current)
    } else {
      const kept = codebook.labels.filter((l) => !adding.includes(l.name))
      const added = codebook.labels.filter((l) => used.has(l.name)).map((l, i) => ({ ...l, order: kept.length + i }))
      codebook = { ...codebook, labels: [...kept, ...added] }
      store.codebooks.insert({ codebook, note: `labels added by an import: ${[...used].join(', ')}`, createdBy: user.id, migration: EMPTY_MIGRATION })
    }
    known = definedLabels(codebook)
  }

  const prepareCodebook = () => {
    const extras = reader.extras
    if (extras?.codebooks?.length) {
      versionMap = importCodebooks(store, extras.codebooks, user.id, options.paths.map((p) => basename(p)).join(', '), issue)
      current = store.codebooks.currentVersion()
      codebook = store.codebooks.get(current)
      known = definedLabels(codebook)
    }
    if (extras?.actors?.length) importActors(store, extras.actors)
    const creating = options.createLabels.filter((l) => !known.has(l))
    if (creating.length > 0) {
      const labels: LabelDefinition[] = [...codebook.labels]
      creating.forEach((name, i) => {
        const given = extras?.labels?.find((l) => l.name === name)
        labels.push({
          name,
          description: `Added by the import of ${options.paths.map((p) => basename(p)).join(', ')}.`,
          color: given?.color && /^#[0-9a-fA-F]{6}$/.test(given.color) ? given.color : NEW_LABEL_COLOURS[i % NEW_LABEL_COLOURS.length]!,
          hotkey: null,
          parent: given?.parent && (known.has(given.parent) || creating.includes(given.parent)) ? given.parent : null,
          order: labels.length,
          attributes: []
        })
      })
      current += 1
      codebook = { ...codebook, version: current, labels }
      known = definedLabels(codebook)
      adding = creating
    }
    // a mapping onto a label the codebook lacks would leave its tags with no definition to check them against
    for (const [from, to] of Object.entries(options.labelMap)) {
      if (to !== null && !known.has(to))
        throw new AppError('VALIDATION', `The label mapping ${from} → ${to} names no label of this project's codebook (names are case-sensitive). Its labels: ${[...known].join(', ')}.`)
      if (options.createLabels.includes(from)) throw new AppError('VALIDATION', `${from} is both mapped and to be added to the codebook; choose one.`)
    }
  }

  const tagExists = db.prepare<[string], number>('SELECT 1 FROM annotation WHERE id = ?').pluck()
  const tagInLayer = db.prepare<[string, number, string], { origin: string | null }>('SELECT origin FROM annotation WHERE id = ? AND article_id = ? AND annotator_id = ?')
  const writeDocument = (doc: ImportedDocument) => {
    report.documents++
    // native files carry the project's own tags by id (their reader sets extras before the first document); other formats' tags remember their file
    const native = !!reader.extras?.codebooks
    const origin = `${options.format}:${doc.origin ?? doc.name}`
    const { text, removed } = canonicalize(doc.text)
    if (text.trim() === '') {
      issue({ file: doc.name, severity: 'error', code: 'EMPTY_TEXT', message: `${doc.name} has no text; its tags cannot be placed.` })
      report.skipped += doc.annotations.length
      return
    }
    if (removed > 0) issue({ file: doc.name, severity: 'warning', code: 'CHARACTERS_REMOVED', message: `${doc.name}: ${removed} control characters were removed from the text; spans were carried over.` })
    const offsets = new ArticleOffsets(text)
    const needsMap = text !== doc.text
    const map = needsMap ? mapThroughTransform(doc.text, doc.annotations.flatMap((a) => a.fragments.flatMap((f) => [f.start, f.end])), canon) : null

    // the article: an existing one with the same text, or a new one
    const hash = createHash('sha256').update(text).digest('hex')
    const found = findArticle.get(hash) as { id: number; uid: string } | undefined
    let articleId: number
    let uid: string
    if (found) {
      articleId = found.id
      uid = found.uid
      report.articlesMatched++
    } else if (!addsMissingArticles(options)) {
      issue({ file: doc.name, severity: 'warning', code: 'ARTICLE_MISSING', message: `${doc.name} is not in this project, so its ${doc.annotations.length} tags were left out; import again adding the articles the project lacks to add it.` })
      report.skipped += doc.annotations.length
      return
    } else {
      // an article id the project already gives to another text (an edited copy) would break the id's uniqueness
      const uidTaken = !!doc.uid && uidInUse.get(doc.uid) !== undefined
      if (uidTaken) issue({ file: doc.name, severity: 'warning', code: 'DUPLICATE_ID', message: `${doc.name}: its article id ${doc.uid} already belongs to another article of this project with a different text (an edited copy?), so it was added with a new id.` })
      uid = doc.uid && !uidTaken ? doc.uid : randomUUID()
      const [id] = store.articles.insertBatch([
        {
          uid,
          // a format with no title field (doccano, Label Studio, brat) titles the text as a plain .txt import would
          title: doc.title?.trim() || plainTitle(text).replace(/\s+/g, ' ') || (doc.fileName ?? doc.name).replace(/\.[^.]+$/, ''),
          text,
          hash,
          source: doc.source ?? '',
          url: doc.url ?? '',
          published: doc.published ?? '',
          language: doc.language ?? '',
          fileName: doc.fileName ?? doc.name,
          originalSha256: '',
          encoding: 'utf-8',
          metadata: JSON.stringify(doc.metadata ?? {}),
          charCount: offsets.lengthCp,
          importBatchId: batchId,
          importedAt: doc.importedAt ?? startedAt
        }
      ])
      articleId = id!
      if (doc.status || doc.note) setStatusAndNote.run(doc.status ?? null, doc.note ?? null, articleId)
      report.articlesAdded++
      report.firstArticleId ??= articleId
    }

    // tags: label, spans and attributes checked first, so links can refer to any placed tag
    const placed: { tag: BulkTag; links: { type: string; to: string }[]; line?: number; own: boolean }[] = []
    const idOfKey = new Map<string, string>()
    const layers = new Set<string>()
    for (const a of doc.annotations) {
      const where = a.line ? (doc.name.endsWith(` line ${a.line}`) ? doc.name : `${doc.name} line ${a.line}`) : `${doc.name}, tag ${a.key}`
      labelCounts.set(a.label, (labelCounts.get(a.label) ?? 0) + 1)
      const version = a.codebookVersion != null && versionMap ? (versionMap.get(a.codebookVersion) ?? current) : current
      const tagCodebook = version === current ? codebook : store.codebooks.get(version)
      let label: string | null | undefined = a.label
      if (!tagCodebook.labels.some((l) => l.name === a.label)) label = Object.hasOwn(options.labelMap, a.label) ? options.labelMap[a.label] : options.createLabels.includes(a.label) ? a.label : undefined
      labelOf.set(a.label, label)
      if (label === null || label === undefined) {
        report.skipped++
        continue
      }
      const fragments: BulkTag['fragments'] = []
      let bad = false
      for (const f of a.fragments) {
        const placedSpan = anchorSpan(offsets, f, map, needsMap, canon)
        if ('problem' in placedSpan) {
          issue({ file: doc.name, line: a.line, severity: 'error', code: placedSpan.code, message: `${where}: ${placedSpan.problem}` })
          bad = true
          break
        }
        if (placedSpan.reanchored) {
          report.reanchored++
          issue({ file: doc.name, line: a.line, severity: 'warning', code: 'SPAN_REANCHORED', message: `${where}: ${placedSpan.reanchored}` })
        }
        fragments.push(placedSpan.fragment)
      }
      if (bad || fragments.length === 0) {
        report.skipped++
        continue
      }
      const attributes: Record<string, unknown> = {}
      const given = { ...a.attributes }
      // formats that cannot tell one choice from a list of one (brat) give a multi-choice value as a string
      for (const d of tagCodebook.labels.find((l) => l.name === label)!.attributes) {
        if ((d.type === 'multi' || (d.many && (d.type === 'actor' || d.type === 'tag'))) && typeof given[d.key] === 'string') given[d.key] = [given[d.key]]
      }
      if (Object.keys(given).length > 0) {
        const problems = validateAttributes(tagCodebook, label, given).filter((p) => p.kind === 'invalid')
        for (const [k, v] of Object.entries(given)) {
          const p = problems.find((x) => x.key === k)
          if (p) issue({ file: doc.name, line: a.line, severity: 'warning', code: 'UNKNOWN_ATTRIBUTE', message: `${where}: ${p.message}; the value ${JSON.stringify(v)} was left out.` })
          else attributes[k] = v
        }
      }
      const owner = annotatorId(a.annotator ?? { name: options.annotator })
      layers.add(owner)
      // a tag the file names by its id here (the project's own W3C export) updates it; an id of another article or layer is not the file's to take
      const own = !native && found && a.projectTagId ? tagInLayer.get(a.projectTagId, articleId, owner) : undefined
      // the file is part of a derived id: two files' "T1" on one article are two tags
      const id = a.id ?? (own ? a.projectTagId! : stableUuid('tag', owner, uid, origin, a.key))
      if (idOfKey.has(a.key)) {
        issue({ file: doc.name, line: a.line, severity: 'error', code: 'DUPLICATE_ID', message: `${where}: the id ${a.key} is used by two tags; give each tag its own id.` })
        report.skipped++
        continue
      }
      idOfKey.set(a.key, id)
      const labelDef = tagCodebook.labels.find((l) => l.name === label)!
      const mentions = labelDef.attributes
        .filter((d) => d.type === 'actor')
        .flatMap((d) => {
          const v = attributes[d.key]
          return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string').map((actorId) => ({ attribute: d.key, actorId }))
        })
      const at = a.updatedAt ?? a.createdAt ?? startedAt
      placed.push({
        line: a.line,
        own: !!own,
        links: a.links ?? [],
        tag: {
          id,
          articleId,
          annotatorId: owner,
          label,
          fragments,
          attributes,
          note: a.note ?? '',
          status: a.status ?? 'draft',
          codebookVersion: a.codebookVersion === null && versionMap ? null : version,
          missing: missingAttributes(tagCodebook, label, attributes),
          mentions,
          createdAt: a.createdAt ?? at,
          updatedAt: at,
          origin: native ? null : own ? own.origin : origin
        }
      })
    }
    for (const who of doc.replaces ?? []) layers.add(annotatorId(who))
    // a re-import replaces what the earlier import of the same file left in each coder's layer (a pack: the whole layer)
    // once per article, coder and file: a file may hold the same article several times (one per coder, or per task)
    // a reviewer's verdict on a tag the file brings back unchanged stays: the coder's file knows nothing of it
    const verdicts = new Map<string, { status: AnnotationStatus; label: string; start: number; end: number; attributes: string }>()
    if (!native) {
      for (const layer of layers) {
        const key = `${articleId}\u0000${layer}\u0000${origin}`
        if (cleared.has(key)) continue
        cleared.add(key)
        if (found) for (const [id, v] of tags.reviewOutcomes(articleId, layer)) verdicts.set(id, v)
        report.replaced += doc.replaces ? tags.deleteLayer(articleId, layer) : tags.deleteImported(articleId, layer, origin)
      }
    }
    for (const p of placed) {
      const v = verdicts.get(p.tag.id)
      if (!v || v.label !== p.tag.label || v.start !== Math.min(...p.tag.fragments.map((f) => f.start)) || v.end !== Math.max(...p.tag.fragments.map((f) => f.end))) continue
      if (sameAttributes(JSON.parse(v.attributes) as Record<string, unknown>, p.tag.attributes)) p.tag.status = v.status
    }
    // an imported tag someone edited or deleted here since the last import stays as they left it
    const touched = native || doc.replaces || !found ? null : tags.touchedInWorkbench(articleId)
    let spared = 0
    const written: string[] = []
    for (const p of placed) {
      if (touched?.has(p.tag.id) && !p.own) {
        spared++
        continue
      }
      // a native tag, or one the file names by its id here, replaces itself; an article added just now has no tags to replace
      if ((native && found) || p.own) report.replaced += tags.deleteTag(p.tag.id, articleId)
      // tag-reference attributes name other tags by the file's keys
      for (const d of codebook.labels.find((l) => l.name === p.tag.label)?.attributes ?? []) {
        if (d.type !== 'tag') continue
        const v = p.tag.attributes[d.key]
        if (typeof v === 'string' && idOfKey.has(v)) p.tag.attributes[d.key] = idOfKey.get(v)
        else if (Array.isArray(v)) p.tag.attributes[d.key] = v.map((x) => (typeof x === 'string' && idOfKey.has(x) ? idOfKey.get(x) : x))
      }
      try {
        tags.write(p.tag)
      } catch (error) {
        const code = (error as { code?: string }).code
        // the (article, id) index answers first when the id is taken in this same article
        if (code !== 'SQLITE_CONSTRAINT_PRIMARYKEY' && code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error
        const owner = code === 'SQLITE_CONSTRAINT_UNIQUE' ? 'another tag of this article (is the article in the import twice?)' : 'a tag of another article in this project'
        issue({ file: doc.name, line: p.line, severity: 'error', code: 'DUPLICATE_ID', message: `${doc.name}: the tag id ${p.tag.id} already belongs to ${owner}; give it a new id.` })
        report.skipped++
        continue
      }
      written.push(p.tag.id)
      report.annotations++
    }
    if (spared > 0)
      issue({ file: doc.name, severity: 'warning', code: 'EDITED_KEPT', message: `${doc.name}: ${plural(spared, 'tag')} from an earlier import of this file ${was(spared)} edited or deleted in Spanwise since, and ${was(spared)} left as ${spared === 1 ? 'it is' : 'they are'}; the file’s ${spared === 1 ? 'version was' : 'versions were'} not imported.` })
    const kept = new Set(written)
    for (const p of placed) {
      // a tag refused above gets no links: its id belongs to someone else's tag
      if (!kept.has(p.tag.id)) continue
      const links: { type: string; to: string }[] = []
      for (const l of p.links) {
        const to = idOfKey.get(l.to)
        // a target kept as edited links as the file says; one deleted here stays deleted, and so does the link
        if (to && (kept.has(to) || tagExists.get(to) !== undefined)) links.push({ type: l.type, to })
        else issue({ file: doc.name, line: p.line, severity: 'warning', code: 'UNKNOWN_REFERENCE', message: `${doc.name}: a ${l.type} link from ${p.tag.id} points to ${l.to}, which is not an imported tag of this article; the link was left out.` })
      }
      tags.link(p.tag.id, links)
      report.links += links.length
    }
    reader.written?.(doc, articleId, written)
  }

  const run = db.transaction(() => {
    batchId = Number(db.prepare("INSERT INTO import_batch (state, started_at, heartbeat_at) VALUES ('running', ?, ?)").run(startedAt, startedAt).lastInsertRowid)
    store.ensureAnnotator(user)
    tags.begin()
    let prepared = false
    for (const doc of reader.read(options.paths, issue)) {
      if (hooks.isCancelled?.()) throw new AnnotatedImportCancelled()
      if (!prepared) {
        prepareCodebook()
        prepared = true
      }
      writeDocument(doc)
      const now = Date.now()
      if (now - lastProgress >= 100) {
        lastProgress = now
        hooks.onProgress?.({ done: report.documents, documents: report.documents, annotations: report.annotations, message: doc.name })
      }
    }
    tags.finish()
    storeAddedLabels()
    report.labels = [...labelCounts.entries()]
      .map(([name, n]): ImportedLabel => ({ name, tags: n, known: known.has(name) && !options.createLabels.includes(name), target: labelOf.get(name) }))
      .sort((a, b) => b.tags - a.tags || a.name.localeCompare(b.name))
    report.unresolvedLabels = report.labels.filter((l) => l.target === undefined).map((l) => l.name)
    reader.complete?.(report)
    report.errors = errors
    report.moreIssues = moreIssues
    const refused = report.unresolvedLabels.length > 0 || (errors > 0 && !options.skipInvalid) || report.documents === 0
    if (options.dryRun || refused) throw new RollBack()
    db.prepare("UPDATE import_batch SET state = 'done', finished_at = ?, heartbeat_at = ?, summary = ? WHERE id = ?").run(
      new Date().toISOString(),
      new Date().toISOString(),
      JSON.stringify({ format: options.format, paths: options.paths, annotator: options.annotator, annotations: report.annotations }),
      batchId
    )
    report.committed = true
  })
  try {
    withLargeCache(db, () => run.immediate())
  } catch (error) {
    if (!(error instanceof RollBack)) throw error
    report.committed = false
    report.articlesAdded = options.dryRun ? report.articlesAdded : 0
    if (!options.dryRun) report.firstArticleId = null
  }
  return report
}
