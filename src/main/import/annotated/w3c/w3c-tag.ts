import { ANNOTATION_STATUSES, type AnnotationStatus } from '../../../../shared/domain'
import { parseBoundedJson } from '../../../../shared/text/parse-bounded-json'
import { jsonValueText } from '../../../../shared/text/json-value-text'
import type { ImportedAnnotation, ImportedSpan } from '../imported-document'
import { annotatorIdOf, tagIdOf } from '../../../export/w3c/w3c-iris'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v)
const many = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v])
const types = (o: Obj): unknown[] => many(o['type'] ?? o['@type'])

/** A target's place in its source: code point offsets from the TextPositionSelector, the exact text from the TextQuoteSelector. */
export interface W3cTarget {
  source: string
  position?: { start: number; end: number }
  quote?: { exact: string; prefix?: string; suffix?: string }
}

/** The parts of a W3C Annotation a tag needs, read without the text; spans are resolved by the caller. */
export interface W3cTag extends Omit<ImportedAnnotation, 'fragments'> {
  targets: W3cTarget[]
  /** Bodies that could not be carried (e.g. identifying bodies without the attribute JSON). */
  dropped: string[]
}

/** A linking annotation: its type and the two tag IRIs it joins. */
export interface W3cLink {
  type: string
  from: string
  to: string
}

const bodyValue = (b: Obj): string | undefined => (typeof b['value'] === 'string' ? b['value'] : typeof b['chars'] === 'string' ? b['chars'] : undefined)
const hasPurpose = (b: Obj, purpose: string) => many(b['purpose']).includes(purpose)

/** Reads one Annotation as a link (motivation linking) or as a tag. */
export function w3cTagOrLink(a: Obj, key: string): W3cTag | W3cLink | { error: string } {
  const bodies = many(a['body']).filter(isObj)
  if (typeof a['bodyValue'] === 'string') bodies.push({ type: 'TextualBody', value: a['bodyValue'] })
  const motivation = many(a['motivation'])
  const tagging = bodies.find((b) => hasPurpose(b, 'tagging') || hasPurpose(b, 'classifying'))
  if (motivation.includes('linking')) {
    const targets = many(a['target']).map((t) => (typeof t === 'string' ? t : isObj(t) ? (t['id'] ?? t['source']) : undefined))
    const type = tagging ? bodyValue(tagging) : undefined
    if (targets.length !== 2 || typeof targets[0] !== 'string' || typeof targets[1] !== 'string' || !type) return { error: 'a linking annotation needs a tagging body with the link type and exactly two targets (the tags it links, from first)' }
    return { type, from: targets[0], to: targets[1] }
  }
  const label = tagging ? bodyValue(tagging) : undefined
  if (!label) return { error: 'it has no TextualBody with purpose tagging (the label)' }
  const tag: W3cTag = { key, label, targets: [], dropped: [] }
  const projectTagId = tagIdOf(key)
  if (projectTagId) tag.projectTagId = projectTagId
  const described = bodies.find((b) => hasPurpose(b, 'describing') && b['format'] === 'application/json')
  if (described) {
    const parsed = safeJson(bodyValue(described))
    if (!isObj(parsed)) return { error: 'its describing body with format application/json is not a JSON object' }
    tag.attributes = parsed
  } else if (bodies.some((b) => hasPurpose(b, 'identifying'))) tag.dropped.push('identifying bodies (actors) without an attribute body')
  const note = bodies.filter((b) => hasPurpose(b, 'commenting')).map(bodyValue).filter((v) => v)
  if (note.length > 0) tag.note = note.join('\n\n')
  const status = bodies.filter((b) => hasPurpose(b, 'assessing')).map(bodyValue).find((v) => ANNOTATION_STATUSES.includes(v as AnnotationStatus))
  if (status) tag.status = status as AnnotationStatus
  const creator = many(a['creator'])[0]
  if (isObj(creator) || typeof creator === 'string') {
    const iri = typeof creator === 'string' ? creator : jsonValueText(creator['id'] ?? '')
    const name = isObj(creator) ? (creator['name'] ?? creator['nickname']) : undefined
    const id = annotatorIdOf(iri) ?? (iri || undefined)
    tag.annotator = { ...(id ? { id } : {}), name: typeof name === 'string' ? name : (id ?? 'unknown') }
  }
  if (typeof a['created'] === 'string') tag.createdAt = a['created']
  if (typeof a['modified'] === 'string') tag.updatedAt = a['modified']
  for (const t of many(a['target'])) {
    if (!isObj(t) || typeof t['source'] !== 'string') return { error: 'a target is not a text selection (a SpecificResource with a source and selectors)' }
    const target: W3cTarget = { source: t['source'] }
    for (const s of many(t['selector']).filter(isObj)) {
      if (types(s).includes('TextPositionSelector') && typeof s['start'] === 'number' && typeof s['end'] === 'number') target.position = { start: s['start'], end: s['end'] }
      if (types(s).includes('TextQuoteSelector') && typeof s['exact'] === 'string') {
        target.quote = { exact: s['exact'], ...(typeof s['prefix'] === 'string' ? { prefix: s['prefix'] } : {}), ...(typeof s['suffix'] === 'string' ? { suffix: s['suffix'] } : {}) }
      }
    }
    if (!target.position && !target.quote) return { error: 'a target has neither a TextPositionSelector nor a TextQuoteSelector' }
    tag.targets.push(target)
  }
  if (tag.targets.length === 0) return { error: 'it has no target' }
  return tag
}

function safeJson(text: string | undefined): unknown {
  try {
    return text === undefined ? undefined : parseBoundedJson(text)
  } catch {
    return undefined
  }
}

/** The span a target names: its position (code points, as the model requires) with the quote to check it by. */
export function targetSpan(t: W3cTarget, locate: (q: NonNullable<W3cTarget['quote']>) => { start: number; end: number }[]): ImportedSpan | { matches: number } {
  const quote = t.quote ? { quote: t.quote.exact } : {}
  if (t.position) return { ...t.position, ...quote }
  // a quote alone places the span only where it is the one match: several would be a guess
  const found = locate(t.quote!)
  return found.length === 1 ? { ...found[0]!, ...quote } : { matches: found.length }
}
