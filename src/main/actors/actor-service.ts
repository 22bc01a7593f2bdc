import { randomUUID } from 'node:crypto'
import type { Actor, ActorSuggestion, User } from '../../shared/domain'
import { actorFields, actorPatch, actorRelationInput, aliasInput, type ActorFieldsInput, type ActorRelationInput, type AliasInput } from '../../shared/actors/actor-schema'
import { AppError } from '../../shared/errors'
import { matchKey } from '../../shared/text/fold-text'
import type { AnnotationSnapshot } from '../store/annotation-repository'
import type { Store } from '../store/store'
import { repointActor } from './repoint-actor'
import { quoted } from '../../shared/text/quoted'

const SUGGESTIONS = 8

/** The actor registry's actions: each one transaction, recorded in the change log (outside any undo stack). */
export class ActorService {
  constructor(private readonly store: Store) {}

  require(id: string): Actor {
    const actor = this.store.actors.get(id)
    if (!actor) throw new AppError('NOT_FOUND', `Actor ${id} does not exist in this project's registry.`)
    return actor
  }

  /**
   * Registry actors a name may refer to, matched by alias with accents, case and punctuation folded: exact
   * aliases first (ambiguous ones after), then aliases valid at the article's date, then the most mentioned.
   */
  suggest(text: string, date = ''): ActorSuggestion[] {
    const key = matchKey(text)
    if (key.length < 2) return []
    const best = new Map<string, { alias: string; exact: boolean; ambiguous: boolean; valid: boolean }>()
    for (const a of this.store.actors.aliasesMatching(key)) {
      const exact = a.matchKey === key
      if (!exact && !startsAWord(a.matchKey, key) && !holdsWords(key, a.matchKey)) continue
      const valid = date === '' || ((a.validFrom === '' || a.validFrom <= date) && (a.validTo === '' || date <= a.validTo))
      const candidate = { alias: a.alias, exact, ambiguous: a.ambiguous, valid }
      const current = best.get(a.actorId)
      if (!current || score(candidate) > score(current)) best.set(a.actorId, candidate)
    }
    return [...best.entries()]
      .map(([id, m]) => ({ actor: this.store.actors.get(id)!, ...m }))
      .sort((a, b) => score(b) - score(a) || b.actor.mentionCount - a.actor.mentionCount || a.actor.name.localeCompare(b.actor.name))
      .slice(0, SUGGESTIONS)
      .map((m) => ({ actor: m.actor, alias: m.alias, match: m.exact ? 'exact' : 'partial', ambiguous: m.ambiguous }))
  }

  /** A new actor, provisional until an analyst approves it; its name is its first alias unless aliases are given. */
  create(user: User, input: { fields: ActorFieldsInput; aliases?: AliasInput[] }): Actor {
    const fields = actorFields.parse(input.fields)
    const aliases = (input.aliases?.length ? input.aliases : [{ alias: fields.name }]).map((a) => aliasInput.parse(a))
    return this.store.db.transaction(() => {
      if (fields.parentId) this.require(fields.parentId)
      const id = randomUUID()
      this.store.actors.insert({ id, ...fields, status: 'provisional', createdBy: user.name })
      for (const a of aliases) this.addAliasChecked(id, a)
      const actor = this.store.actors.get(id)!
      this.log(user, 'create', id, null, actor, `create actor ${quoted(actor.name)}`)
      return actor
    })()
  }

  update(user: User, input: { id: string; fields: Partial<ActorFieldsInput>; status?: 'provisional' | 'approved' }): Actor {
    return this.store.db.transaction(() => {
      const before = this.live(input.id)
      const fields = actorFields.parse({ ...before, ...actorPatch.parse(input.fields) })
      if (fields.parentId) {
        // a parent chain that comes back to the actor would make the hierarchy endless
        for (let at: string | null = fields.parentId; at; at = this.require(at).parentId) {
          if (at === before.id) throw new AppError('VALIDATION', `${quoted(before.name)} cannot be its own parent or ancestor; choose another parent.`)
        }
      }
      this.store.actors.update(before.id, { ...fields, status: input.status ?? (before.status as 'provisional' | 'approved') })
      const after = this.store.actors.get(before.id)!
      this.log(user, 'update', before.id, before, after, input.status && input.status !== before.status ? `${input.status === 'approved' ? 'approve' : 'reopen'} actor ${quoted(after.name)}` : `edit actor ${quoted(after.name)}`)
      return after
    })()
  }

