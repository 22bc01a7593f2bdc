import { randomUUID } from 'node:crypto'
import type { Annotation, AnnotationStatus, Fragment, HistoryState, Mutation, User } from '../../shared/domain'
import type { AttributeDef } from '../../shared/codebook/codebook-schema'
import { linkProblem } from '../../shared/codebook/relation-rules'
import { validateAttributes } from '../../shared/codebook/validate-attributes'
import { AppError } from '../../shared/errors'
import { ArticleOffsets, checkRange, quoteRange, type CpRange } from '../../shared/offsets'
import type { AnnotationSnapshot } from '../store/annotation-repository'
import type { Store } from '../store/store'
import { checkFragments } from './check-fragments'
import { describeFragmentChange } from './describe-fragment-change'
import { foldableNoteEdit } from './foldable-note-edit'
import { plural } from '../../shared/plural'
import { repointActor } from '../actors/repoint-actor'
import { GOLD_LAYER, mayEdit } from '../../shared/review/layer-owner'
import { quoted } from '../../shared/text/quoted'
import { sameFragments } from '../../shared/review/same-fragments'
import { sameAttributes } from '../../shared/review/same-attributes'

const STATUS_WORDS: Record<AnnotationStatus, string> = {
  draft: 'as draft',
  submitted: 'submitted',
  accepted: 'accepted',
  rejected: 'rejected',
  changes_requested: 'as needing changes'
}

/** Tagging actions: each one transaction that writes the tag and its change-log rows together. */
export class AnnotationService {
  constructor(private readonly store: Store) {}

  create(
    user: User,
    input: { articleId: number; label: string; fragments: { start: number; end: number }[]; note?: string; attributes?: Record<string, unknown> }
  ): Mutation {
    const article = this.store.articles.get(input.articleId)
    if (!article) throw new AppError('NOT_FOUND', `Article ${input.articleId} does not exist in this project.`)
    this.store.codebooks.requireLabel(input.label)
    const fragments = checkFragments(new ArticleOffsets(article.text), input.fragments)
    const snapshot = newTag(user, article.id, input.label, fragments, input.attributes ?? {}, input.note ?? '', this.store.codebooks.currentVersion())
    const quote = snapshot.fragments.map((f) => f.quote).join(' … ')
    return this.record(user, article.id, `tag ${quoted(quote, 40)} as ${input.label}`, [{ before: null, after: snapshot }])
  }

