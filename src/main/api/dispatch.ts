import { ZodError } from 'zod'
import { contract } from '../../shared/contract'
import { AppError, type ErrorShape, type Result } from '../../shared/errors'
import { METHOD_NAMES, type MethodName } from '../../shared/method-names'
import type { Handlers } from './handlers'
import { issueSentence } from './issue-sentence'

const KNOWN = new Set<string>(METHOD_NAMES)

/** Fails at start-up if the contract, the method list and the handlers disagree. */
export function assertComplete(handlers: Handlers): void {
  const contractNames = Object.keys(contract).sort()
  const listed = [...METHOD_NAMES].sort()
  const handled = Object.keys(handlers).sort()
  if (new Set(METHOD_NAMES).size !== METHOD_NAMES.length) throw new Error('METHOD_NAMES lists a method twice')
  for (const [what, names] of [['contract', contractNames], ['handlers', handled]] as const) {
    const missing = listed.filter((n) => !names.includes(n))
    const extra = names.filter((n) => !KNOWN.has(n))
    if (missing.length || extra.length) throw new Error(`${what} out of sync with METHOD_NAMES: missing [${missing}] extra [${extra}]`)
  }
}

/** The one entry for every front door: checks the method, parses the input, runs it, and wraps the outcome. */
export async function dispatch(handlers: Handlers, method: string, rawInput: unknown, log: (e: unknown) => void = console.error): Promise<Result<unknown>> {
  if (!KNOWN.has(method)) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `There is no method called "${method}".` } }
  const name = method as MethodName
  const parsed = contract[name].input.safeParse(rawInput ?? {})
  if (!parsed.success) return { ok: false, error: validationError(name, parsed.error) }
  try {
    const handler = handlers[name] as (input: unknown) => unknown
    return { ok: true, value: await handler(parsed.data) }
  } catch (error) {
    return { ok: false, error: toErrorShape(error, log) }
  }
}

export function toErrorShape(error: unknown, log: (e: unknown) => void = console.error): ErrorShape {
  if (error instanceof AppError) return error.toShape()
  log(error)
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'INTERNAL', message: `Something went wrong inside Spanwise (${message}); nothing was changed.` }
}

/** A VALIDATION error: one sentence per problem naming the field, and each problem by its path in the input of `what` (a method or channel name). */
export function validationError(what: string, error: ZodError): ErrorShape {
  const issues = error.issues.map((i) => ({ path: i.path.join('.') || '(input)', message: i.message }))
  return {
    code: 'VALIDATION',
    message: error.issues.map((i) => issueSentence(what, i)).join(' '),
    details: issues
  }
}
