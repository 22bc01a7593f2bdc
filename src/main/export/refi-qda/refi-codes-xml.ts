import { refiGuid } from './refi-guid'
import type { XmlEscaper } from './xml-escaper'

/** A label as a REFI-QDA code; `parent` is another label's name, which nests the code under it. */
export interface RefiCode {
  name: string
  color: string
  description: string
  parent: string | null
}

export function codeGuid(label: string): string {
  return refiGuid('code', label)
}

/**
 * The `<Codes>` element (same shape in project.qde and codebook.qdc): every label a codable code, nested under
 * its parent label; a label whose parent is missing or part of a cycle is placed at the top level.
 */
export function refiCodesXml(codes: RefiCode[], esc: XmlEscaper): string {
  const byName = new Map(codes.map((c) => [c.name, c]))
  const children = new Map<string | null, RefiCode[]>()
  for (const c of codes) {
    const parent = c.parent !== null && byName.has(c.parent) && c.parent !== c.name ? c.parent : null
    children.set(parent, [...(children.get(parent) ?? []), c])
  }
  const done = new Set<string>()
  const render = (c: RefiCode, depth: number): string => {
    done.add(c.name)
    const pad = '  '.repeat(depth)
    const open = `${pad}<Code guid="${codeGuid(c.name)}" name="${esc.attr(c.name)}" isCodable="true" color="${c.color.toUpperCase()}"`
    const kids = (children.get(c.name) ?? []).filter((k) => !done.has(k.name))
    if (!c.description && kids.length === 0) return `${open}/>\n`
    const description = c.description ? `${pad}  <Description>${esc.text(c.description)}</Description>\n` : ''
    return `${open}>\n${description}${kids.map((k) => render(k, depth + 1)).join('')}${pad}</Code>\n`
  }
  let xml = (children.get(null) ?? []).map((c) => render(c, 2)).join('')
  // labels only reachable through a parent cycle
  for (const c of codes) if (!done.has(c.name)) xml += render(c, 2)
  return `  <Codes>\n${xml}  </Codes>\n`
}
