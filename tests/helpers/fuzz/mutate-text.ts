import fc from 'fast-check'
import { HOSTILE_NUMBERS, hostileString } from './hostile-values'

/** One change to a text file, as data so a failing case prints what was done; positions wrap around the text's length. */
export type TextOp =
  | { op: 'number'; k: number; value: string }
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'duplicateLine'; k: number }
  | { op: 'dropLine'; k: number }
  | { op: 'swapLines'; i: number; j: number }
  | { op: 'swapFields'; k: number; i: number; j: number; separator: string }
  | { op: 'truncate'; at: number }
  | { op: 'repeat'; at: number; length: number; times: number }
  | { op: 'lineBreaks'; to: '\r\n' | '\r' }
  | { op: 'normalize'; form: 'NFD' | 'NFKD' }
  | { op: 'bom' }

export const textOp: fc.Arbitrary<TextOp> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('number' as const), k: fc.nat(), value: fc.constantFrom(...HOSTILE_NUMBERS) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: hostileString }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicateLine' as const), k: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('dropLine' as const), k: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('swapLines' as const), i: fc.nat(), j: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('swapFields' as const), k: fc.nat(), i: fc.nat(), j: fc.nat(), separator: fc.constantFrom('\t', ' ', ',', ':', '"') }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 30 }), times: fc.constantFrom(2, 50, 2000) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('lineBreaks' as const), to: fc.constantFrom('\r\n' as const, '\r' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('normalize' as const), form: fc.constantFrom('NFD' as const, 'NFKD' as const) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'bom' as const }) }
)

const wrap = (n: number, length: number) => (length === 0 ? 0 : n % length)

/** Applies text changes in order. */
export function applyTextOps(text: string, ops: readonly TextOp[]): string {
  return ops.reduce(applyTextOp, text)
}

function applyTextOp(text: string, o: TextOp): string {
  const lines = () => text.split('\n')
  switch (o.op) {
    case 'number': {
      const runs = [...text.matchAll(/\d+/g)]
      if (runs.length === 0) return text
      const m = runs[wrap(o.k, runs.length)]!
      return text.slice(0, m.index) + o.value + text.slice(m.index + m[0].length)
    }
    case 'insert': {
      const at = wrap(o.at, text.length + 1)
      return text.slice(0, at) + o.text + text.slice(at)
    }
    case 'delete': {
      const at = wrap(o.at, text.length + 1)
      return text.slice(0, at) + text.slice(at + o.length)
    }
    case 'duplicateLine': {
      const ls = lines()
      const k = wrap(o.k, ls.length)
      ls.splice(k, 0, ls[k]!)
      return ls.join('\n')
    }
    case 'dropLine': {
      const ls = lines()
      ls.splice(wrap(o.k, ls.length), 1)
      return ls.join('\n')
    }
    case 'swapLines': {
      const ls = lines()
      const [i, j] = [wrap(o.i, ls.length), wrap(o.j, ls.length)]
      ;[ls[i], ls[j]] = [ls[j]!, ls[i]!]
      return ls.join('\n')
    }
    case 'swapFields': {
      const ls = lines()
      const k = wrap(o.k, ls.length)
      const fields = ls[k]!.split(o.separator)
      const [i, j] = [wrap(o.i, fields.length), wrap(o.j, fields.length)]
      ;[fields[i], fields[j]] = [fields[j]!, fields[i]!]
      ls[k] = fields.join(o.separator)
      return ls.join('\n')
    }
    case 'truncate':
      return text.slice(0, wrap(o.at, text.length + 1))
    case 'repeat': {
      const at = wrap(o.at, text.length + 1)
      const piece = text.slice(at, at + o.length)
      return text.slice(0, at) + piece.repeat(o.times) + text.slice(at)
    }
    case 'lineBreaks':
      return text.replace(/\r?\n/g, o.to)
    case 'normalize':
      return text.normalize(o.form)
    case 'bom':
      return `\uFEFF${text}`
  }
}
