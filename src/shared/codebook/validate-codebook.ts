import type { z } from 'zod'
import { type Codebook, codebookSchema } from './codebook-schema'
import { quoted } from '../text/quoted'

/** One problem in a codebook: where (a JSON path such as labels[1].attributes[0].key) and what. */
export interface CodebookProblem {
  path: string
  message: string
}

export type CodebookCheck = { ok: true; codebook: Codebook } | { ok: false; problems: CodebookProblem[] }

function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '') || '(root)'
}

/** Letter keys the workbench itself uses while coding or reviewing: a label on one would shadow it. */
const RESERVED_KEYS: Record<string, string> = {
  l: 'linking the selected tag',
  n: 'the next disagreement in a review',
  p: 'the previous disagreement in a review'
}

function zodProblems(error: z.ZodError): CodebookProblem[] {
  return error.issues.map((i) => ({ path: pathOf(i.path), message: i.message }))
}

/**
 * Checks a codebook's shape and meaning: unique names, hotkeys and keys, parents that exist and form no
 * cycle, choice lists for choice attributes, sub-types whose parent is a value of the attribute they depend
 * on, relations and rules that name existing labels and attributes. Reports every problem with its path.
 */
export function validateCodebook(input: unknown): CodebookCheck {
  const parsed = codebookSchema.safeParse(input)
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) }
  const cb = parsed.data
  const problems: CodebookProblem[] = []
  const add = (path: string, message: string) => problems.push({ path, message })
  const labels = new Map(cb.labels.map((l) => [l.name.toLowerCase(), l]))

  const seenNames = new Map<string, number>()
  const seenKeys = new Map<string, number>()
  cb.labels.forEach((label, i) => {
    const at = `labels[${i}]`
    const lower = label.name.toLowerCase()
    if (seenNames.has(lower)) add(`${at}.name`, `the label name ${quoted(label.name)} is already used by labels[${seenNames.get(lower)}]`)
    else seenNames.set(lower, i)
    if (label.hotkey) {
      if (Object.hasOwn(RESERVED_KEYS, label.hotkey)) add(`${at}.hotkey`, `${quoted(label.hotkey)} is the key for ${RESERVED_KEYS[label.hotkey]}; choose another key`)
      else if (seenKeys.has(label.hotkey)) add(`${at}.hotkey`, `hotkey ${quoted(label.hotkey)} is already used by ${cb.labels[seenKeys.get(label.hotkey)!]!.name}; choose another key`)
      else seenKeys.set(label.hotkey, i)
    }
    if (label.parent !== null) {
      if (!labels.has(label.parent.toLowerCase())) add(`${at}.parent`, `the parent label ${quoted(label.parent)} does not exist`)
      else {
        // walk up the parents: a label met twice means a cycle
        const chain = [label.name]
        for (let p: string | null = label.parent; p !== null; p = labels.get(p.toLowerCase())?.parent ?? null) {
          if (chain.some((c) => c.toLowerCase() === p!.toLowerCase())) {
            add(`${at}.parent`, `circular parents: ${[...chain, p].join(' → ')}`)
            break
          }
          chain.push(p)
        }
      }
    }
    const attrKeys = new Set<string>()
    label.attributes.forEach((attr, j) => {
      const ap = `${at}.attributes[${j}]`
      if (attrKeys.has(attr.key)) add(`${ap}.key`, `the attribute key ${quoted(attr.key)} appears twice in ${label.name}`)
      attrKeys.add(attr.key)
      const isChoice = attr.type === 'single' || attr.type === 'multi'
      if (isChoice && !attr.values?.length) add(`${ap}.values`, `a ${attr.type === 'single' ? 'single' : 'multiple'}-choice attribute needs a list of allowed values`)
      if (!isChoice && attr.values) add(`${ap}.values`, `only single- and multiple-choice attributes have allowed values (this one is ${attr.type})`)
      const values = new Set<string>()
      attr.values?.forEach((v, k) => {
        if (values.has(v.value)) add(`${ap}.values[${k}].value`, `the value ${quoted(v.value)} appears twice`)
        values.add(v.value)
      })
      if (attr.min !== undefined && attr.max !== undefined && attr.min > attr.max) add(`${ap}.min`, `min (${attr.min}) is above max (${attr.max})`)
      if (attr.targetLabels && attr.type !== 'tag') add(`${ap}.targetLabels`, 'only tag references have target labels')
      attr.targetLabels?.forEach((t, k) => labels.has(t.toLowerCase()) || add(`${ap}.targetLabels[${k}]`, `the label ${quoted(t)} does not exist`))
      if (attr.dependsOn !== undefined) {
        const parentAttr = label.attributes.find((a) => a.key === attr.dependsOn)
        if (!parentAttr) add(`${ap}.dependsOn`, `${label.name} has no attribute ${quoted(attr.dependsOn)}`)
        else {
          const allowed = new Set(parentAttr.values?.map((v) => v.value))
          attr.values?.forEach((v, k) => {
            if (v.parent === undefined) add(`${ap}.values[${k}].parent`, `${quoted(v.value)} needs a parent: one of the values of ${parentAttr.key}`)
            else if (!allowed.has(v.parent)) add(`${ap}.values[${k}].parent`, `${quoted(v.parent)} is not a value of ${parentAttr.key}`)
          })
        }
      }
    })
  })

  const relationTypes = new Map<string, number>()
  cb.relations.forEach((r, i) => {
    const at = `relations[${i}]`
    const id = `${r.from.toLowerCase()}/${r.type}`
    if (relationTypes.has(id)) add(`${at}.type`, `${r.from} already has a relation ${quoted(r.type)} (relations[${relationTypes.get(id)}])`)
    relationTypes.set(id, i)
    if (!labels.has(r.from.toLowerCase())) add(`${at}.from`, `the label ${quoted(r.from)} does not exist`)
    r.to.forEach((t, k) => labels.has(t.toLowerCase()) || add(`${at}.to[${k}]`, `the label ${quoted(t)} does not exist`))
  })

  cb.rules.forEach((rule, i) => {
    const at = `rules[${i}]`
    const label = labels.get(rule.label.toLowerCase())
    if (!label) return add(`${at}.label`, `the label ${quoted(rule.label)} does not exist`)
    const types: string[] = []
    for (const side of ['a', 'b'] as const) {
      const attr = label.attributes.find((a) => a.key === rule[side])
      if (!attr) add(`${at}.${side}`, `${label.name} has no attribute ${quoted(rule[side])}`)
      else if (attr.type !== 'date' && attr.type !== 'number') add(`${at}.${side}`, `${quoted(attr.key)} is ${attr.type}; only dates and numbers can be compared`)
      else types.push(attr.type)
    }
    // a date and a number never compare: the rule would never fire
    if (types.length === 2 && types[0] !== types[1]) add(`${at}.b`, `${quoted(rule.a)} is a ${types[0]} and ${quoted(rule.b)} a ${types[1]}; compare a date with a date, or a number with a number`)
  })
  return problems.length ? { ok: false, problems } : { ok: true, codebook: cb }
}
