import { CodePointIndex, utf16RangeToCp } from '../../../../shared/offsets'
import { jsonValueText } from '../../../../shared/text/json-value-text'
import type { ImportedAnnotation, ImportedDocument, IssueSink } from '../imported-document'

const TEXT_KEYS = ['text', 'data', 'column_data']
const LABEL_KEYS = ['label', 'labels', 'column_label']
const DOC_FIELDS = ['uid', 'title', 'source', 'url', 'published', 'language', 'fileName'] as const
const STRUCTURE = new Set([...TEXT_KEYS, ...LABEL_KEYS, 'entities', 'relations', 'Comments', 'comments', 'metadata', 'meta', 'cats', 'annotator', ...DOC_FIELDS])

export interface RecordPlace {
  file: string
  line: number
  annotator?: string
}

/**
 * One doccano line as a document: sequence labels ([start, end, label]), relation-extraction entities and
 * relations, or document categories (kept as metadata). Offsets are UTF-16 units, converted to code points.
 */
export function doccanoDocument(record: unknown, at: RecordPlace, issue: IssueSink): ImportedDocument | null {
  const where = `${at.file} line ${at.line}`
  const report = (severity: 'error' | 'warning', code: Parameters<IssueSink>[0]['code'], message: string) => issue({ file: at.file, line: at.line, severity, code, message: `${where}: ${message}` })
  if (!record || typeof record !== 'object' || Array.isArray(record)) {
    report('error', 'BAD_LINE', 'expected a JSON object with "text" and "label" (or "entities"); put one example per line.')
    return null
  }
  const r = record as Record<string, unknown>
  const textKey = TEXT_KEYS.find((k) => typeof r[k] === 'string')
  if (!textKey) {
    report('error', 'BAD_LINE', 'has no "text" field; every doccano example needs its text.')
    return null
  }
  const text = r[textKey] as string
  const index = new CodePointIndex(text)
  const annotations: ImportedAnnotation[] = []
  const metadata: Record<string, unknown> = {}
  const annotator = typeof r['annotator'] === 'string' ? r['annotator'] : at.annotator
  const add = (key: string, s: unknown, e: unknown, label: unknown, n: number) => {
    if (typeof s !== 'number' || typeof e !== 'number' || typeof label !== 'string' || label === '') {
      report('error', 'BAD_LINE', `span ${n + 1} is not [start, end, "label"] with numbers and a label name; fix or remove it.`)
      return
    }
    const range = utf16RangeToCp(index, s, e)
    if ('error' in range) return report('error', 'SPAN_OUT_OF_RANGE', `span ${n + 1} (${label}): ${range.error}. doccano counts UTF-16 units; check the offsets.`)
    if (annotations.some((a) => a.key === key)) return report('error', 'DUPLICATE_ID', `entity id ${key} is used twice; give each entity its own id.`)
    const same = annotations.find((a) => a.label === label && a.fragments[0]!.start === range.start && a.fragments[0]!.end === range.end)
    if (same) return report('warning', 'DUPLICATE_ID', `span ${s}..${e} "${label}" is listed twice; it was imported once.`)
    annotations.push({ key, label, fragments: [range], line: at.line, ...(annotator ? { annotator: { name: annotator } } : {}) })
  }

  if (Array.isArray(r['entities'])) {
    r['entities'].forEach((e, n) => {
      if (Array.isArray(e)) return add(`e${n}`, e[0], e[1], e[2], n)
      const o = (e ?? {}) as Record<string, unknown>
      add(o['id'] === undefined ? `e${n}` : jsonValueText(o['id']), o['start_offset'], o['end_offset'], o['label'], n)
    })
    readRelations(r['relations'], annotations, report)
  }
  const labels = LABEL_KEYS.map((k) => r[k]).find(Array.isArray)
  if (labels) {
    const spans = labels.filter((l) => typeof l !== 'string')
    const categories = labels.filter((l) => typeof l === 'string')
    spans.forEach((l, n) => (Array.isArray(l) ? add(`s${n}`, l[0], l[1], l[2], n) : add(`s${n}`, undefined, undefined, undefined, n)))
    if (categories.length > 0) metadata['categories'] = categories
  }
  if (Array.isArray(r['cats'])) metadata['categories'] = r['cats']
  if (metadata['categories']) report('warning', 'NOT_CARRIED', `document categories (${(metadata['categories'] as unknown[]).map(jsonValueText).join(', ')}) are not tags; they were kept in the article's metadata as "categories".`)

  const doc: ImportedDocument = { name: where, origin: at.file, text, annotations, metadata }
  for (const f of DOC_FIELDS) if (typeof r[f] === 'string') doc[f] = r[f] as string
  for (const m of [r['meta'], r['metadata']]) if (m && typeof m === 'object' && !Array.isArray(m)) Object.assign(metadata, m)
  for (const [k, v] of Object.entries(r)) if (!STRUCTURE.has(k)) metadata[k === 'id' ? 'doccanoId' : k] = v
  const comments = r['Comments'] ?? r['comments']
  if (Array.isArray(comments) && comments.length > 0) doc.note = comments.map((c) => jsonValueText((c as Record<string, unknown> | null)?.['text'] ?? c)).join('\n\n')
  return doc
}

function readRelations(relations: unknown, annotations: ImportedAnnotation[], report: (s: 'error', c: 'BAD_LINE' | 'UNKNOWN_REFERENCE', m: string) => void): void {
  if (!Array.isArray(relations)) return
  relations.forEach((rel, n) => {
    const o = (rel ?? {}) as Record<string, unknown>
    const type = o['type'] ?? o['label']
    if (o['from_id'] === undefined || o['to_id'] === undefined || typeof type !== 'string') {
      return report('error', 'BAD_LINE', `relation ${n + 1} needs "from_id", "to_id" and "type".`)
    }
    const from = annotations.find((a) => a.key === jsonValueText(o['from_id']))
    const to = annotations.find((a) => a.key === jsonValueText(o['to_id']))
    if (!from || !to) {
      const missing = !from ? o['from_id'] : o['to_id']
      return report('error', 'UNKNOWN_REFERENCE', `relation ${n + 1} (${type}) refers to entity ${jsonValueText(missing)}, which this line does not have; fix the id or remove the relation.`)
    }
    ;(from.links ??= []).push({ type, to: to.key })
  })
}
