import type { ExportAnnotation, ExportContext } from '../export-dataset'

/** The registry actors a tag's actor attributes point at, under the codebook version it was coded with. */
export function actorIdsOf(a: ExportAnnotation, ctx: ExportContext): string[] {
  const codebook = (a.codebookVersion !== null && ctx.codebooks.get(a.codebookVersion)) || ctx.codebook
  const defs = codebook.labels.find((l) => l.name === a.label)?.attributes ?? []
  const ids: string[] = []
  for (const d of defs) {
    if (d.type !== 'actor') continue
    const v = a.attributes[d.key]
    for (const id of Array.isArray(v) ? v : [v]) if (typeof id === 'string' && id && !ids.includes(id)) ids.push(id)
  }
  return ids
}
