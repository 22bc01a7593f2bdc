import type { core } from 'zod'

type Issue = core.$ZodIssue

// zod's own wording ("Too big: expected string to have <=100 characters"); messages we wrote are already meant for users
const ZOD_WORDING = /^(Too (big|small)|Invalid|Unrecognized key)/
const TYPE_WORDS: Record<string, string> = { string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list', object: 'a set of fields', bigint: 'a whole number' }

const words = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase()
const singular = (w: string) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w)
const count = (n: number | bigint, one: string) => `${n} ${one}${Number(n) === 1 ? '' : 's'}`
const isMissing = (i: Issue) => i.code === 'invalid_type' && /received undefined$/.test(i.message)

/** The field a path names, in words: ["name"] of project.create is "The project name", ["fragments", 1, "end"] "The end of fragment 2". */
function fieldName(what: string, path: PropertyKey[]): string {
  const parts: string[] = []
  for (const p of path) {
    if (typeof p === 'number') {
      const previous = parts.pop()
      parts.push(previous ? `${singular(previous)} ${p + 1}` : `item ${p + 1}`)
    } else parts.push(words(String(p)))
  }
  if (parts.length === 0) return 'The input'
  const noun = singular(words(what.split(/[.:]/)[0] ?? ''))
  if (path.length === 1 && typeof path[0] === 'string' && noun && !parts[0]!.startsWith(noun)) return `The ${noun} ${parts[0]}`
  const phrase = parts.reverse().join(' of ')
  // "Fragment 2", not "The fragment 2"
  return /^\S+ \d+( |$)/.test(phrase) ? phrase[0]!.toUpperCase() + phrase.slice(1) : `The ${phrase}`
}

/** What is wrong, said after the field's name: "is too long: at most 100 characters". */
function problem(issue: Issue): string {
  switch (issue.code) {
    case 'too_big': {
      const { origin, maximum, inclusive } = issue
      if (origin === 'string') return `is too long: ${inclusive ? 'at most' : 'fewer than'} ${count(maximum, 'character')}`
      if (origin === 'array' || origin === 'set') return `list has too many items: ${inclusive ? 'at most' : 'fewer than'} ${maximum}`
      return `is too large: ${inclusive ? 'at most' : 'below'} ${maximum}`
    }
    case 'too_small': {
      const { origin, minimum, inclusive } = issue
      if (origin === 'string') return Number(minimum) <= 1 ? 'is empty' : `is too short: at least ${count(minimum, 'character')}`
      if (origin === 'array' || origin === 'set') return `list needs at least ${count(minimum, 'item')}`
      return `is too small: ${inclusive ? 'at least' : 'above'} ${minimum}`
    }
    case 'invalid_type':
      return isMissing(issue) ? 'is missing' : `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`
    case 'invalid_value':
      return `must be one of: ${issue.values.map((v) => String(v)).join(', ')}`
    case 'invalid_format':
      return issue.format === 'regex' ? 'does not have the expected form' : `is not a valid ${issue.format}`
    case 'unrecognized_keys':
      return `has fields Spanwise does not know: ${issue.keys.join(', ')}`
    default:
      return 'is not valid'
  }
}

/** One validation problem as a sentence naming the field: "The project name is too long: at most 100 characters." */
export function issueSentence(what: string, issue: Issue): string {
  if (issue.code === 'invalid_union') {
    // the alternative that got past its fields' presence says what is wrong; if none did, name what each needs
    const further = issue.errors.find((alternative) => alternative.some((i) => !isMissing(i)))
    if (further) return further.map((i) => issueSentence(what, i)).join(' ')
    const needs = issue.errors.map((alternative) => alternative.map((i) => words(String(i.path.at(-1) ?? ''))).join(' and '))
    return `${fieldName(what, issue.path)} needs a ${needs.join(' or a ')}.`
  }
  const field = fieldName(what, issue.path)
  if (!ZOD_WORDING.test(issue.message)) return `${field}: ${issue.message.replace(/\.$/, '')}.`
  return `${field} ${problem(issue)}.`
}
