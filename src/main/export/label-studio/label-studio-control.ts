import type { AttributeDef } from '../../../shared/codebook/codebook-schema'

/** Names of the labeling-config controls every Spanwise task uses. */
export const LS_TEXT = 'text'
export const LS_LABELS = 'label'

/** The per-region control that carries one attribute: `<label>.<key>`, so keys shared by several labels stay apart. */
export const attributeControl = (label: string, key: string): string => `${label}.${key}`

/** The Label Studio result type and value for one attribute value, chosen by the attribute's type. */
export function attributeResult(def: AttributeDef | undefined, value: unknown): { type: string; value: Record<string, unknown> } {
  switch (def?.type) {
    case 'single':
      if (typeof value === 'string') return { type: 'choices', value: { choices: [value] } }
      break
    case 'multi':
      if (Array.isArray(value)) return { type: 'choices', value: { choices: value.map(String) } }
      break
    case 'boolean':
      if (typeof value === 'boolean') return { type: 'choices', value: { choices: [String(value)] } }
      break
    case 'number':
      if (typeof value === 'number') return { type: 'number', value: { number: value } }
      break
    case 'actor':
    case 'tag':
      if (Array.isArray(value)) return { type: 'textarea', value: { text: value.map(String) } }
      break
  }
  return { type: 'textarea', value: { text: [typeof value === 'string' ? value : JSON.stringify(value)] } }
}
