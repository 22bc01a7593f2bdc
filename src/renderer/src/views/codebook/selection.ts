/** What the editor's right-hand side shows. */
export type Selection = { kind: 'general' } | { kind: 'label'; index: number; attribute?: number } | { kind: 'relations' } | { kind: 'rules' }

/** The section a problem's JSON path belongs to. */
export function selectionOf(path: string): Selection {
  const label = /^labels\[(\d+)\](?:\.attributes\[(\d+)\])?/.exec(path)
  if (label) return label[2] === undefined ? { kind: 'label', index: Number(label[1]) } : { kind: 'label', index: Number(label[1]), attribute: Number(label[2]) }
  if (path.startsWith('relations')) return { kind: 'relations' }
  if (path.startsWith('rules')) return { kind: 'rules' }
  return { kind: 'general' }
}
