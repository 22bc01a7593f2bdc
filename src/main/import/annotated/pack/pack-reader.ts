import { createHash } from 'node:crypto'
import { extname } from 'node:path'
import { AppError } from '../../../../shared/errors'
import { addsMissingArticles, type AnnotatedImportReport } from '../../../../shared/exchange/annotated-import'
import { PACK_EXTENSION, type PackImportSummary } from '../../../../shared/exchange/pack-format'
import type { Actor } from '../../../../shared/domain'
import { parseBoundedJson } from '../../../../shared/text/parse-bounded-json'
import { canonicalize } from '../../canonicalize'
import { collectFiles } from '../../collect-files'
import { sameCodebook } from '../import-extras'
import type { FormatReader, ImportedDocument, ImportExtras, IssueSink, ReaderContext } from '../imported-document'
import { headerActors, nativeAnnotations, nativeArticle, nativeHeader, where } from '../native/native-lines'
import { nativeDoneMarks } from '../native/native-review-lines'
import { byteLines } from './byte-lines'
import { checkPackCoders } from './check-pack-coders'
import { PackLayerChanges, type LayerBefore } from './pack-layer-changes'
import { readPackFile, type PackFile } from './read-pack-file'

const MAX_LISTED_MISSING = 500

/**
 * Reads colleagues' annotation packs. Every pack is read and checked against its manifest before the import
 * starts; then each article is matched by content hash and yielded with the project's text, its tags in the
 * coder's layer (which it replaces in full). Articles whose layer came from a newer pack are refused unless
 * forced; articles the project lacks are added only when the pack has their text and the user asked.
 */
export class PackReader implements FormatReader {
  extras?: ImportExtras
  private readonly packs: PackFile[]
  private readonly summary: PackImportSummary = { packs: [], missing: [], refused: 0, tagsAdded: 0, tagsReplaced: 0, tagsRemoved: 0, doneMarked: 0, doneCleared: 0 }
  private readonly layers: PackLayerChanges
  private readonly pending = new Map<ImportedDocument, LayerBefore>()
  private issue: IssueSink = () => {}

  constructor(private readonly ctx: ReaderContext) {
    const { files, missing } = collectFiles(ctx.options.paths, (name) => extname(name).toLowerCase() === PACK_EXTENSION)
    if (missing.length > 0) throw new AppError('NOT_FOUND', `${missing.join(', ')} does not exist; check the path.`)
    if (files.length === 0) throw new AppError('NOT_FOUND', `No ${PACK_EXTENSION} file found in ${ctx.options.paths.join(', ')}.`)
    // oldest first, so when two packs of one coder hold the same article the newer is the one kept
    this.packs = files.map(readPackFile).sort((a, b) => a.manifest.createdAt.localeCompare(b.manifest.createdAt))
    checkPackCoders(this.packs, ctx.user)
    this.layers = new PackLayerChanges(ctx.store, this.summary)
  }

