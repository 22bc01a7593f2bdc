import { XMLParser, XMLValidator } from 'fast-xml-parser'

/** An element as fast-xml-parser gives it: attributes by name, children by local name, text under '#text'. */
export type XmlNode = Record<string, unknown>

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  // text such as PlainTextContent is kept exactly, numbers stay strings
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  // decodes numeric character references (&#xD;) as well as the XML ones
  htmlEntities: true
})

const ROOT = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:\s+[^\s=>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/

/** The root element's local name and namespace, read from its start tag (the parser drops xmlns attributes). */
export function xmlRoot(xml: string): { name: string; namespace: string | null } | null {
  const body = xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, (m) => ' '.repeat(m.length))
  const m = ROOT.exec(body)
  if (!m) return null
  const prefix = m[1] ? `:${m[1].slice(0, -1)}` : ''
  const ns = new RegExp(`\\sxmlns${prefix}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(m[3] ?? '')
  return { name: m[2]!, namespace: ns ? (ns[1] ?? ns[2] ?? '') : null }
}

/** Parses well-formed XML; otherwise returns why, and where it breaks when the validator can tell. */
export function parseXml(xml: string): { root: XmlNode } | { error: string; line?: number } {
  const valid = XMLValidator.validate(xml)
  if (valid !== true) return { error: valid.err.msg, line: valid.err.line }
  try {
    return { root: parser.parse(xml) as XmlNode }
  } catch (error) {
    // well-formed XML the parser still refuses, e.g. a DOCTYPE declaring external entities
    return { error: (error as Error).message }
  }
}

export function attr(node: XmlNode, name: string): string | undefined {
  const v = node[`@${name}`]
  return typeof v === 'string' ? v : undefined
}

/** Child elements of one name, as nodes (an element holding only text becomes { '#text': … }). */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const v = node?.[name]
  if (v === undefined) return []
  return (Array.isArray(v) ? v : [v]).map((c) => (typeof c === 'object' && c !== null ? (c as XmlNode) : { '#text': String(c) }))
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return children(node, name)[0]
}

/** The text of a child element, or undefined when there is none. */
export function childText(node: XmlNode | undefined, name: string): string | undefined {
  const c = child(node, name)
  if (!c) return undefined
  const t = c['#text']
  return typeof t === 'string' ? t : ''
}

/** Finds the 1-based line of the element carrying a GUID, for reports; the XML is scanned once, on first use. */
export function guidLines(xml: string): (guid: string | undefined) => number | undefined {
  let lines: Map<string, number> | null = null
  return (guid) => {
    if (!guid) return undefined
    if (!lines) {
      lines = new Map()
      let line = 1
      let from = 0
      for (const m of xml.matchAll(/\sguid\s*=\s*"([^"]*)"/g)) {
        for (let i = xml.indexOf('\n', from); i !== -1 && i <= m.index; i = xml.indexOf('\n', i + 1)) line++
        from = m.index + 1
        if (!lines.has(m[1]!)) lines.set(m[1]!, line)
      }
    }
    return lines.get(guid)
  }
}

/** GUIDs compare case-insensitively and may be written in braces ({…}). */
export function guidKey(guid: string | undefined): string | undefined {
  return guid?.trim().replace(/^\{|\}$/g, '').toLowerCase()
}