  update(
    user: User,
    input: { id: string; label?: string; note?: string; attributes?: Record<string, unknown>; fragments?: CpRange[]; status?: AnnotationStatus }
  ): Mutation {
    const current = this.require(input.id)
    // a status is a reviewer's mark on any layer; the tag's content belongs to its coder
    if (input.label !== undefined || input.note !== undefined || input.attributes !== undefined || input.fragments !== undefined) this.requireOwn(user, current, 'edit')
    if (input.label !== undefined) this.store.codebooks.requireLabel(input.label)
    const before = this.store.annotations.snapshot(input.id)!
    const fragments = input.fragments ? this.refragment(current, input.fragments) : before.fragments
    const label = input.label ?? before.label
    const relabel = label !== before.label
    const codebook = this.store.codebooks.get()
    const defs = codebook.labels.find((l) => l.name === label)?.attributes ?? []
    let attributes = { ...before.attributes }
    const dropped = relabel ? Object.keys(attributes).filter((k) => !defs.some((d) => d.key === k)) : []
    // a relabelled tag keeps the attributes its new label also has; undo brings the others back
    if (dropped.length) attributes = Object.fromEntries(Object.entries(attributes).filter(([k]) => !dropped.includes(k)))
    // relabelled back to a label it had, a tag gets back what that relabel set aside (a stray key press is not a loss)
    const aside = relabel ? (this.store.changes.beforeRelabelFrom(current.articleId, before.id, label) as AnnotationSnapshot | null) : null
    const restored = aside ? defs.filter((d) => attributes[d.key] === undefined && aside.attributes[d.key] !== undefined).map((d) => d.key) : []
    for (const k of restored) attributes[k] = aside!.attributes[k]
    const patched = Object.keys(input.attributes ?? {})
    for (const [k, v] of Object.entries(input.attributes ?? {})) {
      if (v === null || v === '' || (Array.isArray(v) && v.length === 0)) delete attributes[k]
      else attributes[k] = v
    }
    for (const k of patched) this.checkReferences(defs.find((d) => d.key === k), attributes[k], current.articleId)
    if (patched.length) {
      // refuse only problems this edit introduces: a value coded under an older codebook does not block other edits
      const known = new Set(validateAttributes(codebook, label, before.attributes).map((p) => p.message))
      const fresh = validateAttributes(codebook, label, attributes).filter((p) => p.kind === 'invalid' && !known.has(p.message))
      if (fresh.length) throw new AppError('VALIDATION', fresh.map((p) => p.message).join('; '), { problems: fresh })
    }
    // a label or attribute edit is coding under the current codebook; a note edit is not
    const recoded = relabel || patched.length > 0
    const after: AnnotationSnapshot = {
      ...before,
      label,
      note: input.note ?? before.note,
      status: input.status ?? before.status,
      attributes,
      fragments,
      codebookVersion: recoded ? codebook.version : before.codebookVersion,
      updatedAt: new Date().toISOString()
    }
    // an edit that changes nothing (a note saved as it was) is no action: nothing to log, nothing to undo
    if (!relabel && after.note === before.note && after.status === before.status && sameFragments(after.fragments, before.fragments) && sameAttributes(after.attributes, before.attributes))
      return this.mutation(user, current.articleId, 'no change', new Set([before.id]), new Set())
    const steps: Step[] = []
    if (relabel) {
      // links the new label cannot have are set aside with the attributes; undo restores both
      const allowed = (l: { type: string; to: string }) => {
        const target = this.store.annotations.get(l.to)
        return target !== null && linkProblem(codebook, l.type, label, target.label) === null
      }
      after.links = before.links.filter(allowed)
      for (const l of aside?.links ?? []) if (!after.links.some((k) => k.type === l.type && k.to === l.to) && allowed(l)) after.links.push(l)
      for (const sourceId of this.store.annotations.linkedFrom(before.id)) {
        const source = this.store.annotations.snapshot(sourceId)!
        const kept = source.links.filter((l) => l.to !== before.id || linkProblem(codebook, l.type, source.label, label) === null)
        if (kept.length !== source.links.length) steps.push({ before: source, after: { ...source, links: kept, updatedAt: after.updatedAt } })
      }
    }
    const relinked = after.links.filter((l) => !before.links.some((k) => k.type === l.type && k.to === l.to)).length
    const droppedLinks = before.links.length - (after.links.length - relinked) + steps.length
    const quote = quoted(current.fragments[0]!.quote, 40)
    const names = patched.map((k) => defs.find((d) => d.key === k)?.name ?? k).join(', ')
    const refragmented = describeFragmentChange(label, before.fragments, fragments)
    const edited = relabel
      ? `relabel as ${label} ${quote}${dropped.length ? ` (set aside ${plural(dropped.length, 'attribute')} ${before.label} has and ${label} lacks)` : ''}${droppedLinks ? ` (removed ${plural(droppedLinks, 'link')} ${label} cannot have)` : ''}${restored.length || relinked ? ` (brought back ${[restored.length && plural(restored.length, 'attribute'), relinked && plural(relinked, 'link')].filter(Boolean).join(' and ')} it had as ${label})` : ''}`
      : patched.length
        ? `set ${names} of ${quote}`
        : refragmented && input.note === undefined
          ? null
          : `edit note of ${quote}`
    const restated = input.status !== undefined && input.status !== before.status ? `mark ${quote} ${STATUS_WORDS[input.status]}` : null
    const description = [refragmented, input.note === undefined && !relabel && !patched.length && restated ? null : edited, restated].filter(Boolean).join('; ')
    const folded = input.note !== undefined && !recoded && !refragmented && !restated ? this.foldNote(user, after) : null
    if (folded) return folded
    // the tag itself goes last: undo replays in reverse, so it is back before links to it are
    return this.record(user, current.articleId, description, [...steps, { before, after }])
  }

