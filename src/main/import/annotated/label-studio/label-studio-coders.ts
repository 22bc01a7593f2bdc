import { jsonValueText } from '../../../../shared/text/json-value-text'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v)
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '')
const isUserId = (v: unknown): v is number | string => (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && /^\d+$/.test(v.trim()))

/**
 * Names Label Studio's coders as helpfully as the file allows: first and last name, else email, else
 * "Label Studio user <id>". Exports often carry only the numeric user id in `completed_by`, the name or email
 * elsewhere (a `completed_by` object, `created_username` " ana@x.org, 14"), so a whole file is read first and
 * every mention of a user gets the best name found. Coders are named, not given ids, as the doccano reader does:
 * an import then joins the layer of the project's coder of that name.
 */
export class LabelStudioCoders {
  private readonly best = new Map<string, { name: string; rank: number }>()

  /** Learns the names the tasks give their users, anywhere in the file. */
  learn(tasks: unknown[]): void {
    for (const task of tasks) {
      if (!isObj(task)) continue
      for (const entry of [task['annotations'], task['completions']].flatMap((l) => (Array.isArray(l) ? l : []))) {
        if (!isObj(entry)) continue
        const by = entry['completed_by']
        if (isObj(by) && isUserId(by['id'])) this.offer(by['id'], by['first_name'], by['last_name'], by['email'])
        const created = /^(.*?),\s*(\d+)\s*$/.exec(text(entry['created_username']))
        if (created) {
          // "<first> <last> <email>, <id>", with empty names left out
          const words = created[1]!.trim().split(/\s+/)
          const email = words.at(-1)?.includes('@') ? words.pop() : undefined
          this.offer(created[2]!, words.join(' '), '', email)
        }
      }
    }
  }

  /** The coder of an annotation's `completed_by`, or of a JSON_MIN task's `annotator` (an email or a user id). */
  of(who: unknown): { name: string } | undefined {
    if (isUserId(who)) return { name: this.nameOf(who) }
    if (typeof who === 'string' && who.trim()) return { name: who.trim() }
    if (!isObj(who)) return undefined
    if (isUserId(who['id'])) {
      this.offer(who['id'], who['first_name'], who['last_name'], who['email'])
      return { name: this.nameOf(who['id']) }
    }
    const name = [text(who['first_name']), text(who['last_name'])].filter(Boolean).join(' ') || text(who['email'])
    return name ? { name } : undefined
  }

  private nameOf(id: number | string): string {
    return this.best.get(String(id).trim())?.name ?? `Label Studio user ${jsonValueText(id).trim()}`
  }

  // a full name beats an email, which beats nothing; the first of equal rank stays
  private offer(id: number | string, first: unknown, last: unknown, email: unknown): void {
    const full = [text(first), text(last)].filter(Boolean).join(' ')
    const found = full ? { name: full, rank: 2 } : text(email) ? { name: text(email), rank: 1 } : null
    const key = String(id).trim()
    if (found && found.rank > (this.best.get(key)?.rank ?? 0)) this.best.set(key, found)
  }
}
