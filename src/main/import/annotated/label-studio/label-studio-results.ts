import { ANNOTATION_STATUSES, type AnnotationStatus } from '../../../../shared/domain'
import { ArticleOffsets, utf16RangeToCp, type CpRange } from '../../../../shared/offsets'
import { jsonValueText } from '../../../../shared/text/json-value-text'
import type { ImportedAnnotation } from '../imported-document'
import type { LabelStudioConfig } from './label-studio-config'

type Obj = Record<string, unknown>
type Report = (severity: 'error' | 'warning', code: 'BAD_RECORD' | 'DUPLICATE_ID' | 'UNKNOWN_REFERENCE' | 'SPAN_OUT_OF_RANGE' | 'NOT_CARRIED', message: string) => void

export interface ResultsScope {
  offsets: ArticleOffsets
  config: LabelStudioConfig | null
  /** Label Studio 0.x wrote end offsets that name the last character. */
  legacy: boolean
  /** Prefix making region keys unique across a task's annotations. */
  prefix: string
  annotator?: { id?: string; name: string }
  status?: AnnotationStatus
  /** Document-level results (classification of the whole text) land here. */
  metadata: Obj
  report: Report
}

const FRAGMENT = /^(.*)#(\d+)$/
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v)

/** One annotation's (or prediction's) results as tags: regions, their per-region attributes, notes and relations. */
export function readResults(results: unknown[], scope: ResultsScope): { tags: ImportedAnnotation[]; inclusive: number } {
  const regions = new Map<string, ImportedAnnotation>()
  const items = results.filter(isObj)
  let inclusive = 0
  let unnamed = 0
  const spans = items.filter((r) => r['type'] === 'labels')
  // fragments (<id>#2…) after the regions they continue, whatever their order in the file
  spans.sort((a, b) => Number(FRAGMENT.test(jsonValueText(a['id'] ?? ''))) - Number(FRAGMENT.test(jsonValueText(b['id'] ?? ''))))
  for (const r of spans) {
    const id = r['id'] === undefined ? `r${++unnamed}` : jsonValueText(r['id'])
    const v = isObj(r['value']) ? r['value'] : {}
    const labels = Array.isArray(v['labels']) ? v['labels'].filter((l): l is string => typeof l === 'string') : []
    const quote = typeof v['text'] === 'string' ? v['text'] : undefined
    const span = toSpan(v['start'], v['end'], quote, scope)
    if ('error' in span) {
      scope.report('error', 'SPAN_OUT_OF_RANGE', `region ${id} (${labels.join(', ')}): ${span.error}. Label Studio counts UTF-16 units; check "start" and "end".`)
      continue
    }
    if (span.inclusive) inclusive++
    const fragment = { start: span.start, end: span.end, ...(quote !== undefined ? { quote } : {}) }
    const base = FRAGMENT.exec(id)
    const whole = base && regions.get(scope.prefix + base[1])
    if (whole && labels.length === 1 && whole.label === labels[0]) {
      whole.fragments.push(fragment)
      continue
    }
    if (labels.length === 0) scope.report('error', 'BAD_RECORD', `region ${id} has no label; give it one in "value.labels".`)
    labels.forEach((label, n) => {
      const key = scope.prefix + id + (n === 0 ? '' : `|${label}`)
      if (regions.has(key)) return scope.report('error', 'DUPLICATE_ID', `region id ${id} is used by two regions; give each region its own id.`)
      const tag: ImportedAnnotation = { key, label, fragments: [fragment] }
      if (scope.annotator) tag.annotator = scope.annotator
      const status = isObj(r['spanwise']) ? r['spanwise']['status'] : undefined
      if (ANNOTATION_STATUSES.includes(status as AnnotationStatus)) tag.status = status as AnnotationStatus
      else if (scope.status) tag.status = scope.status
      const meta = isObj(r['meta']) && Array.isArray(r['meta']['text']) ? r['meta']['text'].filter((t) => typeof t === 'string') : []
      if (meta.length > 0) tag.note = meta.join('\n')
      regions.set(key, tag)
    })
  }
  const skipped = new Set<string>()
  for (const r of items) {
    const type = jsonValueText(r['type'] ?? '')
    if (type === 'labels') continue
    if (type === 'relation') readRelation(r, regions, scope)
    else if (Object.hasOwn(VALUE_KEYS, type)) readAttribute(r, type, regions, scope)
    else skipped.add(type || '(no type)')
  }
  if (skipped.size > 0) scope.report('warning', 'NOT_CARRIED', `results of type ${[...skipped].join(', ')} are not text spans and were left out.`)
  return { tags: [...regions.values()], inclusive }
}

