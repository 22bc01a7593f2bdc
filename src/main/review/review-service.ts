import { quoted } from '../../shared/text/quoted'
import { describeValue } from '../../shared/codebook/describe-value'
import { randomUUID } from 'node:crypto'
import type { Annotation, Mutation, TextSpan, User } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import type { ArticleReview, CorpusReviewRow, DecideInput, Layer, ReviewedUnit, TagComment } from '../../shared/review/adjudication'
import { classifyDisagreements, type ClassifyOptions } from '../../shared/review/classify-disagreements'
import { decisionStands } from '../../shared/review/decision-stands'
import { DISAGREEMENT_KINDS, type ComparedTag, type DisagreementKind } from '../../shared/review/review-unit'
import type { AnnotationService } from '../annotations/annotation-service'
import { GOLD_LAYER } from '../store/migrations/0008-review'
import type { Store } from '../store/store'
import { Adjudicator } from './adjudicator'

/** Reviewing colleagues' layers: blind coding, disagreements per article and corpus-wide, adjudication, comments. */
export class ReviewService {
  constructor(
    private readonly store: Store,
    private readonly annotations: AnnotationService
  ) {}

  /** The article's layers as this user may see them: under blind coding, only their own until they mark it done. */
  layers(user: User, articleId: number, all: Omit<Layer, 'isGold' | 'isMe'>[] = this.store.review.layers(articleId)): Layer[] {
    const hidden = this.hidesOthers(user, articleId)
    return all
      .filter((l) => !hidden || l.annotatorId === user.id)
      .map((l) => ({ ...l, isGold: l.annotatorId === GOLD_LAYER, isMe: l.annotatorId === user.id }))
  }

  /** Under blind coding, a coder sees only their own layer until they mark the article done. */
  hidesOthers(user: User, articleId: number): boolean {
    return this.store.review.blindCoding() && this.store.review.doneAt(articleId, user.id) === null
  }

  /** The tags this user may see in the article (or in part of it), and how many layers blind coding hides. */
  visible(user: User, articleId: number, startsIn?: TextSpan): { annotations: Annotation[]; hiddenLayers: number } {
    const all = this.store.annotations.listByArticle(articleId, startsIn)
    if (!this.hidesOthers(user, articleId)) return { annotations: all, hiddenLayers: 0 }
    return { annotations: all.filter((a) => a.annotatorId === user.id), hiddenLayers: this.hiddenLayers(user, articleId) }
  }

  /** How many colleagues' layers blind coding hides from this user, counted without listing the tags. */
  hiddenLayers(user: User, articleId: number, layers: Pick<Layer, 'annotatorId' | 'tags'>[] = this.store.review.layers(articleId)): number {
    if (!this.hidesOthers(user, articleId)) return 0
    return layers.filter((l) => l.tags > 0 && l.annotatorId !== user.id && l.annotatorId !== GOLD_LAYER).length
  }

  markDone(user: User, articleId: number, done: boolean): Layer[] {
    if (!this.store.articles.get(articleId)) throw new AppError('NOT_FOUND', `Article ${articleId} does not exist in this project.`)
    this.store.db.transaction(() => {
      this.store.ensureAnnotator(user)
      this.store.review.setDone(articleId, user.id, done)
    })()
    return this.layers(user, articleId)
  }

  setBlindCoding(on: boolean): boolean {
    this.store.review.setBlindCoding(on)
    return on
  }

  /** The article's layers aligned into units, each with its disagreements and the decision on it. */
  article(user: User, articleId: number, annotators?: string[], tagRefKeys = this.tagRefKeys(), words = this.attributeWords()): ArticleReview {
    const layers = this.layers(user, articleId)
    // a reviewer who coded nothing here is refused too: the article view would hide every layer from them
    this.refuseIfBlind(user, articleId)
    const compared = annotators?.length
      ? [...new Set(annotators)].filter((a) => layers.some((l) => l.annotatorId === a))
      : // a coder who marked the article done with nothing to tag coded it too: every unit is missing in their layer
        layers.filter((l) => !l.isGold && (l.tags > 0 || l.doneAt !== null)).map((l) => l.annotatorId)
    const tags = this.store.review.comparedTags(articleId, compared)
    const names = Object.fromEntries(layers.map((l) => [l.annotatorId, l.name]))
    const units = classifyDisagreements(tags, compared, { names, tagRefKeys, attribute: words })
    const decisions = this.store.review.decisions(articleId)
    // tag id → its latest decision's index (they come oldest first): a unit's decision is the latest about any of its versions
    const latest = new Map<string, number>()
    decisions.forEach((d, i) => d.candidates.forEach((c) => latest.set(c.annotationId, i)))
    // only articles with decisions need the tags by id and the rejected ones
    const byId = decisions.length ? new Map(tags.map((t) => [t.id, t])) : new Map<string, ComparedTag>()
    const rejected = decisions.length ? this.store.review.rejectedIds(articleId) : new Set<string>()
    const reviewed: ReviewedUnit[] = units.map((u) => {
      let at = -1
      if (latest.size > 0) for (const id of Object.values(u.members)) if (id !== null) at = Math.max(at, latest.get(id) ?? -1)
      const decision = at >= 0 ? decisions[at]! : null
      // a literal, not a spread: copying 2,000 units field by field through a spread costs milliseconds
      const { id, number, start, end, members, kinds, details } = u
      return { id, number, start, end, members, kinds, details, decision, settled: decision !== null && decisionStands(decision, u, byId, rejected, compared) }
    })
    return { articleId, layers, compared, units: reviewed, blind: this.store.review.blindCoding(), strandedGold: this.strandedGold(decisions, byId) }
  }