  /** A colleague's tag as a new tag of my own, to change as I see fit; links and tag references point into their layer, so they stay. */
  copy(user: User, id: string): Mutation {
    const source = this.require(id)
    if (source.annotatorId === user.id) throw new AppError('VALIDATION', `${quoted(source.fragments[0]!.quote, 40)} is already your tag.`)
    const twin = this.store.annotations.listByArticle(source.articleId).find((a) => a.annotatorId === user.id && a.label === source.label && sameFragments(a.fragments, source.fragments))
    if (twin) throw new AppError('VALIDATION', `You already have this ${source.label} tag on ${quoted(source.fragments[0]!.quote, 40)}; select it to change it.`)
    const defs = this.store.codebooks.get().labels.find((l) => l.name === source.label)?.attributes ?? []
    const attributes = Object.fromEntries(Object.entries(source.attributes).filter(([k]) => defs.find((d) => d.key === k)?.type !== 'tag'))
    const version = this.store.annotations.snapshot(source.id)!.codebookVersion
    const snapshot = newTag(user, source.articleId, source.label, source.fragments.map((f) => ({ ...f })), attributes, source.note, version)
    return this.record(user, source.articleId, `copy ${this.layerName(source.annotatorId)}'s ${source.label} ${quoted(source.fragments[0]!.quote, 40)} to my layer`, [{ before: null, after: snapshot }])
  }

  delete(user: User, id: string): Mutation {
    const current = this.require(id)
    this.requireOwn(user, current, 'delete')
    // links to the tag and attributes referring to it are cleared in the same action, so undo brings them back with it
    const befores = new Map<string, AnnotationSnapshot>()
    const afters = new Map<string, AnnotationSnapshot>()
    const edit = (otherId: string, change: (s: AnnotationSnapshot) => AnnotationSnapshot) => {
      const before = befores.get(otherId) ?? this.store.annotations.snapshot(otherId)!
      befores.set(otherId, before)
      afters.set(otherId, { ...change(afters.get(otherId) ?? before), updatedAt: new Date().toISOString() })
    }
    for (const sourceId of this.store.annotations.linkedFrom(id)) edit(sourceId, (s) => ({ ...s, links: s.links.filter((l) => l.to !== id) }))
    const codebook = this.store.codebooks.get()
    const tagRefs = codebook.labels.some((l) => l.attributes.some((d) => d.type === 'tag'))
    for (const other of tagRefs ? this.store.annotations.mentioning(current.articleId, id) : []) {
      const refs = codebook.labels.find((l) => l.name === other.label)?.attributes.filter((d) => d.type === 'tag' && [other.attributes[d.key]].flat().includes(id)) ?? []
      if (refs.length === 0) continue
      edit(other.id, (s) => {
        const attributes = { ...s.attributes }
        for (const d of refs) {
          const kept = [attributes[d.key]].flat().filter((x) => x !== id)
          if (Array.isArray(attributes[d.key]) && kept.length) attributes[d.key] = kept
          else delete attributes[d.key]
        }
        return { ...s, attributes }
      })
    }
    const steps: Step[] = [...afters].map(([otherId, after]) => ({ before: befores.get(otherId)!, after }))
    steps.push({ before: this.store.annotations.snapshot(id)!, after: null })
    return this.record(user, current.articleId, `delete ${current.label} ${quoted(current.fragments[0]!.quote, 40)}`, steps)
  }

  /**
   * Tags accepted occurrences like `sourceId`: same label, same actor references. One undoable action per
   * article (each article keeps its own undo stack), all in one transaction; spans that overlap a tag with the
   * same label are skipped, so accepting twice adds nothing.
   */
  tagOccurrences(user: User, sourceId: string, items: { articleId: number; start: number; end: number }[]): { created: number; articles: number; mutation: Mutation | null } {
    const source = this.require(sourceId)
    const codebook = this.store.codebooks.get()
    const defs = codebook.labels.find((l) => l.name === source.label)?.attributes ?? []
    const attributes = Object.fromEntries(Object.entries(source.attributes).filter(([k]) => defs.find((d) => d.key === k)?.type === 'actor'))
    const byArticle = new Map<number, { start: number; end: number }[]>()
    for (const it of items) byArticle.set(it.articleId, [...(byArticle.get(it.articleId) ?? []), { start: it.start, end: it.end }])
    return this.store.db.transaction(() => {
      let created = 0
      let articles = 0
      let mutation: Mutation | null = null
      for (const [articleId, ranges] of byArticle) {
        const article = this.store.articles.get(articleId)
        if (!article) throw new AppError('NOT_FOUND', `Article ${articleId} does not exist in this project (it may have been deleted); find the occurrences again.`)
        const offsets = new ArticleOffsets(article.text)
        const taken = this.store.annotations.listByArticle(articleId).filter((a) => a.label === source.label).flatMap((a) => a.fragments)
        const now = new Date().toISOString()
        const steps: Step[] = []
        for (const r of ranges.sort((a, b) => a.start - b.start)) {
          const problem = checkRange(offsets, r)
          if (problem) throw new AppError('VALIDATION', `Article ${articleId}: ${problem}; find the occurrences again.`)
          if (taken.some((t) => t.start < r.end && r.start < t.end)) continue
          taken.push({ ...r, quote: '', prefix: '', suffix: '' })
          steps.push({ before: null, after: newTag(user, articleId, source.label, [{ ...r, ...quoteRange(offsets, r) }], attributes, '', codebook.version, now) })
        }
        if (steps.length === 0) continue
        created += steps.length
        articles++
        const m = this.record(user, articleId, `tag ${steps.length} more occurrence${steps.length === 1 ? '' : 's'} of ${quoted(source.fragments[0]!.quote, 40)} as ${source.label}`, steps)
        if (articleId === source.articleId) mutation = m
      }
      return { created, articles, mutation }
    })()
  }

