import type { BratAnnotationConf } from '../../src/main/import/annotated/brat/parse-annotation-conf'

interface Line {
  id: string
  fields: string[]
  text: string
}

/** A deliberately separate, minimal .ann reader for tests, so the writer is not checked by its own reader. */
function lines(ann: string): Line[] {
  return ann
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [id, body, ...text] = l.split('\t')
      return { id: id!, fields: body!.trim().split(/ +/), text: text.join('\t') }
    })
}

const bareRole = (role: string) => /^(.*?)\d*$/.exec(role)![1]!

/**
 * What a .ann file states, as sorted strings independent of ids and line order: spans with type and text,
 * events (trigger + arguments by role), relations, attributes, normalisations and notes. Equivalences are stated
 * as links from their first member, which is how the reader carries them; notes on relations are left out.
 */
export function annFacts(ann: string): { facts: string[]; types: Map<string, string> } {
  const all = lines(ann)
  const byId = new Map(all.map((l) => [l.id, l]))
  const types = new Map<string, string>()
  const desc = (id: string): string => {
    const l = byId.get(id)
    if (!l) return `?${id}`
    if (id.startsWith('T')) return `${l.fields[0]} ${l.fields.slice(1).join(' ')} "${l.text}"`
    if (id.startsWith('E')) return `event(${desc(l.fields[0]!.split(':')[1]!)})`
    return `${id[0]}(${l.fields.join(' ')})`
  }
  const facts: string[] = []
  for (const l of all) {
    const kind = l.id[0]
    if (kind === 'T') {
      facts.push(`span ${desc(l.id)}`)
      types.set(l.id, l.fields[0]!)
    } else if (kind === 'E') {
      const [type, trigger] = l.fields[0]!.split(':') as [string, string]
      types.set(l.id, type)
      const args = l.fields.slice(1).map((a) => a.split(':') as [string, string])
      facts.push(`event ${type} ${desc(trigger)} [${args.map(([r, ref]) => `${bareRole(r)}=${desc(ref)}`).sort().join(', ')}]`)
    } else if (kind === 'R') {
      const [a, b] = l.fields.slice(1).map((f) => f.split(':')[1]!) as [string, string]
      facts.push(`link ${l.fields[0]} ${desc(a)} -> ${desc(b)}`)
    } else if (kind === '*') {
      const [first, ...others] = l.fields.slice(1)
      for (const o of others) facts.push(`link ${l.fields[0]} ${desc(first!)} -> ${desc(o)}`)
    } else if (kind === 'A' || kind === 'M') {
      facts.push(`attribute ${l.fields[0]} ${desc(l.fields[1]!)} ${l.fields[2] ?? '(binary)'}`)
    } else if (kind === 'N') {
      facts.push(`reference ${l.fields[2]} ${desc(l.fields[1]!)} "${l.text}"`)
    } else if (kind === '#' && !l.fields[1]!.startsWith('R')) {
      facts.push(`note ${desc(l.fields[1]!)} "${l.text}"`)
    }
  }
  return { facts: facts.sort(), types }
}

/** What brat's verify_annotations.py would object to in `ann` under `conf` (types, roles, argument types and counts, attributes). */
export function confViolations(ann: string, conf: BratAnnotationConf): string[] {
  const { types } = annFacts(ann)
  const entities = new Set(conf.entities.filter((t) => !t.abstract).map((t) => t.name))
  const events = new Map(conf.events.filter((t) => !t.abstract).map((t) => [t.name, t]))
  const relations = new Map(conf.relations.map((t) => [t.name, t]))
  const allows = (allowed: string[], type: string) =>
    allowed.includes(type) || (allowed.includes('<EVENT>') && events.has(type)) || (allowed.includes('<ENTITY>') && entities.has(type)) || allowed.includes('<ANY>')
  const out: string[] = []
  for (const l of lines(ann)) {
    const kind = l.id[0]
    if (kind === 'T' && !entities.has(l.fields[0]!) && !events.has(l.fields[0]!)) out.push(`${l.id}: type ${l.fields[0]} is not declared`)
    if (kind === 'E') {
      const type = l.fields[0]!.split(':')[0]!
      const decl = events.get(type)
      if (!decl) {
        out.push(`${l.id}: event type ${type} is not declared`)
        continue
      }
      const counts = new Map<string, number>()
      for (const [role, ref] of l.fields.slice(1).map((a) => a.split(':') as [string, string])) {
        const arg = decl.args.find((a) => a.role === bareRole(role))
        counts.set(bareRole(role), (counts.get(bareRole(role)) ?? 0) + 1)
        if (!arg) out.push(`${l.id}: ${type} cannot take a ${bareRole(role)} argument`)
        else if (!allows(arg.types, types.get(ref)!)) out.push(`${l.id}: ${bareRole(role)} cannot be of type ${types.get(ref)}`)
      }
      for (const [role, n] of counts) {
        const card = decl.args.find((a) => a.role === role)?.cardinality ?? ''
        if (n > 1 && card !== '*' && card !== '+' && !/^\{/.test(card)) out.push(`${l.id}: ${type} cannot take multiple ${role} arguments`)
      }
    }
    if (kind === 'R') {
      const decl = relations.get(l.fields[0]!)
      const [a, b] = l.fields.slice(1).map((f) => types.get(f.split(':')[1]!)!)
      if (!decl) out.push(`${l.id}: relation ${l.fields[0]} is not declared`)
      else if (!allows(decl.args[0]!.types, a!) || !allows(decl.args[1]!.types, b!)) out.push(`${l.id}: ${l.fields[0]} not allowed between ${a} and ${b}`)
    }
    if (kind === 'A' || kind === 'M') {
      const decl = conf.attributes.find((a) => a.name === l.fields[0])
      const target = types.get(l.fields[1]!)!
      if (!decl) out.push(`${l.id}: attribute ${l.fields[0]} is not declared`)
      else if (!allows(decl.targets, target)) out.push(`${l.id}: ${l.fields[0]} cannot attach to ${target}`)
      else if (decl.values ? !decl.values.includes(l.fields[2] ?? '') : l.fields[2] !== undefined) out.push(`${l.id}: value ${l.fields[2]} not allowed for ${l.fields[0]}`)
    }
  }
  return out
}
