/** An argument of an event or relation: `Role:ID`. */
export interface AnnArgument {
  role: string
  ref: string
}

/** One parsed .ann line, still with the file's ids; `line` is 1-based. */
export type AnnRecord =
  | { kind: 'T'; id: string; type: string; spans: { start: number; end: number }[]; text?: string; line: number }
  | { kind: 'E'; id: string; type: string; trigger: string; args: AnnArgument[]; line: number }
  | { kind: 'R'; id: string; type: string; args: AnnArgument[]; line: number }
  | { kind: 'A'; id: string; name: string; target: string; value?: string; line: number }
  | { kind: 'N'; id: string; type: string; target: string; db: string; dbId: string; text: string; line: number }
  | { kind: '#'; id: string; type: string; target: string; text: string; line: number }
  | { kind: '*'; type: string; members: string[]; line: number }

const SPAN = /^(\d+) (\d+)$/
const ARG = /^([^:\s]+):(\S+)$/

/**
 * Parses brat standoff (brat.nlplab.org/standoff.html) line by line. A line that does not parse is passed to
 * `bad` with its number and what is wrong, and skipped; blank lines are ignored.
 */
export function parseAnn(text: string, bad: (line: number, message: string) => void): AnnRecord[] {
  const records: AnnRecord[] = []
  const lines = text.split('\n')
  for (const [i, raw] of lines.entries()) {
    const line = i + 1
    const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (content.trim() === '') continue
    const tab = content.indexOf('\t')
    if (tab <= 0) {
      bad(line, `expected an id, a tab and the annotation (like "T1<TAB>Person 0 5<TAB>Alice"), found "${clip(content)}"`)
      continue
    }
    const id = content.slice(0, tab)
    const rest = content.slice(tab + 1)
    const record = parseRecord(id, rest, line)
    if (typeof record === 'string') bad(line, record)
    else records.push(record)
  }
  return records
}

function parseRecord(id: string, rest: string, line: number): AnnRecord | string {
  const second = rest.indexOf('\t')
  const body = (second === -1 ? rest : rest.slice(0, second)).trim()
  const tail = second === -1 ? undefined : rest.slice(second + 1)
  const fields = body.split(/ +/)
  switch (id[0]) {
    case 'T': {
      const space = body.indexOf(' ')
      if (space <= 0) return `${id}: expected "Type start end" after the id, found "${clip(body)}"`
      const spans: { start: number; end: number }[] = []
      for (const part of body.slice(space + 1).split(';')) {
        const m = SPAN.exec(part.trim())
        if (!m) return `${id}: "${clip(part)}" is not a "start end" pair of whole numbers (fragments are separated by ";")`
        const [start, end] = [Number(m[1]), Number(m[2])]
        if (end < start) return `${id}: the fragment ${start} ${end} ends before it starts`
        spans.push({ start, end })
      }
      return { kind: 'T', id, type: body.slice(0, space), spans, text: tail, line }
    }
    case 'E': {
      const [trigger, ...args] = fields.map((f) => ARG.exec(f))
      if (!trigger) return `${id}: expected "Type:T<n>" (the trigger) after the id, found "${clip(body)}"`
      const bad = args.findIndex((a) => !a)
      if (bad !== -1) return `${id}: argument "${fields[bad + 1]}" is not "Role:ID"`
      return { kind: 'E', id, type: trigger[1]!, trigger: trigger[2]!, args: args.map((a) => ({ role: a![1]!, ref: a![2]! })), line }
    }
    case 'R': {
      const args = fields.slice(1).map((f) => ARG.exec(f))
      if (fields.length !== 3 || args.some((a) => !a)) return `${id}: expected "Type Arg1:<id> Arg2:<id>", found "${clip(body)}"`
      return { kind: 'R', id, type: fields[0]!, args: args.map((a) => ({ role: a![1]!, ref: a![2]! })), line }
    }
    case 'A':
    case 'M': {
      if (fields.length < 2 || fields.length > 3) return `${id}: expected "Name <id>" or "Name <id> Value", found "${clip(body)}"`
      return { kind: 'A', id, name: fields[0]!, target: fields[1]!, value: fields[2], line }
    }
    case 'N': {
      const ref = fields.length === 3 ? ARG.exec(fields[2]!) : null
      if (!ref) return `${id}: expected "Reference <id> Database:ID<TAB>text", found "${clip(body)}"`
      return { kind: 'N', id, type: fields[0]!, target: fields[1]!, db: ref[1]!, dbId: ref[2]!, text: tail ?? '', line }
    }
    case '#': {
      if (fields.length !== 2) return `${id}: expected "AnnotatorNotes <id><TAB>text", found "${clip(body)}"`
      return { kind: '#', id, type: fields[0]!, target: fields[1]!, text: tail ?? '', line }
    }
    case '*': {
      if (fields.length < 3) return `equivalence: expected "Type <id> <id>…" with at least two ids, found "${clip(body)}"`
      return { kind: '*', type: fields[0]!, members: fields.slice(1), line }
    }
    default:
      return `"${clip(id)}" is not a brat id: ids start with T, E, R, A, M, N, # or * (as in T1, E1, R1, A1, N1, #1)`
  }
}

const clip = (s: string) => (s.length > 60 ? `${Array.from(s).slice(0, 60).join('')}…` : s)
