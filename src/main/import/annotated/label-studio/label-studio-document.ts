import { ArticleOffsets } from '../../../../shared/offsets'
import { jsonValueText } from '../../../../shared/text/json-value-text'
import type { ImportedAnnotation, ImportedDocument, IssueSink } from '../imported-document'
import { LabelStudioCoders } from './label-studio-coders'
import type { LabelStudioConfig } from './label-studio-config'
import { readResults, type ResultsScope } from './label-studio-results'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v)
const ENVELOPE = new Set(['id', 'data', 'annotations', 'completions', 'predictions', 'meta', 'drafts', 'created_at', 'updated_at', 'task_path', 'annotator', 'annotation_id', 'lead_time'])
const DOC_FIELDS = ['title', 'uid', 'url', 'source', 'published', 'language', 'fileName', 'note'] as const

/**
 * One Label Studio task as a document: the modern export (data + annotations + predictions), the 0.x format
 * (completions, or the data fields at the top level, end offsets inclusive) and JSON_MIN (regions flattened
 * into the task under their control's name). Each annotation's completed_by (named by `coders`), or a prediction's
 * model_version, becomes the tags' annotator.
 */
export function labelStudioDocument(
  task: unknown,
  at: { file: string; name: string },
  config: LabelStudioConfig | null,
  issue: IssueSink,
  coders = new LabelStudioCoders()
): ImportedDocument | null {
  const name = at.name
  const report = (severity: 'error' | 'warning', code: Parameters<IssueSink>[0]['code'], message: string) => issue({ file: at.file, severity, code, message: `${name}: ${message}` })
  if (!isObj(task)) {
    report('error', 'BAD_RECORD', 'is not a task object; a Label Studio export is an array of {"data": {...}, "annotations": [...]}.')
    return null
  }
  const legacy = 'completions' in task || !('data' in task)
  const data: Obj = isObj(task['data']) ? { ...task['data'] } : Object.fromEntries(Object.entries(task).filter(([k]) => !ENVELOPE.has(k)))
  const field = [config?.textField, 'text'].find((f): f is string => !!f && typeof data[f] === 'string')
  if (!field) {
    const hint = 'result' in task ? ' This looks like a list of completions without their task; import tasks.json or completions/<id>.json instead.' : ''
    report('error', 'NOT_CARRIED', `has no text in "data" (looked for ${config?.textField ?? 'text'}); import the task with its text.${hint}`)
    return null
  }
  const text = data[field] as string
  delete data[field]
  const metadata: Obj = {}
  const offsets = new ArticleOffsets(text)
  const annotations: ImportedAnnotation[] = []
  let inclusive = 0
  const scope = (prefix: string, extra: Partial<ResultsScope>): ResultsScope => ({ offsets, config, legacy, prefix, metadata, report, ...extra })

  const flattened = Object.entries(data).filter(([, v]) => Array.isArray(v) && v.length > 0 && v.every((r) => isObj(r) && typeof r['start'] === 'number' && Array.isArray(r['labels'])))
  for (const [control, regions] of flattened) {
    delete data[control]
    const results = (regions as Obj[]).map((value, n) => ({ id: `${control}-${n + 1}`, type: 'labels', from_name: control, value }))
    const annotator = coders.of(task['annotator'])
    const read = readResults(results, scope('min/', annotator ? { annotator } : {}))
    annotations.push(...read.tags)
    inclusive += read.inclusive
  }
  const lists: [string, unknown][] = [['a', task['annotations'] ?? task['completions']], ['p', task['predictions']]]
  for (const [kind, list] of lists) {
    if (!Array.isArray(list)) continue
    list.forEach((entry, n) => {
      if (!isObj(entry) || !Array.isArray(entry['result'])) return report('error', 'BAD_RECORD', `${kind === 'a' ? 'annotation' : 'prediction'} ${n + 1} has no "result" list.`)
      if (entry['was_cancelled'] === true) return report('warning', 'NOT_CARRIED', `annotation ${n + 1} was cancelled (skipped) in Label Studio; it was left out.`)
      const annotator = kind === 'a' ? annotatorOf(entry, coders) : { name: jsonValueText(entry['model_version'] ?? 'prediction') }
      const read = readResults(entry['result'], scope(`${kind}${n + 1}/`, { ...(annotator ? { annotator } : {}), ...(kind === 'p' ? { status: 'draft' as const } : {}) }))
      for (const t of read.tags) {
        if (typeof entry['created_at'] === 'string') t.createdAt = entry['created_at']
        if (typeof entry['updated_at'] === 'string') t.updatedAt = entry['updated_at']
      }
      annotations.push(...read.tags)
      inclusive += read.inclusive
    })
  }
  if (inclusive > 0) report('warning', 'SPAN_REANCHORED', `${inclusive} regions had end offsets that include the last character (as Label Studio 0.x wrote them); they were read as ending one character later.`)

  const doc: ImportedDocument = { name, origin: at.file, text, annotations, metadata }
  for (const f of DOC_FIELDS) if (typeof data[f] === 'string') doc[f] = data[f] as string
  for (const [k, v] of Object.entries(data)) if (!(DOC_FIELDS as readonly string[]).includes(k)) metadata[k] = v
  if (isObj(task['meta'])) Object.assign(metadata, task['meta'])
  if (task['id'] !== undefined) metadata['labelStudioId'] = task['id']
  return doc
}

function annotatorOf(entry: Obj, coders: LabelStudioCoders): { id?: string; name: string } | undefined {
  const own = entry['spanwise_annotator']
  if (isObj(own) && typeof own['name'] === 'string') return { ...(typeof own['id'] === 'string' ? { id: own['id'] } : {}), name: own['name'] }
  return coders.of(entry['completed_by'])
}