  /** Links two tags of one article with a relation the codebook allows; a one-only relation replaces its old link. */
  link(user: User, input: { from: string; type: string; to: string }): Mutation {
    const from = this.require(input.from)
    this.requireOwn(user, from, 'link')
    const to = this.store.annotations.get(input.to)
    if (!to) throw new AppError('NOT_FOUND', `The tag to link to no longer exists (it was deleted or undone); pick another tag.`)
    if (to.articleId !== from.articleId) throw new AppError('VALIDATION', 'Links join tags of the same article; this tag is in another article.')
    if (to.annotatorId !== from.annotatorId)
      throw new AppError('VALIDATION', `Links join tags of one layer; ${quoted(to.fragments[0]!.quote, 40)} is ${this.layerName(to.annotatorId)}'s tag. Tag that text yourself, then link to your own tag.`)
    if (to.id === from.id) throw new AppError('VALIDATION', 'A tag cannot be linked to itself.')
    const codebook = this.store.codebooks.get()
    const problem = linkProblem(codebook, input.type, from.label, to.label)
    if (problem) throw new AppError('VALIDATION', problem)
    const relation = codebook.relations.find((r) => r.type === input.type)!
    if (from.links.some((l) => l.type === input.type && l.to === input.to))
      throw new AppError('VALIDATION', `${quoted(to.fragments[0]!.quote, 40)} is already linked as ${relation.name}.`)
    const before = this.store.annotations.snapshot(from.id)!
    const replaced = relation.cardinality === 'one' ? before.links.filter((l) => l.type === input.type) : []
    const links = [...before.links.filter((l) => !replaced.includes(l)), { type: input.type, to: input.to }]
    const after: AnnotationSnapshot = { ...before, links, updatedAt: new Date().toISOString() }
    const description = `link ${from.label} ${quoted(from.fragments[0]!.quote, 40)} → ${relation.name} ${quoted(to.fragments[0]!.quote, 40)}${replaced.length ? ' (replacing the previous one)' : ''}`
    return this.record(user, from.articleId, description, [{ before, after }])
  }

  /** Removes one link; unlinking what is not linked is an error, so a stale view finds out. */
  unlink(user: User, input: { from: string; type: string; to: string }): Mutation {
    const from = this.require(input.from)
    this.requireOwn(user, from, 'unlink')
    const before = this.store.annotations.snapshot(from.id)!
    const links = before.links.filter((l) => !(l.type === input.type && l.to === input.to))
    if (links.length === before.links.length) throw new AppError('NOT_FOUND', `This tag has no ${input.type} link to that tag (it may have been removed already).`)
    const target = this.store.annotations.get(input.to)
    const name = this.store.codebooks.get().relations.find((r) => r.type === input.type)?.name ?? input.type
    const description = `unlink ${name} ${quoted(target?.fragments[0]!.quote ?? '?', 40)} from ${quoted(from.fragments[0]!.quote, 40)}`
    return this.record(user, from.articleId, description, [{ before, after: { ...before, links, updatedAt: new Date().toISOString() } }])
  }

  history(user: User, articleId: number): HistoryState {
    const undo = this.store.changes.topOfUndo(articleId, user.id)
    const redo = this.store.changes.topOfRedo(articleId, user.id)
    return { canUndo: !!undo, canRedo: !!redo, undoDescription: this.describe(user, articleId, undo), redoDescription: this.describe(user, articleId, redo) }
  }

