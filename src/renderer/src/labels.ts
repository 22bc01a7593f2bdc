import { DEFAULT_LABELS, type LabelDef } from '@shared/labels'
import { MAX_LANE } from './editor/extensions/annotation/constants'

const sheet = new CSSStyleSheet()
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
const classes = new Map<string, string>()
const FALLBACK = '#6b7280'

/** Label definitions in hotkey order (the codebook will supply these later). */
export const LABELS: readonly LabelDef[] = DEFAULT_LABELS

export function labelColor(name: string): string {
  return LABELS.find((l) => l.name === name)?.color ?? FALLBACK
}

/** The CSS class that colours a label's tags; rules are added via CSSOM so the strict CSP holds. */
export function labelClass(name: string): string {
  let cls = classes.get(name)
  if (!cls) {
    cls = `sw-label-${classes.size}`
    classes.set(name, cls)
    const color = labelColor(name)
    sheet.insertRule(`.${cls} { --tag-color: ${color}; --tag-bg: ${color}29; }`)
    // one rule per underline lane: the lane's underline and tint take this label's colour
    for (let lane = 0; lane <= MAX_LANE; lane++) sheet.insertRule(`.${cls}-l${lane} { --u${lane}: ${color}; --t${lane}: ${color}29; }`)
  }
  return cls
}
