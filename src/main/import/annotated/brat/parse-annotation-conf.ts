/** An event or relation argument: role, cardinality marker (?, *, +, {2}) and the types it may point to. */
export interface BratConfArgument {
  role: string
  cardinality: string
  types: string[]
}

export interface BratConfType {
  name: string
  parent: string | null
  /** Declared with "!": a grouping node that cannot be annotated. */
  abstract: boolean
  args: BratConfArgument[]
  line: number
}

export interface BratConfAttribute {
  name: string
  /** The types (or <ENTITY>, <EVENT>) the attribute attaches to. */
  targets: string[]
  /** Allowed values; null for a binary attribute. */
  values: string[] | null
  line: number
}

export interface BratAnnotationConf {
  entities: BratConfType[]
  relations: BratConfType[]
  events: BratConfType[]
  attributes: BratConfAttribute[]
}

const SECTIONS = ['entities', 'relations', 'events', 'attributes'] as const
type Section = (typeof SECTIONS)[number]
const ROLE = /^(.+?)(\?|\*|\+|\{\d+(?:-\d+)?\})?$/

/**
 * Parses brat's annotation.conf (brat.nlplab.org/configuration.html): sections, tab-indented hierarchy, "!" abstract
 * types, <MACRO>=A|B definitions, `Role?:Type|Type` arguments and `Arg:…, Value:a|b` attributes. Option arguments
 * such as <REL-TYPE>:symmetric are skipped. Lines it cannot read go to `bad` with their number.
 */
export function parseAnnotationConf(text: string, bad: (line: number, message: string) => void = () => {}): BratAnnotationConf {
  const conf: BratAnnotationConf = { entities: [], relations: [], events: [], attributes: [] }
  const macros = new Map<string, string>()
  const expand = (types: string) => types.split('|').flatMap((t) => (macros.get(t.trim()) ?? t.trim()).split('|')).filter((t) => t !== '')
  let section: Section | null = null
  const parents: string[] = []
  for (const [i, raw] of text.split('\n').entries()) {
    const line = i + 1
    const content = raw.replace(/\r$/, '')
    const trimmed = content.trim()
    if (trimmed === '' || trimmed.startsWith('#')) continue
    const header = /^\[(\w+)\]$/.exec(trimmed)
    if (header) {
      section = (SECTIONS as readonly string[]).includes(header[1]!) ? (header[1] as Section) : null
      if (!section) bad(line, `unknown section [${header[1]}]; brat knows [${SECTIONS.join('], [')}]`)
      parents.length = 0
      continue
    }
    const macro = /^(<[^>]+>)\s*=\s*(.+)$/.exec(trimmed)
    if (macro) {
      macros.set(macro[1]!, expand(macro[2]!).join('|'))
      continue
    }
    if (!section) {
      bad(line, 'this line is outside any section; put it under [entities], [relations], [events] or [attributes]')
      continue
    }
    const [name, ...restParts] = trimmed.split(/\s+/)
    const rest = restParts.join(' ')
    if (section === 'attributes') {
      const fields = new Map(rest.split(',').map((f) => f.trim().split(':') as [string, string?]).map(([k, v]) => [k, v ?? ''] as const))
      if (!fields.has('Arg')) bad(line, `attribute ${name} has no "Arg:" saying what it attaches to`)
      const values = fields.get('Value')
      conf.attributes.push({ name: name!, targets: expand(fields.get('Arg') ?? ''), values: values === undefined ? null : values.split('|'), line })
      continue
    }
    if (name!.startsWith('<')) continue
    const depth = /^\t*/.exec(content)![0].length
    parents.length = Math.min(parents.length, depth)
    const abstract = name!.startsWith('!')
    const typeName = abstract ? name!.slice(1) : name!
    const args: BratConfArgument[] = []
    for (const part of rest === '' ? [] : rest.split(',')) {
      const colon = part.indexOf(':')
      const role = part.slice(0, colon).trim()
      if (colon <= 0) bad(line, `"${part.trim()}" in ${typeName} is not "Role:Type"`)
      else if (!role.startsWith('<')) {
        const m = ROLE.exec(role)!
        args.push({ role: m[1]!, cardinality: m[2] ?? '', types: expand(part.slice(colon + 1)) })
      }
    }
    conf[section].push({ name: typeName, parent: parents[depth - 1] ?? null, abstract, args, line })
    parents[depth] = typeName
  }
  return conf
}