  // under blind coding an action on a colleague's tag (a decision made before it was switched on) must not quote that tag
  private describe(user: User, articleId: number, top: { actionId: string; description: string } | null): string | null {
    if (!top) return null
    if (!this.store.review.blindCoding() || this.store.review.doneAt(articleId, user.id) !== null) return top.description
    const hidden = this.store.changes.actionRows(top.actionId).some((r) => {
      const tag = parseSnapshot(r.after) ?? parseSnapshot(r.before)
      return r.entity === 'annotation' && !!tag && tag.annotatorId !== user.id
    })
    return hidden ? 'a change to a tag blind coding hides' : top.description
  }

  /** Reverses this user's latest action in the article; null when there is nothing to undo. */
  undo(user: User, articleId: number): Mutation | null {
    return this.replay(user, articleId, 'undo')
  }

  /** Re-applies this user's most recently undone action in the article; null when there is nothing to redo. */
  redo(user: User, articleId: number): Mutation | null {
    return this.replay(user, articleId, 'redo')
  }

  private replay(user: User, articleId: number, op: 'undo' | 'redo'): Mutation | null {
    return this.store.db.transaction(() => {
      const top = op === 'undo' ? this.store.changes.topOfUndo(articleId, user.id) : this.store.changes.topOfRedo(articleId, user.id)
      if (!top) return null
      const rows = this.store.changes.actionRows(top.actionId)
      const ordered = op === 'undo' ? [...rows].reverse() : rows
      const at = new Date().toISOString()
      const upserted = new Set<string>()
      const removed = new Set<string>()
      for (const row of ordered) {
        const from = parseSnapshot(op === 'undo' ? row.after : row.before)
        const to = this.withSurvivors(parseSnapshot(op === 'undo' ? row.before : row.after))
        this.apply(row.entity_id, to, upserted, removed)
        this.store.changes.append({
          actionId: top.actionId,
          at,
          annotatorId: user.id,
          articleId,
          entity: 'annotation',
          entityId: row.entity_id,
          op,
          before: from,
          after: to,
          undoState: 'none',
          description: `${op} ${row.description}`
        })
      }
      this.store.changes.setState(top.actionId, op === 'undo' ? 'undone' : 'done')
      return this.mutation(user, articleId, `${op === 'undo' ? 'Undid' : 'Redid'}: ${top.description}`, upserted, removed)
    })()
  }

  /** Actors merged since a snapshot was taken are not brought back by undo or redo: its references go to the actor each was merged into. */
  private withSurvivors(s: AnnotationSnapshot | null): AnnotationSnapshot | null {
    if (!s) return s
    let attributes = s.attributes
    for (const id of new Set(Object.values(s.attributes).flat())) {
      if (typeof id !== 'string') continue
      let into = id
      // a merge target merged in turn: follow the chain (bounded, in case of a damaged registry)
      for (let hops = 0, actor = this.store.actors.get(id); actor?.mergedInto && hops < 100; hops++, actor = this.store.actors.get(into)) into = actor.mergedInto
      if (into !== id) attributes = repointActor(attributes, id, into)
    }
    return attributes === s.attributes ? s : { ...s, attributes }
  }

  // a note typed in bursts is one undo step: the previous edit of this note takes the new text
  private foldNote(user: User, after: AnnotationSnapshot): Mutation | null {
    return this.store.db.transaction(() => {
      const row = foldableNoteEdit(this.store, user.id, after, after.updatedAt)
      if (!row) return null
      const upserted = new Set<string>()
      this.apply(after.id, after, upserted, new Set())
      this.store.changes.fold(row.id, after.updatedAt, after)
      return this.mutation(user, after.articleId, row.description, upserted, new Set())
    })()
  }

