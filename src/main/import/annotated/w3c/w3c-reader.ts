import { existsSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { FormatReader, ImportedDocument, IssueSink } from '../imported-document'
import { collectByExtension } from '../collect-by-extension'
import { readJsonFile } from '../json/read-json-file'
import { w3cAnnotationItems } from './w3c-annotation-items'
import { w3cDocument } from './w3c-document'
import { articleUidOf } from '../../../export/w3c/w3c-iris'
import type { SourceMatch } from './project-articles-by-source'
import { fileInside, readText, readW3cSources, type W3cSource } from './w3c-sources'

const isExport = (dir: string) => existsSync(join(dir, 'sources.jsonl'))

/**
 * Reads W3C Web Annotation JSON-LD. A Spanwise export folder (with sources.jsonl) is read article by article:
 * its text file and its page. Other files are grouped by target source; a source whose text is not in the
 * import is looked up in the project (`inProject`: by article IRI or URL), else reported, since a span cannot
 * be placed without its text.
 */
export class W3cReader implements FormatReader {
  constructor(private readonly inProject: (source: string, scope?: string) => SourceMatch = () => null) {}

  *read(paths: string[], issue: IssueSink): Iterable<ImportedDocument> {
    const exports = new Set<string>()
    for (const p of paths) {
      const stat = statSync(p, { throwIfNoEntry: false })
      if (!stat) {
        issue({ file: p, severity: 'error', code: 'UNREADABLE', message: `${p} does not exist; check the path.` })
        continue
      }
      const dir = stat.isDirectory() ? p : dirname(p)
      if (isExport(dir) && (dir === p || ['sources.jsonl', 'annotations.jsonld'].includes(basename(p)))) {
        if (!exports.has(dir)) yield* this.exportFolder(dir, issue)
        exports.add(dir)
      } else {
        for (const file of collectByExtension([p], ['.jsonld', '.json'], issue)) yield* this.file(file, issue)
      }
    }
  }

  private *exportFolder(dir: string, issue: IssueSink): Iterable<ImportedDocument> {
    for (const s of readW3cSources(dir, issue)) {
      const textPath = fileInside(dir, s.textFile)
      if (!textPath) {
        issue({ file: 'sources.jsonl', line: s.line, severity: 'error', code: 'NOT_CARRIED', message: `sources.jsonl line ${s.line}: the text file ${s.textFile} of ${s.article} is missing; restore it from the export.` })
        continue
      }
      const pagePath = s.pageFile ? fileInside(dir, s.pageFile) : null
      const page = pagePath ? readJsonFile(pagePath, s.pageFile!, issue) : undefined
      if (s.pageFile && !pagePath) issue({ file: 'sources.jsonl', line: s.line, severity: 'error', code: 'NOT_CARRIED', message: `sources.jsonl line ${s.line}: the page ${s.pageFile} is missing; its annotations cannot be imported.` })
      const { items } = w3cAnnotationItems(page)
      const text = readText(textPath, s.textFile, issue)
      if (text !== null) yield w3cDocument(s.pageFile ?? s.textFile, s.pageFile ?? 'sources.jsonl', text, s.info, items, issue)
    }
  }

  private *file(path: string, issue: IssueSink): Iterable<ImportedDocument> {
    const name = basename(path)
    const value = readJsonFile(path, name, issue)
    if (value === undefined) return
    const { items, pagesByReference } = w3cAnnotationItems(value)
    if (items.length === 0) {
      const why = pagesByReference ? 'its collection names its pages by IRI only; choose the export folder or the page files' : 'it holds no Annotation'
      issue({ file: name, severity: 'error', code: 'NOT_THIS_FORMAT', message: `${name}: nothing to import, ${why}.` })
      return
    }
    const { groups, scopes } = groupBySource(items)
    // each text is looked up inside the export folder that names it: sources.jsonl may not point outside it
    const known = new Map<string, { source: W3cSource; textPath: string | null }>()
    for (const dir of [dirname(path), dirname(dirname(path))]) if (isExport(dir)) for (const s of readW3cSources(dir, issue)) known.set(s.article, { source: s, textPath: fileInside(dir, s.textFile) })
    for (const [source, group] of groups) {
      const found = known.get(source)
      if (!found?.textPath) {
        // annotations on an article the project already has: its text, matched by content hash on import
        const scope = scopes.get(source)
        const article = source ? this.inProject(source, scope) : null
        const url = articleUidOf(source) === null ? source : scope
        if (article && 'text' in article) yield w3cDocument(`${name} ${source}`, name, article.text, {}, group, issue)
        else if (article) issue({ file: name, severity: 'error', code: 'NOT_CARRIED', message: `${name}: target source ${source}${url === source ? '' : `, by its page ${url},`} is the URL of ${article.ambiguous} articles of this project, so its ${group.length} annotations cannot be placed; give the articles distinct URLs, or import an export folder with sources.jsonl and texts/.` })
        else {
          const why = url ? `no article has the URL ${url}` : articleUidOf(source) !== null ? 'it is an article of another Spanwise project and its annotations name no URL' : 'it names no article'
          issue({ file: name, severity: 'error', code: 'NOT_CARRIED', message: `${name}: target source ${source || '(none)'} has no text in this import and is not an article of this project (${why}; ${group.length} annotations). Import the article first with its URL, or include its text (an export folder with sources.jsonl and texts/).` })
        }
        continue
      }
      const text = readText(found.textPath, found.source.textFile, issue)
      if (text !== null) yield w3cDocument(`${name} ${source}`, name, text, found.source.info, group, issue)
    }
  }
}

// tags by the source of their first target (with the first page URL, `scope`, given for it); a linking annotation goes with the tag it starts from
function groupBySource(items: Record<string, unknown>[]): { groups: Map<string, Record<string, unknown>[]>; scopes: Map<string, string> } {
  const sourceOf = new Map<string, string>()
  const scopes = new Map<string, string>()
  const groups = new Map<string, Record<string, unknown>[]>()
  const links: Record<string, unknown>[] = []
  for (const a of items) {
    const target = ([] as unknown[]).concat(a['target'] ?? [])[0]
    const source = target && typeof target === 'object' ? (target as Record<string, unknown>)['source'] : undefined
    if (typeof source !== 'string') {
      links.push(a)
      continue
    }
    const scope = (target as Record<string, unknown>)['scope']
    if (typeof scope === 'string' && !scopes.has(source)) scopes.set(source, scope)
    if (typeof a['id'] === 'string') sourceOf.set(a['id'], source)
    groups.get(source)?.push(a) ?? groups.set(source, [a])
  }
  for (const l of links) {
    const from = ([] as unknown[]).concat(l['target'] ?? [])[0]
    const source = (typeof from === 'string' && sourceOf.get(from)) || [...groups.keys()][0] || ''
    groups.get(source)?.push(l) ?? groups.set(source, [l])
  }
  return { groups, scopes }
}
