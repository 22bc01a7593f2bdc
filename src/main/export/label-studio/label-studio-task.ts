import type { Codebook } from '../../../shared/codebook/codebook-schema'
import type { ArticleOffsets } from '../../../shared/offsets'
import type { ExportAnnotation, ExportArticle } from '../export-dataset'
import { LS_LABELS, LS_TEXT, attributeControl, attributeResult } from './label-studio-control'

/** The region id of a tag's n-th fragment: the tag id, then `<tag id>#2`, `#3`… so an import can join them again. */
export const regionId = (tagId: string, n: number): string => (n === 0 ? tagId : `${tagId}#${n + 1}`)

export interface TaskContext {
  offsets: ArticleOffsets
  codebookOf: (a: ExportAnnotation) => Codebook
  /** Label Studio's numeric user id for a coder, and the next annotation id. */
  userNumber: (coderId: string) => number
  nextAnnotationId: () => number
}

/** One article as a Label Studio task: one annotation per coder, spans in UTF-16 units, attributes and links as results. */
export function labelStudioTask(article: ExportArticle, ctx: TaskContext): Record<string, unknown> {
  const byCoder = new Map<string, ExportAnnotation[]>()
  for (const a of article.annotations) byCoder.set(a.annotatorId, [...(byCoder.get(a.annotatorId) ?? []), a])
  const annotations = [...byCoder.values()].map((tags) => {
    const first = tags[0]!
    const results = tags.flatMap((a) => tagResults(a, tags, ctx))
    return {
      id: ctx.nextAnnotationId(),
      completed_by: ctx.userNumber(first.annotatorId),
      // Label Studio ignores keys it does not know; these keep who coded it across a round trip
      spanwise_annotator: { id: first.annotatorId, name: first.annotatorName },
      result: results,
      was_cancelled: false,
      ground_truth: false,
      created_at: tags.map((t) => t.createdAt).sort()[0],
      updated_at: tags.map((t) => t.updatedAt).sort().at(-1)
    }
  })
  const data = { text: article.text, title: article.title, uid: article.uid, url: article.url, source: article.source, published: article.published, language: article.language, fileName: article.fileName, note: article.note }
  return { id: article.id, data, meta: article.metadata, annotations, predictions: [] }
}

function tagResults(a: ExportAnnotation, coderTags: ExportAnnotation[], ctx: TaskContext): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = a.fragments.map((f, n) => {
    const value = { start: ctx.offsets.cpToUtf16(f.start), end: ctx.offsets.cpToUtf16(f.end), text: ctx.offsets.slice(f), labels: [a.label] }
    const meta = n === 0 && a.note ? { meta: { text: [a.note] } } : {}
    return { id: regionId(a.id, n), from_name: LS_LABELS, to_name: LS_TEXT, type: 'labels', value, ...meta, spanwise: { status: a.status } }
  })
  const defs = ctx.codebookOf(a).labels.find((l) => l.name === a.label)?.attributes ?? []
  for (const [key, v] of Object.entries(a.attributes)) {
    const r = attributeResult(defs.find((d) => d.key === key), v)
    out.push({ id: a.id, from_name: attributeControl(a.label, key), to_name: LS_TEXT, type: r.type, value: r.value })
  }
  for (const l of a.links) {
    if (!coderTags.some((t) => t.id === l.to)) continue
    out.push({ from_id: a.id, to_id: l.to, type: 'relation', direction: 'right', labels: [l.type] })
  }
  return out
}