  /** One undoable action of `user` in the article: writes the steps and their change-log rows, and runs `within` in the same transaction. */
  record(user: User, articleId: number, description: string, steps: Step[], within?: () => void): Mutation {
    return this.store.db.transaction(() => {
      this.store.ensureAnnotator(user)
      within?.()
      const actionId = randomUUID()
      const at = new Date().toISOString()
      const upserted = new Set<string>()
      const removed = new Set<string>()
      for (const step of steps) {
        const entityId = (step.after ?? step.before)!.id
        this.apply(entityId, step.after, upserted, removed)
        this.store.changes.append({
          actionId,
          at,
          annotatorId: user.id,
          articleId,
          entity: 'annotation',
          entityId,
          op: step.before === null ? 'create' : step.after === null ? 'delete' : 'update',
          before: step.before,
          after: step.after,
          undoState: 'done',
          description
        })
      }
      this.store.changes.discardRedo(articleId, user.id)
      return this.mutation(user, articleId, description, upserted, removed)
    })()
  }

  private apply(id: string, to: AnnotationSnapshot | null, upserted: Set<string>, removed: Set<string>): void {
    if (to) {
      this.store.annotations.write(to)
      upserted.add(id)
      removed.delete(id)
    } else {
      this.store.annotations.delete(id)
      removed.add(id)
      upserted.delete(id)
    }
  }

  private mutation(user: User, articleId: number, description: string, upserted: Set<string>, removed: Set<string>): Mutation {
    return {
      articleId,
      description,
      upserted: [...upserted].map((id) => this.store.annotations.get(id)).filter((a): a is Annotation => a !== null),
      removed: [...removed],
      history: this.history(user, articleId)
    }
  }

  // references must point at something that exists now: a registry actor that is not merged, a tag of this article
  private checkReferences(def: AttributeDef | undefined, value: unknown, articleId: number): void {
    if (!def || (def.type !== 'actor' && def.type !== 'tag')) return
    for (const id of [value].flat()) {
      if (typeof id !== 'string') continue
      if (def.type === 'actor') {
        const actor = this.store.actors.get(id)
        if (!actor) throw new AppError('NOT_FOUND', `${def.name}: actor ${id} is not in the registry (it may have been removed); pick another.`)
        if (actor.mergedInto) throw new AppError('VALIDATION', `${def.name}: ${quoted(actor.name)} was merged into another actor; link that one instead.`)
      } else {
        const tag = this.store.annotations.get(id)
        if (!tag || tag.articleId !== articleId) throw new AppError('NOT_FOUND', `${def.name}: the referenced tag no longer exists in this article (it was deleted or undone); pick another.`)
      }
    }
  }

  /** The checked new fragment list of a tag; removing its last fragment is refused, as that is deleting the tag. */
  private refragment(tag: Annotation, ranges: CpRange[]): Fragment[] {
    if (ranges.length === 0) throw new AppError('VALIDATION', `A tag needs at least one fragment: to remove ${quoted(tag.fragments[0]!.quote, 40)}, delete the ${tag.label} tag instead.`)
    const article = this.store.articles.get(tag.articleId)!
    return checkFragments(new ArticleOffsets(article.text), ranges)
  }

  private requireOwn(user: User, tag: Annotation, action: 'edit' | 'delete' | 'link' | 'unlink'): void {
    if (mayEdit(user.id, tag.annotatorId)) return
    throw new AppError(
      'VALIDATION',
      `You cannot ${action} ${this.layerName(tag.annotatorId)}'s ${tag.label} ${quoted(tag.fragments[0]!.quote, 40)}: each coder changes only their own layer. Copy it to your layer to change it, or comment on it.`
    )
  }

  private layerName(annotatorId: string): string {
    return annotatorId === GOLD_LAYER ? 'the gold layer' : (this.store.review.annotatorName(annotatorId) ?? 'another coder')
  }

  private require(id: string): Annotation {
    const a = this.store.annotations.get(id)
    if (!a) throw new AppError('NOT_FOUND', `Tag ${id} does not exist (it may have been deleted or undone).`)
    return a
  }
}

export type Step = { before: AnnotationSnapshot | null; after: AnnotationSnapshot | null }

/** A tag just made by `user`: a draft with no links, created and updated now. */
function newTag(
  user: User,
  articleId: number,
  label: string,
  fragments: Fragment[],
  attributes: Record<string, unknown>,
  note: string,
  codebookVersion: number | null,
  now = new Date().toISOString()
): AnnotationSnapshot {
  return { id: randomUUID(), articleId, annotatorId: user.id, label, fragments, attributes, note, status: 'draft', links: [], codebookVersion, createdAt: now, updatedAt: now }
}

function parseSnapshot(json: string | null): AnnotationSnapshot | null {
  return json === null ? null : (JSON.parse(json) as AnnotationSnapshot)
}
