import { existsSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { BRAT_INDEX_FILE } from '../../../export/brat/brat-writer'
import type { FormatReader, ImportedDocument, ImportExtras, IssueSink } from '../imported-document'
import { bratAnnotations } from './brat-annotations'
import { findBratFiles, type BratPair } from './find-brat-files'
import { parseAnn } from './parse-ann'
import { parseAnnotationConf } from './parse-annotation-conf'
import { parseVisualConf } from './parse-visual-conf'
import { readUtf8File } from '../read-utf8-file'

type Label = NonNullable<ImportExtras['labels']>[number]

interface Folder {
  /** The label a brat type stands for: the type itself, or the name a Spanwise visual.conf gives it. */
  labelOf: (type: string) => string
  /** Rows of a Spanwise articles.tsv by file base name. */
  articles: Map<string, Record<string, string>>
}

const HEX = /^#[0-9a-fA-F]{6}$/

/**
 * Reads brat standoff: each X.txt with its X.ann, offsets being code points of the .txt as it is. annotation.conf
 * and visual.conf beside them give the labels (with hierarchy and colours) as extras; a Spanwise export's
 * visual.conf and articles.tsv also restore renamed labels and article titles.
 */
export class BratReader implements FormatReader {
  extras?: ImportExtras

  *read(paths: string[], issue: IssueSink): Iterable<ImportedDocument> {
    const { pairs, folders } = findBratFiles(paths, issue)
    const labels = new Map<string, Label>()
    const info = new Map(folders.map((f) => [f, readFolder(f, issue, labels)] as const))
    if (labels.size > 0) this.extras = { labels: [...labels.values()] }
    for (const pair of pairs) {
      const doc = readDocument(pair, info.get(dirname(pair.txt ?? pair.ann!))!, issue)
      if (doc) yield doc
    }
  }
}

function readDocument(pair: BratPair, folder: Folder, issue: IssueSink): ImportedDocument | null {
  const annName = `${pair.name}.ann`
  if (!pair.txt) {
    issue({ file: annName, severity: 'error', code: 'UNREADABLE', message: `${annName} has no ${basename(pair.base)}.txt beside it; its offsets point into that text: put the .txt next to the .ann` })
    return null
  }
  const text = readUtf8File(pair.txt, `${pair.name}.txt`, issue)
  if (text === null) return null
  let annotations: ImportedDocument['annotations'] = []
  if (!pair.ann) {
    issue({ file: `${pair.name}.txt`, severity: 'warning', code: 'NOT_CARRIED', message: `${pair.name}.txt has no ${basename(pair.base)}.ann beside it; it is imported without tags` })
  } else {
    const ann = readUtf8File(pair.ann, annName, issue)
    if (ann === null) return null
    const records = parseAnnLines(ann, annName, issue)
    annotations = bratAnnotations(records, text, annName, issue, folder.labelOf)
  }
  const meta = folder.articles.get(basename(pair.base))
  const fileName = basename(pair.txt)
  return {
    name: annName,
    text,
    fileName,
    annotations,
    ...(meta && { uid: meta['uid'], source: meta['source'], url: meta['url'], published: meta['published'], language: meta['language'] }),
    // no title field in brat: the import titles the text by its first line, as a plain .txt
    ...(meta?.['title']?.trim() ? { title: meta['title'] } : {})
  }
}

function parseAnnLines(ann: string, file: string, issue: IssueSink) {
  return parseAnn(ann, (line, message) => issue({ file, line, severity: 'error', code: 'BAD_LINE', message }))
}

function readFolder(folder: string, issue: IssueSink, labels: Map<string, Label>): Folder {
  const name = (f: string) => join(basename(folder), f)
  const read = (f: string) => (existsSync(join(folder, f)) ? readUtf8File(join(folder, f), name(f), issue) : null)
  const visual = parseVisualConf(read('visual.conf') ?? '')
  const labelOf = (type: string) => (visual.spanwise ? (visual.labels.get(type)?.[0] ?? type) : type)
  const conf = read('annotation.conf')
  if (conf !== null) {
    const parsed = parseAnnotationConf(conf, (line, message) => issue({ file: name('annotation.conf'), line, severity: 'warning', code: 'BAD_LINE', message }))
    for (const t of [...parsed.entities, ...parsed.events]) {
      const color = visual.colors.get(t.name)
      const label: Label = { name: labelOf(t.name) }
      if (t.parent) label.parent = labelOf(t.parent)
      if (color && HEX.test(color)) label.color = color
      if (!labels.has(label.name)) labels.set(label.name, label)
    }
  }
  return { labelOf, articles: readIndex(read(BRAT_INDEX_FILE), name(BRAT_INDEX_FILE), issue) }
}

function readIndex(tsv: string | null, file: string, issue: IssueSink): Map<string, Record<string, string>> {
  if (tsv === null) return new Map()
  try {
    const rows = parse(tsv, { delimiter: '\t', columns: true, skip_empty_lines: true }) as Record<string, string>[]
    return new Map(rows.filter((r) => r['file']).map((r) => [r['file']!, r]))
  } catch (error) {
    issue({ file, severity: 'warning', code: 'BAD_RECORD', message: `${file} cannot be read (${(error as Error).message}); articles are titled by their first lines instead` })
    return new Map()
  }
}
