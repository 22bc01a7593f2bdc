import type { AttributeDef } from '../../../shared/codebook/codebook-schema'
import type { ExportAnnotation, ExportContext } from '../export-dataset'
import type { BratConf } from './brat-conf'
import type { BratIds } from './brat-ids'
import { encodeAttributesNote, encodeNote, oneLine } from './brat-note'

/** A value brat can hold in an A or N line: no space, line break, "|" or ",". */
const TOKEN = /^[^\s|,\x1c-\x1e\x85]+$/u
const WIKIDATA_ID = /^Q\d+$/

export interface AttributeLineCounts {
  attributeLines: number
  references: number
  attributesInNotes: number
  notes: number
}

function attributeType(ctx: ExportContext, tag: ExportAnnotation, key: string): AttributeDef['type'] | undefined {
  const codebook = (tag.codebookVersion !== null && ctx.codebooks.get(tag.codebookVersion)) || ctx.codebook
  return codebook.labels.find((l) => l.name === tag.label)?.attributes.find((a) => a.key === key)?.type
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)
const tokens = (v: unknown): string[] | null => {
  const list = Array.isArray(v) ? v : [v]
  return list.every((x) => typeof x === 'string' && TOKEN.test(x)) ? (list as string[]) : null
}

/**
 * A tag's attributes and note as A, N and # lines on `ref` (its T, or its E for event types): choices and true
 * booleans as attributes, actor ids as Reference normalisations (plus Wikidata when the registry has a QID),
 * everything else (text, number, date, false, tag references) as one escaped JSON note, so nothing is lost.
 */
export function attributeLines(
  tag: ExportAnnotation,
  ref: string,
  ctx: ExportContext,
  conf: BratConf,
  refs: Map<string, string>,
  ids: BratIds,
  counts: AttributeLineCounts
): string[] {
  const lines: string[] = []
  const inNote: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(tag.attributes)) {
    if (isEmpty(value)) continue
    const form = conf.attributeForm(tag.label, key)
    const type = attributeType(ctx, tag, key)
    const values = tokens(value)
    if (form === 'binary' && value === true) {
      lines.push(`${ids.next('A')}\t${key} ${ref}`)
      counts.attributeLines++
    } else if (form === 'valued' && values) {
      for (const v of values) {
        lines.push(`${ids.next('A')}\t${key} ${ref} ${v}`)
        conf.useValue(key, v)
        counts.attributeLines++
      }
    } else if (type === 'actor' && values) {
      for (const id of values) {
        const actor = ctx.actors.get(id)
        const name = oneLine(actor?.name ?? id)
        lines.push(`${ids.next('N')}\tReference ${ref} spanwise.${key}:${id}\t${name}`)
        const qid = actor?.externalIds['wikidata']
        if (qid && WIKIDATA_ID.test(qid)) lines.push(`${ids.next('N')}\tReference ${ref} Wikidata:${qid}\t${name}`)
        counts.references++
      }
    } else if (type === 'tag' && (typeof value === 'string' || Array.isArray(value))) {
      // the referenced tags by their brat ids, which the reader returns as this file's keys
      inNote[key] = Array.isArray(value) ? value.map((id) => refs.get(String(id)) ?? id) : (refs.get(value) ?? value)
    } else inNote[key] = value
  }
  if (tag.note !== '') {
    lines.push(`${ids.next('#')}\tAnnotatorNotes ${ref}\t${encodeNote(tag.note)}`)
    counts.notes++
  }
  if (Object.keys(inNote).length > 0) {
    lines.push(`${ids.next('#')}\tAnnotatorNotes ${ref}\t${encodeAttributesNote(inNote)}`)
    counts.attributesInNotes += Object.keys(inNote).length
  }
  return lines
}
