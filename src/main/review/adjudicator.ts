import { randomUUID } from 'node:crypto'
import type { Codebook } from '../../shared/codebook/codebook-schema'
import { linkProblem } from '../../shared/codebook/relation-rules'
import { validateAttributes } from '../../shared/codebook/validate-attributes'
import type { AnnotationStatus, Link, Mutation, User } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import { ArticleOffsets } from '../../shared/offsets'
import type { Adjudication, AdjudicationCandidate, DecideInput } from '../../shared/review/adjudication'
import { sameAttributes } from '../../shared/review/same-attributes'
import type { AnnotationService, Step } from '../annotations/annotation-service'
import { checkFragments } from '../annotations/check-fragments'
import type { AnnotationSnapshot } from '../store/annotation-repository'
import { GOLD_LAYER } from '../store/migrations/0008-review'
import type { Store } from '../store/store'
import { quoted } from '../../shared/text/quoted'
import { sameFragments } from '../../shared/review/same-fragments'

type Planned = Omit<Adjudication, 'goldExists' | 'decidedByName'>

/**
 * Turns adjudication decisions into one undoable action: the gold tag written (links and tag references
 * carried over to the gold copies of their targets), an earlier gold tag for the same versions replaced, the
 * coders' tags marked accepted or rejected, and the decision recorded in the same transaction.
 */
export class Adjudicator {
  private readonly steps = new Map<string, Step>()
  private readonly planned: Planned[] = []
  /** Coder tag id → the gold tag a standing decision made from it. */
  private readonly goldOf = new Map<string, string>()
  /** Gold tag id → the coder tags it was made from. */
  private readonly sourcesOf = new Map<string, string[]>()
  private readonly codebook: Codebook
  private readonly offsets: ArticleOffsets
  private readonly names = new Map<string, string>()

  constructor(
    private readonly store: Store,
    private readonly service: AnnotationService,
    private readonly user: User,
    private readonly articleId: number
  ) {
    const article = store.articles.get(articleId)
    if (!article) throw new AppError('NOT_FOUND', `Article ${articleId} does not exist in this project.`)
    this.offsets = new ArticleOffsets(article.text)
    this.codebook = store.codebooks.get()
    for (const d of store.review.decisions(articleId)) {
      if (!d.goldId || !d.goldExists) continue
      const sources = d.chosenId && d.decision === 'accept' ? [d.chosenId] : d.candidates.map((c) => c.annotationId)
      for (const c of d.candidates) this.goldOf.set(c.annotationId, d.goldId)
      this.sourcesOf.set(d.goldId, sources)
    }
  }

  /** Plans one decision; nothing is written until commit. */
  decide(input: DecideInput): void {
    if (input.articleId !== this.articleId) throw new AppError('VALIDATION', 'All decisions of one action must be about the same article.')
    const candidates = input.candidates.map((id) => this.candidate(id))
    const chosen = input.chosenId ? candidates.find((c) => c.id === input.chosenId)! : null
    const now = new Date().toISOString()
    for (const c of candidates) {
      const earlier = this.goldOf.get(c.id)
      if (earlier) this.removeGold(earlier)
    }
    let gold: AnnotationSnapshot | null = null
    // the gold tag's attributes as the versions word them (tag references not yet pointed at gold copies), to compare the versions with
    let decided: Record<string, unknown> = {}
    if (input.decision !== 'reject') {
      const base = input.result ?? { label: chosen!.label, fragments: chosen!.fragments, attributes: chosen!.attributes, note: chosen!.note }
      this.store.codebooks.requireLabel(base.label)
      const defs = this.codebook.labels.find((l) => l.name === base.label)?.attributes ?? []
      // a gold tag given another label keeps only the attributes that label has, as relabelling a tag does
      const relabelled = !candidates.some((c) => c.label === base.label)
      const own = relabelled ? Object.fromEntries(Object.entries(base.attributes).filter(([k]) => defs.some((d) => d.key === k))) : base.attributes
      decided = own
      const attributes = this.remapReferences(base.label, own)
      if (input.result) {
        const problems = validateAttributes(this.codebook, base.label, attributes).filter((p) => p.kind === 'invalid')
        if (problems.length) throw new AppError('VALIDATION', problems.map((p) => p.message).join('; '), { problems })
      }
      const sources = input.decision === 'merge' || !chosen ? candidates : [chosen]
      gold = {
        id: randomUUID(),
        articleId: this.articleId,
        annotatorId: GOLD_LAYER,
        label: base.label,
        fragments: checkFragments(this.offsets, base.fragments),
        attributes,
        note: base.note,
        status: 'accepted',
        links: [],
        codebookVersion: this.codebook.version,
        createdAt: now,
        updatedAt: now
      }
      gold.links = this.goldLinks(gold.label, sources.flatMap((s) => s.links))
      for (const c of candidates) this.goldOf.set(c.id, gold.id)
      this.sourcesOf.set(gold.id, sources.map((s) => s.id))
      this.change(gold.id, () => gold)
      this.linkIncoming(gold, new Set(candidates.map((c) => c.id)))
    }
    for (const c of candidates) this.setStatus(c.id, statusAfter(input.decision, c, chosen, gold, decided))
    this.planned.push({
      id: randomUUID(),
      articleId: this.articleId,
      decision: input.decision,
      candidates: candidates.map((c) => ({
        annotationId: c.id,
        annotatorId: c.annotatorId,
        annotatorName: this.nameOf(c.annotatorId),
        label: c.label,
        fragments: c.fragments.map(({ start, end, quote }) => ({ start, end, quote })),
        attributes: c.attributes,
        links: c.links
      })) satisfies AdjudicationCandidate[],
      chosenId: chosen?.id ?? null,
      goldId: gold?.id ?? null,
      reason: input.reason,
      guideline: input.guideline,
      decidedBy: this.user.id,
      decidedAt: now
    })
  }

