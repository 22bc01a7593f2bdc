import fc from 'fast-check'
import { applyByteOps, byteOp, type ByteOp } from './mutate-bytes'
import { applyJsonOps, jsonOp, type JsonOp } from './mutate-json'
import { applyTextOps, textOp, type TextOp } from './mutate-text'

/** A set of files by relative path, as a fixture folder or a zip archive holds them. */
export type Files = Record<string, Uint8Array>

/** One change to one file of a set: its text, its bytes, its JSON (the whole file, or line `line` of a JSONL file), removal, or arbitrary content. */
export type FileChange =
  | { kind: 'text'; ops: TextOp[] }
  | { kind: 'bytes'; ops: ByteOp[] }
  | { kind: 'json'; line: number; ops: JsonOp[] }
  | { kind: 'remove' }
  | { kind: 'replace'; content: Uint8Array }

export type FilesMutation = { file: number; change: FileChange }[]

const change: fc.Arbitrary<FileChange> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('text' as const), ops: fc.array(textOp, { minLength: 1, maxLength: 3 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('bytes' as const), ops: fc.array(byteOp, { minLength: 1, maxLength: 3 }) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('json' as const), line: fc.nat(), ops: fc.array(jsonOp, { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'remove' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace' as const), content: fc.uint8Array({ maxLength: 64 }) }) }
)

/** One or two changes to files of a set (which file is chosen by index, wrapping around the set). */
export const filesMutation: fc.Arbitrary<FilesMutation> = fc.array(fc.record({ file: fc.nat(), change }), { minLength: 1, maxLength: 2 })

/** The set after the changes; `only` limits them to the files it accepts (e.g. only the files a format reads). */
export function applyFilesMutation(files: Files, mutation: FilesMutation, only: (name: string) => boolean = () => true): Files {
  const out: Files = { ...files }
  for (const { file, change } of mutation) {
    const names = Object.keys(out).filter(only).sort()
    if (names.length === 0) break
    const name = names[file % names.length]!
    if (change.kind === 'remove') delete out[name]
    else out[name] = changeFile(out[name]!, change)
  }
  return out
}

/** One file after one change; a JSON change to a file that is not JSON (nor JSONL) leaves it as it is. */
export function changeFile(bytes: Uint8Array, change: Exclude<FileChange, { kind: 'remove' }>): Uint8Array {
  switch (change.kind) {
    case 'text':
      return Buffer.from(applyTextOps(Buffer.from(bytes).toString('utf8'), change.ops), 'utf8')
    case 'bytes':
      return applyByteOps(bytes, change.ops)
    case 'replace':
      return change.content
    case 'json':
      return Buffer.from(changeJson(Buffer.from(bytes).toString('utf8'), change.line, change.ops), 'utf8')
  }
}

function changeJson(text: string, line: number, ops: JsonOp[]): string {
  try {
    return changeJsonValue(text, line, ops)
  } catch (error) {
    // a value an earlier change nested too deeply for JSON.stringify is left as it is
    if (error instanceof RangeError) return text
    throw error
  }
}

function changeJsonValue(text: string, line: number, ops: JsonOp[]): string {
  const whole = tryParse(text)
  if (whole.ok) return applyJsonOps(whole.value, ops)
  const lines = text.split('\n')
  const parsed = lines.map((l, i) => ({ i, r: tryParse(l) })).filter((x) => x.r.ok)
  if (parsed.length === 0) return text
  const pick = parsed[line % parsed.length]!
  lines[pick.i] = applyJsonOps((pick.r as { value: unknown }).value, ops)
  return lines.join('\n')
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}