  *read(_paths: string[], issue: IssueSink): Iterable<ImportedDocument> {
    this.issue = issue
    const { store, options } = this.ctx
    checkPackCoders(this.packs, this.ctx.user, store)
    const newest = this.prepare(issue)

    const findArticle = store.db.prepare('SELECT id, title, text FROM article WHERE hash = ?')
    const packOf = store.db.prepare('SELECT pack_created_at FROM pack_layer WHERE article_id = ? AND annotator_id = ?').pluck()
    let yielded = 0
    let withText = 0
    for (const pack of this.packs) {
      const { manifest, file } = pack
      const coder = manifest.annotator
      this.summary.packs.push({ file, id: manifest.id, createdAt: manifest.createdAt, annotator: coder, articles: manifest.counts.articles, includesText: manifest.includesText, codebook: `${manifest.codebook.name} v${manifest.codebook.version}` })
      const ids = new Set<string>()
      for (const { line, text } of byteLines(pack.articles)) {
        if (line === 1 || text.trim() === '') continue
        const a = nativeArticle.safeParse(parseLine(text))
        if (!a.success) {
          issue({ file, line, severity: 'error', code: 'BAD_LINE', message: `${file} line ${line}: ${where(a.error.issues)}.` })
          continue
        }
        const { type: _type, annotations: raw, hash, adjudications: _decisions, doneMarks, ...fields } = a.data
        const name = `${file}: ${fields.title || fields.fileName || `line ${line}`}`
        const winner = newest.get(`${coder.id}\u0000${hash}`)
        if (winner !== undefined && winner !== manifest.id) {
          issue({ file, line, severity: 'warning', code: 'OLDER_PACK', message: `${name}: a newer pack by ${coder.name} in this import also has this article; that one is imported.` })
          continue
        }
        if (fields.text !== '' && sha256(canonicalize(fields.text).text) !== hash) {
          issue({ file, line, severity: 'error', code: 'BAD_LINE', message: `${name}: the article's text does not match its content hash; the pack was edited. Ask for the file again.` })
          continue
        }
        const annotations = nativeAnnotations(raw, file, line, ids, issue).filter((t) => {
          if (t.annotator?.id === coder.id) return true
          issue({ file, line, severity: 'error', code: 'BAD_LINE', message: `${name}: tag ${t.id} is by ${t.annotator?.name ?? 'someone else'}, not ${coder.name}; a pack carries one coder's tags.` })
          return false
        })
        const doneAt = this.doneMarkOf(doneMarks, coder, file, line, name)
        const found = findArticle.get(hash) as { id: number; title: string; text: string } | undefined
        if (!found) {
          if (fields.text !== '' && addsMissingArticles(options)) {
            const doc: ImportedDocument = { ...fields, name, annotations, replaces: [coder] }
            this.pending.set(doc, this.layers.before(null, coder.id, manifest, doneAt))
            yielded++
            yield doc
            continue
          }
          if (fields.text !== '') withText++
          if (this.summary.missing.length < MAX_LISTED_MISSING) this.summary.missing.push({ title: fields.title, hash, hasText: fields.text !== '' })
          issue({
            file,
            line,
            severity: 'warning',
            code: 'ARTICLE_MISSING',
            message: `${name} is not in this project (no article has its text); its ${annotations.length} tags were left out. ${fields.text !== '' ? 'The pack has its text: import again adding the articles the project lacks.' : 'Import the article first, or ask for a pack with the article text.'}`
          })
          continue
        }
        const previous = packOf.get(found.id, coder.id) as string | undefined
        if (previous !== undefined && Date.parse(previous) > Date.parse(manifest.createdAt)) {
          if (!options.force) {
            this.summary.refused++
            issue({
              file,
              line,
              severity: 'error',
              code: 'OLDER_PACK',
              message: `"${found.title}": this pack by ${coder.name} (exported ${manifest.createdAt}) is older than the one already imported for this article (exported ${previous}); importing it would undo their later work, so it is refused. Import their newer pack, or force the import to go back to this one.`
            })
            continue
          }
          issue({ file, line, severity: 'warning', code: 'OLDER_PACK', message: `"${found.title}": replaced ${coder.name}'s tags from a newer pack (exported ${previous}) with this older one, as forced.` })
        }
        const doc: ImportedDocument = { name: `${file}: ${found.title}`, text: found.text, annotations, replaces: [coder] }
        this.pending.set(doc, this.layers.before(found.id, coder.id, manifest, doneAt))
        yielded++
        yield doc
      }
    }
    if (yielded === 0 && this.summary.refused === 0 && this.summary.missing.length > 0) throw this.nothingMatched(withText > 0)
  }

