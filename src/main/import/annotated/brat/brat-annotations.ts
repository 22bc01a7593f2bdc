import { ArticleOffsets } from '../../../../shared/offsets'
import type { ImportIssueCode } from '../../../../shared/domain'
import { parseBoundedJson } from '../../../../shared/text/parse-bounded-json'
import { ATTRIBUTES_NOTE_PREFIX, decodeNote } from '../../../export/brat/brat-note'
import type { ImportedAnnotation, IssueSink } from '../imported-document'
import { bratFragments } from './brat-fragments'
import type { AnnArgument, AnnRecord } from './parse-ann'

const SPANWISE_REFERENCE = /^spanwise\.([a-z][a-z0-9_]*)$/

type Problem = (record: { line: number }, severity: 'error' | 'warning', code: ImportIssueCode, message: string) => void

/**
 * Turns a .ann file's records into tags: a T line is a tag (key T3), an E line is a tag on its trigger's span (key E1,
 * its arguments become links by role, numbered repeats like Org-Arg2 folded into Org-Arg), R lines and * equivalences
 * become links, A/M lines attributes, spanwise.<key> references actor attributes, # lines notes.
 */
export function bratAnnotations(records: AnnRecord[], text: string, file: string, issue: IssueSink, labelOf: (type: string) => string): ImportedAnnotation[] {
  const problem: Problem = (r, severity, code, message) => issue({ file, line: r.line, severity, code, message })
  const byId = new Map<string, AnnRecord>()
  const unique = records.filter((r) => {
    if (r.kind === '*') return true
    const first = byId.get(r.id)
    if (first) problem(r, 'error', 'DUPLICATE_ID', `${r.id} is already used on line ${first.line}; give each annotation its own id`)
    else byId.set(r.id, r)
    return !first
  })

  const triggerOf = new Map<string, string>()
  const events = unique.filter((r): r is Extract<AnnRecord, { kind: 'E' }> => {
    if (r.kind !== 'E') return false
    const trigger = byId.get(r.trigger)
    if (trigger?.kind !== 'T') {
      problem(r, 'error', 'UNKNOWN_REFERENCE', `${r.id}: the trigger ${r.trigger} is not a text-bound (T) annotation in this file`)
      return false
    }
    if (trigger.type !== r.type) problem(r, 'warning', 'BAD_LINE', `${r.id} has type ${r.type} but its trigger ${r.trigger} has type ${trigger.type}; the event's type is used`)
    if (!triggerOf.has(r.trigger)) triggerOf.set(r.trigger, r.id)
    return true
  })

  const offsets = new ArticleOffsets(text)
  const tags = new Map<string, ImportedAnnotation>()
  const addTag = (key: string, type: string, t: Extract<AnnRecord, { kind: 'T' }>, line: number) => {
    const { fragments, quotesFit } = bratFragments(t.spans, t.text, offsets)
    if (!quotesFit) problem(t, 'warning', 'SPAN_MISMATCH', `${t.id}: the text "${t.text}" is not its fragments' texts joined by spaces; the spans are placed without it`)
    tags.set(key, { key, label: labelOf(type), fragments, line })
  }
  for (const r of unique) {
    if (r.kind === 'T' && !triggerOf.has(r.id)) addTag(r.id, r.type, r, r.line)
    if (r.kind === 'E' && events.includes(r)) addTag(r.id, r.type, byId.get(r.trigger) as Extract<AnnRecord, { kind: 'T' }>, r.line)
  }

  const resolve = (ref: string) => triggerOf.get(ref) ?? (tags.has(ref) ? ref : undefined)
  // `onLink` names what a relation cannot keep (links have no attributes or notes), for A and # lines on an R
  const target = (r: { line: number }, ref: string, what: string, onLink?: string): ImportedAnnotation | undefined => {
    const key = resolve(ref)
    if (key) return tags.get(key)
    if (onLink && byId.get(ref)?.kind === 'R') problem(r, 'warning', 'NOT_CARRIED', `${what} is on the relation ${ref} and is not carried: Spanwise links have no ${onLink}`)
    else problem(r, 'error', 'UNKNOWN_REFERENCE', `${what} refers to ${ref}, which is not a text-bound (T) or event (E) annotation in this file`)
    return undefined
  }
  const link = (from: ImportedAnnotation | undefined, type: string, to: ImportedAnnotation | undefined) => {
    if (from && to) (from.links ??= []).push({ type, to: to.key })
  }
  const setAttribute = (tag: ImportedAnnotation, key: string, value: unknown) => {
    const attrs = (tag.attributes ??= {})
    const old = attrs[key]
    attrs[key] = old === undefined ? value : Array.isArray(old) ? [...old, value] : [old, value]
  }

  for (const e of events) {
    const from = tags.get(e.id)
    const seen = new Set<string>()
    for (const arg of e.args) link(from, roleOf(arg, seen), target(e, arg.ref, `${e.id}: the argument ${arg.role}:${arg.ref}`))
  }
  const referenced = new Set(unique.flatMap((r) => (r.kind === 'N' && SPANWISE_REFERENCE.test(r.db) ? [resolve(r.target)] : [])))
  for (const r of unique) {
    if (r.kind === 'R') {
      const [a, b] = r.args[0]!.role === 'Arg2' ? [r.args[1]!, r.args[0]!] : [r.args[0]!, r.args[1]!]
      link(target(r, a.ref, `${r.id}: ${a.role}`), r.type, target(r, b.ref, `${r.id}: ${b.role}`))
    } else if (r.kind === '*') {
      const [first, ...others] = r.members.map((m) => target(r, m, `the ${r.type} equivalence`))
      for (const other of others) link(first, r.type, other)
    } else if (r.kind === 'A') {
      const tag = target(r, r.target, `${r.id}: attribute ${r.name}`, 'attributes')
      if (tag) setAttribute(tag, r.name, r.value ?? true)
    } else if (r.kind === 'N') {
      const key = SPANWISE_REFERENCE.exec(r.db)?.[1]
      const tag = target(r, r.target, `${r.id}: reference ${r.db}:${r.dbId}`)
      if (tag && key) setAttribute(tag, key, r.dbId)
      else if (tag && !referenced.has(tag.key))
        problem(r, 'warning', 'NOT_CARRIED', `${r.id}: the reference ${r.db}:${r.dbId} ("${r.text}") on ${r.target} is not carried; link the tag to a registry actor after import`)
    } else if (r.kind === '#') {
      const tag = target(r, r.target, `${r.id}: the note`, 'notes')
      if (!tag) continue
      if (r.text.startsWith(ATTRIBUTES_NOTE_PREFIX)) {
        const attrs = parseObject(r.text.slice(ATTRIBUTES_NOTE_PREFIX.length))
        if (attrs) for (const [key, value] of Object.entries(attrs)) (tag.attributes ??= {})[key] = value
        else problem(r, 'error', 'BAD_LINE', `${r.id}: the text after "${ATTRIBUTES_NOTE_PREFIX.trim()}" is not a JSON object; fix or remove the line`)
      } else tag.note = tag.note === undefined ? decodeNote(r.text) : `${tag.note}\n${decodeNote(r.text)}`
    }
  }
  return [...tags.values()]
}

/** brat numbers repeated roles (Org-Arg, Org-Arg2, Org-Arg3); a number is only folded when the bare role came first. */
function roleOf(arg: AnnArgument, seen: Set<string>): string {
  const digits = /\d+$/.exec(arg.role)?.[0] ?? ''
  // "phase22" is tried as "phase2" then "phase", so roles that themselves end in a digit survive
  for (let k = 1; k <= digits.length; k++) {
    const base = arg.role.slice(0, arg.role.length - k)
    if (base !== '' && seen.has(base)) return base
  }
  seen.add(arg.role)
  return arg.role
}

function parseObject(json: string): Record<string, unknown> | null {
  try {
    const value: unknown = parseBoundedJson(json)
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}