  /** Writes every planned decision as one undoable action. */
  commit(description?: string): Mutation {
    if (this.planned.length === 0) throw new AppError('VALIDATION', 'There is nothing to decide.')
    const first = this.planned[0]!
    const what =
      description ??
      (first.decision === 'reject'
        ? `reject ${first.candidates.length === 1 ? `${first.candidates[0]!.annotatorName}'s` : `${first.candidates.length} versions of`} ${first.candidates[0]!.label} ${quoted(first.candidates[0]!.fragments[0]!.quote, 40)}`
        : `${first.decision} ${first.decision === 'accept' ? `${this.nameOf(first.candidates.find((c) => c.annotationId === first.chosenId)!.annotatorId)}'s version` : `${first.candidates.length} versions`} of ${quoted(first.candidates[0]!.fragments[0]!.quote, 40)} into gold`)
    const steps = orderSteps([...this.steps.values()])
    return this.service.record(this.user, this.articleId, what, steps, () => {
      for (const p of this.planned) this.store.review.addDecision(p)
    })
  }

  get count(): number {
    return this.planned.length
  }

  private candidate(id: string): AnnotationSnapshot {
    const tag = this.current(id)
    if (!tag || tag.articleId !== this.articleId) throw new AppError('NOT_FOUND', `Tag ${id} is not in article ${this.articleId}; reload the review.`)
    if (tag.annotatorId === GOLD_LAYER) throw new AppError('VALIDATION', 'A gold tag is the outcome of a decision, not a version to decide between; edit it directly instead.')
    return tag
  }

  /** The tag as this action will leave it so far. */
  private current(id: string): AnnotationSnapshot | null {
    const step = this.steps.get(id)
    return step ? step.after : this.store.annotations.snapshot(id)
  }

  private change(id: string, to: (s: AnnotationSnapshot | null) => AnnotationSnapshot | null): void {
    const step = this.steps.get(id)
    const before = step ? step.before : this.store.annotations.snapshot(id)
    const after = to(step ? step.after : before)
    if (before === null && after === null) this.steps.delete(id)
    else this.steps.set(id, { before, after })
  }

  private setStatus(id: string, status: AnnotationStatus): void {
    const tag = this.current(id)!
    if (tag.status !== status) this.change(id, (s) => ({ ...s!, status, updatedAt: new Date().toISOString() }))
  }

  /** Replaces an earlier decision's gold tag: it and the gold links into it go. */
  private removeGold(goldId: string): void {
    for (const [tagId, g] of this.goldOf) if (g === goldId) this.goldOf.delete(tagId)
    this.sourcesOf.delete(goldId)
    if (!this.current(goldId)) return
    for (const other of this.goldTags())
      if (other.links.some((l) => l.to === goldId)) this.change(other.id, (s) => ({ ...s!, links: s!.links.filter((l) => l.to !== goldId) }))
    this.change(goldId, () => null)
  }

  /** The coders' links, pointed at the gold copies of their targets; links to tags not yet adjudicated wait for them. */
  private goldLinks(label: string, links: Link[]): Link[] {
    const out: Link[] = []
    for (const l of links) {
      const to = this.goldOf.get(l.to)
      const target = to ? this.current(to) : null
      if (!to || !target || out.some((o) => o.type === l.type && o.to === to)) continue
      if (linkProblem(this.codebook, l.type, label, target.label) === null) out.push({ type: l.type, to })
    }
    return out
  }

  /** Gold tags whose sources linked to one of these versions now link to the new gold tag. */
  private linkIncoming(gold: AnnotationSnapshot, versions: Set<string>): void {
    for (const other of this.goldTags()) {
      if (other.id === gold.id) continue
      const sources = (this.sourcesOf.get(other.id) ?? []).map((id) => this.current(id)).filter((s): s is AnnotationSnapshot => s !== null)
      const types = [...new Set(sources.flatMap((s) => s.links.filter((l) => versions.has(l.to)).map((l) => l.type)))]
      const fresh = types.filter((t) => !other.links.some((l) => l.type === t && l.to === gold.id) && linkProblem(this.codebook, t, other.label, gold.label) === null)
      if (fresh.length) this.change(other.id, (s) => ({ ...s!, links: [...s!.links, ...fresh.map((type) => ({ type, to: gold.id }))], updatedAt: gold.updatedAt }))
    }
  }

  private goldTags(): AnnotationSnapshot[] {
    const ids = new Set([...this.sourcesOf.keys(), ...this.store.annotations.idsInLayer(this.articleId, GOLD_LAYER)])
    return [...ids].map((id) => this.current(id)).filter((s): s is AnnotationSnapshot => s !== null)
  }

  /** Tag-reference attributes point at the gold copies of their targets; references to tags not yet adjudicated are left out. */
  private remapReferences(label: string, attributes: Record<string, unknown>): Record<string, unknown> {
    const defs = this.codebook.labels.find((l) => l.name === label)?.attributes ?? []
    const out: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(attributes)) {
      if (defs.find((d) => d.key === key)?.type !== 'tag') {
        out[key] = value
        continue
      }
      const mapped = [value].flat().map((v) => (typeof v === 'string' ? (this.goldOf.get(v) ?? (this.current(v)?.annotatorId === GOLD_LAYER ? v : null)) : null))
      const kept = mapped.filter((v): v is string => v !== null)
      if (kept.length) out[key] = Array.isArray(value) ? kept : kept[0]
    }
    return out
  }