  /**
   * Reads each pack's header (the actors its tags name), says where a pack's codebook differs from the project's,
   * and, for coders with several packs in this import, which pack is newest per article (by coder and hash).
   */
  private prepare(issue: IssueSink): Map<string, string> {
    const current = this.ctx.store.codebooks.get()
    const actors = new Map<string, Actor>()
    const newest = new Map<string, string>()
    for (const pack of this.packs) {
      const header = nativeHeader.safeParse(parseLine(byteLines(pack.articles).next().value?.text ?? ''))
      if (!header.success) throw new AppError('VALIDATION', `${pack.file}: articles.jsonl does not start with a Spanwise JSONL header (${where(header.error.issues)}); the pack is not one Spanwise made.`)
      for (const a of headerActors(header.data)) actors.set(a.id, a)
      if (this.packs.filter((p) => p.manifest.annotator.id === pack.manifest.annotator.id).length > 1) {
        for (const hash of hashes(pack)) newest.set(`${pack.manifest.annotator.id}\u0000${hash}`, pack.manifest.id)
      }
      if (!sameCodebook(pack.codebook, current)) {
        issue({
          file: pack.file,
          severity: 'warning',
          code: 'CODEBOOK_DIFFERS',
          message: `${pack.file} was coded with codebook "${pack.manifest.codebook.name}" version ${pack.manifest.codebook.version}, which differs from this project's (version ${current.version}): labels are matched by name (those it lacks are listed to map, add or leave out) and attribute values this codebook does not define are left out and listed.`
        })
      }
    }
    this.extras = { actors: [...actors.values()], labels: this.packs.flatMap((p) => p.codebook.labels.map((l) => ({ name: l.name, color: l.color, parent: l.parent ?? undefined }))) }
    return newest
  }

  /** The pack coder's done mark on a line: its time, null when the line says they have not finished, undefined from a pack that carries no marks. */
  private doneMarkOf(raw: unknown[] | undefined, coder: { id: string; name: string }, file: string, line: number, name: string): string | null | undefined {
    if (raw === undefined) return undefined
    const marks = nativeDoneMarks(raw, file, line, this.issue)
    // a mark that failed its check (reported) says nothing: the coder's mark here stays as it is
    if (marks.length < raw.length) return undefined
    let doneAt: string | null = null
    for (const m of marks) {
      if (m.annotator.id === coder.id) doneAt = m.doneAt
      else this.issue({ file, line, severity: 'error', code: 'BAD_LINE', message: `${name}: a done mark by ${m.annotator.name}, not ${coder.name}; a pack carries one coder's records.` })
    }
    return doneAt
  }

  private nothingMatched(hasText: boolean): AppError {
    const n = this.packs.reduce((sum, p) => sum + p.manifest.counts.articles, 0)
    return new AppError(
      'NOT_FOUND',
      `None of the ${n} articles in ${this.packs.map((p) => p.file).join(', ')} is in this project (articles are matched by the SHA-256 of their text), so nothing was imported. ${
        hasText ? 'The pack has their text: import again adding the articles the project lacks.' : 'The pack has no article text: import the articles first, or ask for a pack with the article text included.'
      }`
    )
  }

  written(doc: ImportedDocument, articleId: number, tagIds: string[]): void {
    const before = this.pending.get(doc)
    if (before) this.layers.after(before, articleId, tagIds, this.issue, doc.name)
    this.pending.delete(doc)
  }

  complete(report: AnnotatedImportReport): void {
    report.pack = this.summary
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** A line's JSON, or undefined when it is not JSON (the schema check then says what is wrong). */
function parseLine(text: string): unknown {
  try {
    return parseBoundedJson(text)
  } catch {
    return undefined
  }
}

/** The content hashes of a pack's articles, to find which of several packs by one coder is newest per article. */
function* hashes(pack: PackFile): Generator<string> {
  for (const { line, text } of byteLines(pack.articles)) {
    const hash = line === 1 ? undefined : (parseLine(text) as { hash?: unknown } | undefined)?.hash
    if (typeof hash === 'string') yield hash
  }
}