function toSpan(start: unknown, end: unknown, quote: string | undefined, scope: ResultsScope): (CpRange & { inclusive: boolean }) | { error: string } {
  if (typeof start !== 'number' || typeof end !== 'number') return { error: 'it has no numeric "start" and "end" (HyperText regions with XPaths are not supported)' }
  const index = scope.offsets.index
  const exclusive = utf16RangeToCp(index, start, end)
  const inclusive = utf16RangeToCp(index, start, end, { endInclusive: true })
  const covers = (r: CpRange | { error: string }) => !('error' in r) && quote !== undefined && scope.offsets.slice(r) === quote
  // the quote decides when exactly one reading matches it; otherwise the file's version does
  const useInclusive = covers(inclusive) && !covers(exclusive) ? true : covers(exclusive) ? false : scope.legacy
  const chosen = useInclusive && !('error' in inclusive) ? inclusive : exclusive
  return 'error' in chosen ? chosen : { ...chosen, inclusive: chosen === inclusive }
}

const VALUE_KEYS: Record<string, string> = { choices: 'choices', textarea: 'text', number: 'number', datetime: 'datetime', rating: 'rating', taxonomy: 'taxonomy' }

function readAttribute(r: Obj, type: string, regions: Map<string, ImportedAnnotation>, scope: ResultsScope): void {
  const from = jsonValueText(r['from_name'] ?? type)
  const raw = isObj(r['value']) ? r['value'][VALUE_KEYS[type]!] : undefined
  const c = scope.config
  let value: unknown = raw
  if (type === 'choices' && Array.isArray(raw)) {
    if (c?.booleans.has(from)) value = raw[0] === 'true'
    else if (!c?.multiple.has(from) && raw.length === 1) value = raw[0]
  } else if (type === 'textarea' && Array.isArray(raw)) {
    if (c ? c.singleText.has(from) : raw.length === 1) value = raw[0]
  }
  const region = r['id'] === undefined ? undefined : regions.get(scope.prefix + jsonValueText(r['id']))
  if (!region) {
    scope.metadata[from] = value
    scope.report('warning', 'NOT_CARRIED', `the ${type} result "${from}" belongs to the whole text, not a region; it was kept in the article's metadata.`)
    return
  }
  const key = from.startsWith(`${region.label}.`) ? from.slice(region.label.length + 1) : from
  ;(region.attributes ??= {})[key] = value
}

function readRelation(r: Obj, regions: Map<string, ImportedAnnotation>, scope: ResultsScope): void {
  let [from, to] = [jsonValueText(r['from_id']), jsonValueText(r['to_id'])]
  if (r['direction'] === 'left') [from, to] = [to, from]
  const type = Array.isArray(r['labels']) && typeof r['labels'][0] === 'string' ? r['labels'][0] : 'related'
  const source = regions.get(scope.prefix + from)
  if (!source || !regions.has(scope.prefix + to)) {
    scope.report('error', 'UNKNOWN_REFERENCE', `relation ${type} from ${from} to ${to} refers to a region this annotation does not have; fix "from_id"/"to_id" or remove it.`)
    return
  }
  ;(source.links ??= []).push({ type, to: scope.prefix + to })
}
