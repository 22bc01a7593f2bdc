import type { DraftLabel } from './codebookDraft'

export interface TreeRow {
  index: number
  depth: number
}

/** Labels in display order: each parent followed by its children, indented; a missing or circular parent shows at the top level. */
export function labelTree(labels: readonly DraftLabel[]): TreeRow[] {
  const rows: TreeRow[] = []
  const placed = new Set<number>()
  const byName = new Map(labels.map((l, i) => [l.name.toLowerCase(), i]))
  const visit = (index: number, depth: number) => {
    if (placed.has(index)) return
    placed.add(index)
    rows.push({ index, depth })
    labels.forEach((l, i) => l.parent !== null && l.parent.toLowerCase() === labels[index]!.name.toLowerCase() && i !== index && visit(i, depth + 1))
  }
  labels.forEach((l, i) => (l.parent === null || !byName.has(l.parent.toLowerCase())) && visit(i, 0))
  // whatever is left sits in a cycle of parents
  labels.forEach((_, i) => visit(i, 0))
  return rows
}