  addAlias(user: User, input: { actorId: string; alias: AliasInput }): Actor {
    return this.store.db.transaction(() => {
      const before = this.live(input.actorId)
      const alias = aliasInput.parse(input.alias)
      this.addAliasChecked(before.id, alias)
      const after = this.store.actors.get(before.id)!
      this.log(user, 'update', before.id, before, after, `add alias ${quoted(alias.alias)} to ${quoted(after.name)}`)
      return after
    })()
  }

  removeAlias(user: User, aliasId: number): Actor {
    return this.store.db.transaction(() => {
      const alias = this.store.actors.alias(aliasId)
      if (!alias) throw new AppError('NOT_FOUND', `Alias ${aliasId} does not exist (it may have been removed already).`)
      const before = this.live(alias.actorId)
      if (before.aliases.length === 1) throw new AppError('VALIDATION', `${quoted(alias.alias)} is the only name of ${quoted(before.name)}; add another alias before removing it.`)
      this.store.actors.removeAlias(aliasId)
      const after = this.store.actors.get(before.id)!
      this.log(user, 'update', before.id, before, after, `remove alias ${quoted(alias.alias)} from ${quoted(after.name)}`)
      return after
    })()
  }

  /**
   * Records that one actor is a splinter, successor or faction of, allied with, or renamed to another. The same
   * relation twice, or its reverse for a one-way relation (each a faction of the other), is refused.
   */
  addRelation(user: User, input: { actorId: string; relation: ActorRelationInput }): Actor {
    const relation = actorRelationInput.parse(input.relation)
    return this.store.db.transaction(() => {
      const before = this.live(input.actorId)
      const target = this.live(relation.to)
      const text = relation.type.replace(/_/g, ' ')
      if (target.id === before.id) throw new AppError('VALIDATION', `An actor cannot be ${text} itself; choose another actor.`)
      if (before.relations.some((r) => r.type === relation.type && r.to === target.id)) throw new AppError('VALIDATION', `${quoted(before.name)} is already recorded as ${text} ${quoted(target.name)}.`)
      if (target.relations.some((r) => r.type === relation.type && r.to === before.id)) {
        throw new AppError(
          'VALIDATION',
          relation.type === 'allied_with'
            ? `${quoted(target.name)} is already recorded as allied with ${quoted(before.name)}; an alliance is recorded once, on either side.`
            : `${quoted(target.name)} is already recorded as ${text} ${quoted(before.name)}; the two cannot each be ${text} the other. Remove that relation first if it was wrong.`
        )
      }
      this.store.actors.addRelation({ from: before.id, type: relation.type, to: target.id, date: relation.date })
      const after = this.store.actors.get(before.id)!
      this.log(user, 'update', before.id, before, after, `record ${quoted(before.name)} ${text} ${quoted(target.name)}${relation.date ? ` (${relation.date})` : ''}`)
      return after
    })()
  }

  /** Removes one recorded relation; the merged_into of a merge stays, as the tombstone's pointer. */
  removeRelation(user: User, input: { actorId: string; type: string; to: string }): Actor {
    return this.store.db.transaction(() => {
      const before = this.live(input.actorId)
      const text = input.type.replace(/_/g, ' ')
      const target = this.store.actors.get(input.to)
      if (input.type === 'merged_into' || !this.store.actors.removeRelation({ from: before.id, type: input.type, to: input.to }))
        throw new AppError('NOT_FOUND', `${quoted(before.name)} has no ${text} relation to ${quoted(target?.name ?? input.to)} to remove (it may have been removed already).`)
      const after = this.store.actors.get(before.id)!
      this.log(user, 'update', before.id, before, after, `remove ${quoted(before.name)} ${text} ${quoted(target?.name ?? input.to)}`)
      return after
    })()
  }

