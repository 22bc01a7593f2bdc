import { XMLParser } from 'fast-xml-parser'

/** What a labeling config tells an import: the task field with the text, and how attribute results are typed. */
export interface LabelStudioConfig {
  textField?: string
  /** Choices with choice="multiple": always a list. */
  multiple: Set<string>
  /** Choices offering exactly "true" and "false": a yes/no attribute. */
  booleans: Set<string>
  /** TextArea with maxSubmissions="1": one value, not a list. */
  singleText: Set<string>
}

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])

/** Reads the controls of a Label Studio labeling config (XML); unknown tags are ignored. */
export function parseLabelConfig(xml: string): LabelStudioConfig {
  const root = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseAttributeValue: false }).parse(xml) as Record<string, unknown>
  const config: LabelStudioConfig = { multiple: new Set(), booleans: new Set(), singleText: new Set() }
  const visit = (node: unknown, tag: string) => {
    if (!node || typeof node !== 'object') return
    const n = node as Record<string, unknown>
    const name = n['@_name']
    if (tag === 'Text' && typeof n['@_value'] === 'string' && !config.textField) config.textField = n['@_value'].replace(/^\$/, '')
    if (tag === 'Choices' && typeof name === 'string') {
      if (n['@_choice'] === 'multiple') config.multiple.add(name)
      const values = list(n['Choice'] as Record<string, unknown> | Record<string, unknown>[]).map((c) => c['@_value'])
      if (values.length === 2 && values.includes('true') && values.includes('false')) config.booleans.add(name)
    }
    if (tag === 'TextArea' && typeof name === 'string' && String(n['@_maxSubmissions']) === '1') config.singleText.add(name)
    for (const [k, v] of Object.entries(n)) if (!k.startsWith('@_')) for (const child of list(v)) visit(child, k)
  }
  for (const [k, v] of Object.entries(root)) for (const child of list(v)) visit(child, k)
  return config
}
