import fc from 'fast-check'
import { hostileString } from './hostile-values'

/** One change to a JSON value, as data; `k`/`j` pick among the value's paths (the root included), wrapping around. */
export type JsonOp =
  | { op: 'set'; k: number; value: unknown }
  | { op: 'delete'; k: number }
  | { op: 'duplicate'; k: number }
  | { op: 'swap'; k: number; j: number }
  | { op: 'rename'; k: number; key: string }
  | { op: 'deep'; k: number; depth: number; open: '[' | '{' }

/** Values of the wrong type or range for almost any field. */
const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(null, true, false, 0, -1, -0.5, 1.5, 1e308, -1e308, 2 ** 53 + 2, 2 ** 32, '', [], {}, [null], { '': null }, '0', '1e400') },
  { weight: 2, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.integer() }
)

export const jsonOp: fc.Arbitrary<JsonOp> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('set' as const), k: fc.nat(), value: hostileJson }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), k: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicate' as const), k: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('swap' as const), k: fc.nat(), j: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rename' as const), k: fc.nat(), key: fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf', '', 'id', 'text', 'label', 'start', 'end') }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deep' as const), k: fc.nat(), depth: fc.constantFrom(64, 2000, 100_000), open: fc.constantFrom('[' as const, '{' as const) }) }
)

type Path = (string | number)[]
const DEEP = (depth: number, open: string) => `@@deep-${depth}-${open}@@`

/** Applies JSON changes to a copy of `value` and returns its JSON text (one line). */
export function applyJsonOps(value: unknown, ops: readonly JsonOp[]): string {
  let root: unknown = JSON.parse(JSON.stringify(value ?? null))
  for (const o of ops) root = applyJsonOp(root, o)
  // nesting is spliced into the text: building it as a value would overflow the stack of JSON.stringify itself
  return JSON.stringify(root).replace(/"@@deep-(\d+)-([[{])@@"/g, (_m, n: string, open: string) => {
    const depth = Number(n)
    return open === '[' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
  })
}

function applyJsonOp(root: unknown, o: JsonOp): unknown {
  const paths = pathsOf(root)
  const path = paths[o.k % paths.length]!
  switch (o.op) {
    case 'set':
      return setAt(root, path, o.value)
    case 'deep':
      return setAt(root, path, DEEP(o.depth, o.open))
    case 'delete': {
      if (path.length === 0) return root
      const parent = getAt(root, path.slice(0, -1)) as Record<string | number, unknown> | unknown[]
      if (Array.isArray(parent)) parent.splice(path.at(-1) as number, 1)
      else delete parent[path.at(-1)!]
      return root
    }
    case 'duplicate': {
      const parent = path.length ? getAt(root, path.slice(0, -1)) : null
      if (!Array.isArray(parent)) return root
      parent.splice(path.at(-1) as number, 0, JSON.parse(JSON.stringify(parent[path.at(-1) as number] ?? null)))
      return root
    }
    case 'swap': {
      const other = paths[o.j % paths.length]!
      // a path inside the other would make the swap circular
      if (isPrefix(path, other) || isPrefix(other, path)) return root
      const [a, b] = [getAt(root, path), getAt(root, other)]
      return setAt(setAt(root, path, b), other, a)
    }
    case 'rename': {
      if (path.length === 0) return root
      const parent = getAt(root, path.slice(0, -1))
      if (!parent || typeof parent !== 'object' || Array.isArray(parent)) return root
      const obj = parent as Record<string, unknown>
      const key = path.at(-1) as string
      const v = obj[key]
      delete obj[key]
      Object.defineProperty(obj, o.key, { value: v, enumerable: true, configurable: true, writable: true })
      return root
    }
  }
}

/** Every path in the value, depth first, at most 5000. */
function pathsOf(root: unknown): Path[] {
  const out: Path[] = []
  const walk = (v: unknown, path: Path) => {
    if (out.length >= 5000) return
    out.push(path)
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]))
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k])
  }
  walk(root, [])
  return out
}

function getAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root)
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, unknown>
  Object.defineProperty(parent, path.at(-1)!, { value, enumerable: true, configurable: true, writable: true })
  return root
}

const isPrefix = (a: Path, b: Path) => a.length <= b.length && a.every((k, i) => b[i] === k)