  /**
   * Merges `fromId` into `intoId`: every tag that refers to it is repointed, its aliases move over, and a
   * tombstone (status merged, merged_into) stays so old exports and change-log rows remain readable.
   */
  merge(user: User, input: { from: string; into: string }): Actor {
    if (input.from === input.into) throw new AppError('VALIDATION', 'An actor cannot be merged into itself; choose two different actors.')
    return this.store.db.transaction(() => {
      const from = this.live(input.from)
      const into = this.live(input.into)
      const description = `merge actor ${quoted(from.name)} into ${quoted(into.name)}`
      const at = new Date().toISOString()
      const actionId = randomUUID()
      for (const tagId of this.store.actors.mentioningTags(from.id)) {
        const before = this.store.annotations.snapshot(tagId)!
        const after: AnnotationSnapshot = { ...before, attributes: repointActor(before.attributes, from.id, into.id), updatedAt: at }
        this.store.annotations.write(after)
        this.store.changes.append({ actionId, at, annotatorId: user.id, articleId: before.articleId, entity: 'annotation', entityId: tagId, op: 'update', before, after, undoState: 'none', description })
      }
      this.store.actors.absorb(from.id, into.id)
      this.log(user, 'update', from.id, from, this.store.actors.get(from.id), description, actionId)
      const result = this.store.actors.get(into.id)!
      this.log(user, 'update', into.id, into, result, description, actionId)
      return result
    })()
  }

  private live(id: string): Actor {
    const actor = this.require(id)
    if (actor.mergedInto) {
      const target = this.store.actors.get(actor.mergedInto)
      throw new AppError('VALIDATION', `${quoted(actor.name)} was merged into ${quoted(target?.name ?? actor.mergedInto)}; use that actor instead.`)
    }
    return actor
  }

  // an alias that names another actor is refused unless the coder marks it ambiguous, so suggestions never mislead
  private addAliasChecked(actorId: string, alias: Required<AliasInput>): void {
    const key = matchKey(alias.alias)
    if (!key) throw new AppError('VALIDATION', `The alias ${quoted(alias.alias)} has no letters or digits to match on.`)
    const own = this.store.actors.get(actorId)?.aliases.find((a) => matchKey(a.alias) === key)
    if (own) throw new AppError('VALIDATION', `${quoted(alias.alias)} is already an alias of this actor (as ${quoted(own.alias)}).`)
    const clash = this.store.actors.aliasesWithKey(key, actorId)
    if (clash.length && !alias.ambiguous) {
      throw new AppError(
        'VALIDATION',
        `The alias ${quoted(alias.alias)} collides with ${quoted(clash[0]!.alias)}, an alias of ${clash.map((c) => quoted(c.actorName)).join(', ')}. If the name really is used for both, mark it ambiguous; otherwise link the mention to that actor.`,
        { collidesWith: clash.map((c) => c.actorId) }
      )
    }
    this.store.actors.addAlias(actorId, alias)
  }

  private log(user: User, op: 'create' | 'update', id: string, before: Actor | null, after: Actor | null, description: string, actionId = randomUUID()): void {
    this.store.ensureAnnotator(user)
    this.store.changes.append({ actionId, at: new Date().toISOString(), annotatorId: user.id, articleId: null, entity: 'actor', entityId: id, op, before, after, undoState: 'none', description })
  }
}

// typing "urab" finds "los urabenos": the typed name must start a word of the alias
function startsAWord(alias: string, typed: string): boolean {
  for (let at = alias.indexOf(typed); at !== -1; at = alias.indexOf(typed, at + 1)) if (at === 0 || alias[at - 1] === ' ') return true
  return false
}

// "the gulf clan" holds the alias "gulf clan" as whole words; "emcee" does not hold "emc"
function holdsWords(text: string, alias: string): boolean {
  for (let at = text.indexOf(alias); at !== -1; at = text.indexOf(alias, at + 1)) {
    const end = at + alias.length
    if ((at === 0 || text[at - 1] === ' ') && (end === text.length || text[end] === ' ')) return true
  }
  return false
}

function score(m: { exact: boolean; ambiguous: boolean; valid: boolean }): number {
  return (m.exact ? 4 : 0) + (m.ambiguous ? 0 : 2) + (m.valid ? 1 : 0)
}