  private nameOf(annotatorId: string): string {
    if (!this.names.has(annotatorId)) this.names.set(annotatorId, this.store.review.annotatorName(annotatorId) ?? annotatorId)
    return this.names.get(annotatorId)!
  }
}

/** accept: the chosen version (and its identical twins) accepted, the others rejected; merge/edit: the versions the gold tag equals in label, span and attributes accepted. */
function statusAfter(decision: DecideInput['decision'], c: AnnotationSnapshot, chosen: AnnotationSnapshot | null, gold: AnnotationSnapshot | null, decided: Record<string, unknown>): AnnotationStatus {
  if (decision === 'reject' || !gold) return 'rejected'
  const sameSpan = c.label === gold.label && sameFragments(c.fragments, gold.fragments)
  // an accepted version's identical twin (another coder's) is accepted too; a merge or edit accepts the versions with its span and label
  if (decision === 'accept') return c.id === chosen?.id || (sameSpan && sameAttributes(c.attributes, chosen!.attributes)) ? 'accepted' : 'rejected'
  return sameSpan && sameAttributes(c.attributes, decided) ? 'accepted' : 'rejected'
}

/**
 * Creations, then updates, then deletions, so every link is written after its target and removed before it;
 * undo replays in reverse, which keeps the same guarantee. A new tag's links to other new tags go in a later
 * update of their own, since two new tags may link to each other.
 */
function orderSteps(steps: Step[]): Step[] {
  const created = steps.filter((s) => s.before === null && s.after !== null)
  const createdIds = new Set(created.map((s) => s.after!.id))
  const first: Step[] = []
  const relinked: Step[] = []
  for (const s of created) {
    const after = s.after!
    const early = after.links.filter((l) => !createdIds.has(l.to))
    if (early.length === after.links.length) first.push(s)
    else {
      const bare = { ...after, links: early }
      first.push({ before: null, after: bare })
      relinked.push({ before: bare, after })
    }
  }
  const updated = steps.filter((s) => s.before !== null && s.after !== null)
  const deleted = steps.filter((s) => s.after === null && s.before !== null)
  return [...first, ...relinked, ...updated, ...deleted]
}
