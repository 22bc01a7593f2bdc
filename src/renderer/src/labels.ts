import { DEFAULT_LABELS, type LabelDef } from '@shared/labels'
import type { Codebook } from '@shared/codebook/codebook-schema'
import { MAX_LANE } from './editor/extensions/annotation/constants'
import { createStore, useStore } from './state/createStore'

const sheet = new CSSStyleSheet()
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
const classes = new Map<string, string>()
const FALLBACK = '#6b7280'

/** The open project's labels in codebook order, with hotkeys, colours and coding guidelines. */
const labelStore = createStore<readonly LabelDef[]>(DEFAULT_LABELS)
const codebookStore = createStore<Codebook | null>(null)

/** Takes the labels of the project's codebook (called when a project opens). */
export function setCodebook(codebook: Codebook): void {
  codebookStore.set(codebook)
  labelStore.set(
    [...codebook.labels].sort((a, b) => a.order - b.order).map((l) => ({ name: l.name, key: l.hotkey ?? '', color: l.color, description: l.description }))
  )
}

export function getLabels(): readonly LabelDef[] {
  return labelStore.get()
}

/** The open project's codebook (null until a project is open). */
export function useCodebook(): Codebook | null {
  return useStore(codebookStore)
}

export function useLabels(): readonly LabelDef[] {
  return useStore(labelStore)
}

export function labelColor(name: string): string {
  return labelStore.get().find((l) => l.name === name)?.color ?? FALLBACK
}

/** The CSS class that colours a label's tags; rules are added via CSSOM so the strict CSP holds. */
export function labelClass(name: string): string {
  const color = labelColor(name)
  // keyed by colour too, so a codebook that recolours a label gets fresh rules
  const id = `${name}\u0000${color}`
  let cls = classes.get(id)
  if (!cls) {
    cls = `sw-label-${classes.size}`
    classes.set(id, cls)
    sheet.insertRule(`.${cls} { --tag-color: ${color}; --tag-bg: ${color}29; }`)
    // one rule per underline lane: the lane's underline and tint take this label's colour
    for (let lane = 0; lane <= MAX_LANE; lane++) sheet.insertRule(`.${cls}-l${lane} { --u${lane}: ${color}; --t${lane}: ${color}29; }`)
  }
  return cls
}