  /** Attribute names and values as the codebook and the registry word them, for the units' details. */
  private attributeWords(): NonNullable<ClassifyOptions['attribute']> {
    const defs = new Map(this.store.codebooks.get().labels.map((l) => [l.name, new Map(l.attributes.map((d) => [d.key, d]))]))
    const actors = new Map<string, string>()
    const actorName = (id: string) => {
      if (!actors.has(id)) actors.set(id, this.store.actors.get(id)?.name ?? id)
      return actors.get(id)!
    }
    return {
      name: (label, key) => defs.get(label)?.get(key)?.name ?? key,
      show: (label, key, value) => {
        const def = defs.get(label)?.get(key)
        const text = describeValue(def, value, actorName)
        // free text may hold commas, which would blur where one coder's value ends in "Ana x, Ben y"
        return def?.type === 'text' && text !== '(empty)' ? quoted(text) : text
      }
    }
  }

  /** Gold tags whose decision's versions are all gone: no unit shows them, so the review lists them apart. */
  private strandedGold(decisions: ReturnType<Store['review']['decisions']>, compared: Map<string, ComparedTag>): string[] {
    const stranded = new Set<string>()
    // a candidate among the compared tags exists; only the others are looked up
    const exists = (id: string) => compared.has(id) || this.store.annotations.snapshot(id) !== null
    for (const d of decisions) {
      if (!d.goldId || !d.goldExists) continue
      if (d.candidates.some((c) => exists(c.annotationId))) stranded.delete(d.goldId)
      else stranded.add(d.goldId)
    }
    return [...stranded]
  }

  /** Articles coded by two or more of the layers, most disagreements first. */
  corpus(user: User, annotators: string[] = [], limit = 1000): CorpusReviewRow[] {
    const filter = annotators.length ? `AND annotator_id IN (${annotators.map(() => '?').join(',')})` : ''
    const rows = this.store.db
      .prepare<unknown[], { article_id: number; title: string }>(`
        SELECT a.id AS article_id, a.title FROM article a
        WHERE a.id IN (
          SELECT article_id FROM (
            SELECT article_id, annotator_id FROM annotation WHERE annotator_id != ? ${filter}
            UNION SELECT article_id, annotator_id FROM coder_progress WHERE annotator_id != ? ${filter})
          GROUP BY article_id HAVING count(*) >= 2)
        ORDER BY a.id`)
      .all(GOLD_LAYER, ...annotators, GOLD_LAYER, ...annotators)
    const out: CorpusReviewRow[] = []
    const tagRefKeys = this.tagRefKeys()
    const words = this.attributeWords()
    for (const r of rows) {
      // under blind coding an article is reviewed only once this user marked it done
      if (this.hidesOthers(user, r.article_id)) continue
      const review = this.article(user, r.article_id, annotators, tagRefKeys, words)
      const byKind = Object.fromEntries(DISAGREEMENT_KINDS.map((k) => [k, 0])) as Record<DisagreementKind, number>
      for (const u of review.units) for (const k of u.kinds) byKind[k]++
      out.push({
        articleId: r.article_id,
        title: r.title,
        layers: review.compared.length,
        units: review.units.length,
        disagreements: review.units.filter((u) => u.kinds.length > 0).length,
        byKind,
        unsettled: review.units.filter((u) => !u.settled).length
      })
    }
    return out.sort((a, b) => b.disagreements - a.disagreements || b.unsettled - a.unsettled || a.articleId - b.articleId).slice(0, limit)
  }

  decide(user: User, input: DecideInput): Mutation {
    this.refuseIfBlind(user, input.articleId)
    const adjudicator = new Adjudicator(this.store, this.annotations, user, input.articleId)
    adjudicator.decide(input)
    return adjudicator.commit()
  }

  /** Takes every unit all compared layers agree on, and not yet decided, into gold: one action. */
  acceptAgreed(user: User, articleId: number, annotators?: string[]): Mutation | null {
    const review = this.article(user, articleId, annotators)
    const agreed = review.units.filter((u) => u.kinds.length === 0 && !u.settled)
    if (agreed.length === 0) return null
    const adjudicator = new Adjudicator(this.store, this.annotations, user, articleId)
    for (const u of agreed) {
      const candidates = Object.values(u.members).filter((id): id is string => id !== null)
      adjudicator.decide({ articleId, candidates, decision: 'accept', chosenId: candidates[0]!, reason: 'all coders agree', guideline: '' })
    }
    return adjudicator.commit(`accept ${agreed.length} agreed tag${agreed.length === 1 ? '' : 's'} into gold`)
  }

  comments(annotationId: string): TagComment[] {
    return this.store.review.comments(annotationId)
  }

  addComment(user: User, annotationId: string, body: string): TagComment[] {
    if (!this.store.annotations.get(annotationId)) throw new AppError('NOT_FOUND', 'That tag no longer exists; reload the article.')
    this.store.db.transaction(() => {
      this.store.ensureAnnotator(user)
      this.store.review.addComment({ id: randomUUID(), annotationId, authorId: user.id, body, createdAt: new Date().toISOString() })
    })()
    return this.comments(annotationId)
  }

  /** Under blind coding no one reviews an article before marking it done: the article view hides the other layers until then. */
  private refuseIfBlind(user: User, articleId: number): void {
    if (this.hidesOthers(user, articleId)) throw new AppError('CONFLICT', 'Blind coding is on: mark this article done to see your colleagues’ tags and review them.')
  }

  private tagRefKeys(): string[] {
    return [...new Set(this.store.codebooks.get().labels.flatMap((l) => l.attributes.filter((a) => a.type === 'tag').map((a) => a.key)))]
  }
}
