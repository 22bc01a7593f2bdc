import type { ImportExtras } from '../imported-document'
import { attr, children, guidKey, type XmlNode } from './refi-xml'

export type RefiLabel = NonNullable<ImportExtras['labels']>[number]

/** Codes of a CodeBook element (project or .qdc), nested codes naming their parent; GUID → code name. */
export function readCodes(codeBook: XmlNode | undefined): { labels: RefiLabel[]; names: Map<string, string> } {
  const labels: RefiLabel[] = []
  const names = new Map<string, string>()
  const walk = (node: XmlNode | undefined, parent: string | undefined) => {
    for (const code of children(node, 'Code')) {
      const name = attr(code, 'name') ?? ''
      const guid = attr(code, 'guid')
      if (guid) names.set(guidKey(guid)!, name)
      const color = attr(code, 'color')
      labels.push({ name, ...(color ? { color } : {}), ...(parent ? { parent } : {}) })
      walk(code, name)
    }
  }
  for (const codes of children(codeBook, 'Codes')) walk(codes, undefined)
  return { labels, names }
}
