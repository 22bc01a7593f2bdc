import fc from 'fast-check'
import { HOSTILE_BYTES } from './hostile-values'

/** One change to a file's bytes, as data so a failing case prints what was done; positions wrap around the length. */
export type ByteOp =
  | { op: 'flip'; at: number; bit: number }
  | { op: 'insert'; at: number; bytes: number[] }
  | { op: 'delete'; at: number; length: number }
  | { op: 'truncate'; at: number }
  | { op: 'duplicate'; at: number; length: number }
  | { op: 'encode'; as: 'utf-16le' | 'latin1' }

export const byteOp: fc.Arbitrary<ByteOp> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat(7) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: fc.oneof(fc.constantFrom(...HOSTILE_BYTES), fc.array(fc.nat(255), { minLength: 1, maxLength: 8 })) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 256 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('encode' as const), as: fc.constantFrom('utf-16le' as const, 'latin1' as const) }) }
)

const wrap = (n: number, length: number) => (length === 0 ? 0 : n % length)

/** Applies byte changes in order; `encode` re-encodes the bytes read as UTF-8 (a BOM first for UTF-16). */
export function applyByteOps(bytes: Uint8Array, ops: readonly ByteOp[]): Uint8Array {
  return ops.reduce(applyByteOp, bytes)
}

function applyByteOp(b: Uint8Array, o: ByteOp): Uint8Array {
  const buf = Buffer.from(b)
  switch (o.op) {
    case 'flip': {
      if (buf.length === 0) return b
      const copy = Buffer.from(buf)
      const at = wrap(o.at, buf.length)
      copy[at] = copy[at]! ^ (1 << o.bit)
      return copy
    }
    case 'insert': {
      const at = wrap(o.at, buf.length + 1)
      return Buffer.concat([buf.subarray(0, at), Buffer.from(o.bytes), buf.subarray(at)])
    }
    case 'delete': {
      const at = wrap(o.at, buf.length + 1)
      return Buffer.concat([buf.subarray(0, at), buf.subarray(at + o.length)])
    }
    case 'truncate':
      return buf.subarray(0, wrap(o.at, buf.length + 1))
    case 'duplicate': {
      const at = wrap(o.at, buf.length + 1)
      return Buffer.concat([buf.subarray(0, at + o.length), buf.subarray(at)])
    }
    case 'encode': {
      const text = buf.toString('utf8')
      return o.as === 'latin1' ? Buffer.from(text, 'latin1') : Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    }
  }
}
