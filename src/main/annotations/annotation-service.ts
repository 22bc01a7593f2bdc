import { randomUUID } from 'node:crypto'
import type { Annotation, HistoryState, Mutation, User } from '../../shared/domain'
import { validateAttributes } from '../../shared/codebook/validate-attributes'
import { AppError } from '../../shared/errors'
import { ArticleOffsets, checkRange, quoteRange } from '../../shared/offsets'
import type { AnnotationSnapshot } from '../store/annotation-repository'
import type { Store } from '../store/store'
import { foldableNoteEdit } from './foldable-note-edit'

/** Tagging actions: each one transaction that writes the tag and its change-log rows together. */
export class AnnotationService {
  constructor(private readonly store: Store) {}

  create(user: User, input: { articleId: number; label: string; fragments: { start: number; end: number }[]; note?: string }): Mutation {
    const article = this.store.articles.get(input.articleId)
    if (!article) throw new AppError('NOT_FOUND', `Article ${input.articleId} does not exist in this project.`)
    this.store.codebooks.requireLabel(input.label)
    const offsets = new ArticleOffsets(article.text)
    const ranges = [...input.fragments].sort((a, b) => a.start - b.start)
    ranges.forEach((r, i) => {
      const problem = checkRange(offsets, r)
      if (problem) throw new AppError('VALIDATION', `Fragment ${i + 1}: ${problem}.`)
      if (i > 0 && r.start < ranges[i - 1]!.end) throw new AppError('VALIDATION', `Fragments ${i} and ${i + 1} overlap; merge them into one.`)
    })
    const now = new Date().toISOString()
    const snapshot: AnnotationSnapshot = {
      id: randomUUID(),
      articleId: article.id,
      annotatorId: user.id,
      label: input.label,
      fragments: ranges.map((r) => ({ ...r, ...quoteRange(offsets, r) })),
      attributes: {},
      note: input.note ?? '',
      status: 'draft',
      codebookVersion: this.store.codebooks.currentVersion(),
      createdAt: now,
      updatedAt: now
    }
    const quote = snapshot.fragments.map((f) => f.quote).join(' … ')
    return this.act(user, article.id, `tag “${short(quote)}” as ${input.label}`, [{ before: null, after: snapshot }])
  }

  update(user: User, input: { id: string; label?: string; note?: string; attributes?: Record<string, unknown> }): Mutation {
    const current = this.require(input.id)
    if (input.label !== undefined) this.store.codebooks.requireLabel(input.label)
    const before = this.store.annotations.snapshot(input.id)!
    const label = input.label ?? before.label
    const relabel = label !== before.label
    const codebook = this.store.codebooks.get()
    const defs = codebook.labels.find((l) => l.name === label)?.attributes ?? []
    let attributes = { ...before.attributes }
    const dropped = relabel ? Object.keys(attributes).filter((k) => !defs.some((d) => d.key === k)) : []
    // a relabelled tag keeps the attributes its new label also has; undo brings the others back
    if (dropped.length) attributes = Object.fromEntries(Object.entries(attributes).filter(([k]) => !dropped.includes(k)))
    const patched = Object.keys(input.attributes ?? {})
    for (const [k, v] of Object.entries(input.attributes ?? {})) {
      if (v === null || v === '' || (Array.isArray(v) && v.length === 0)) delete attributes[k]
      else attributes[k] = v
    }
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
      attributes,
      codebookVersion: recoded ? codebook.version : before.codebookVersion,
      updatedAt: new Date().toISOString()
    }
    const quote = `“${short(current.fragments[0]!.quote)}”`
    const names = patched.map((k) => defs.find((d) => d.key === k)?.name ?? k).join(', ')
    const description = relabel
      ? `relabel as ${label} ${quote}${dropped.length ? ` (set aside ${dropped.length} attribute${dropped.length === 1 ? '' : 's'} ${before.label} has and ${label} lacks)` : ''}`
      : patched.length
        ? `set ${names} of ${quote}`
        : `edit note of ${quote}`
    const folded = input.note !== undefined && !recoded ? this.foldNote(user, after) : null
    if (folded) return folded
    return this.act(user, current.articleId, description, [{ before, after }])
  }

  delete(user: User, id: string): Mutation {
    const current = this.require(id)
    return this.act(user, current.articleId, `delete ${current.label} “${short(current.fragments[0]!.quote)}”`, [{ before: this.store.annotations.snapshot(id)!, after: null }])
  }

  history(user: User, articleId: number): HistoryState {
    const undo = this.store.changes.topOfUndo(articleId, user.id)
    const redo = this.store.changes.topOfRedo(articleId, user.id)
    return { canUndo: !!undo, canRedo: !!redo, undoDescription: undo?.description ?? null, redoDescription: redo?.description ?? null }
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
        const to = parseSnapshot(op === 'undo' ? row.before : row.after)
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

  private act(user: User, articleId: number, description: string, steps: { before: AnnotationSnapshot | null; after: AnnotationSnapshot | null }[]): Mutation {
    return this.store.db.transaction(() => {
      this.store.ensureAnnotator(user)
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

  private require(id: string): Annotation {
    const a = this.store.annotations.get(id)
    if (!a) throw new AppError('NOT_FOUND', `Tag ${id} does not exist (it may have been deleted or undone).`)
    return a
  }
}

function parseSnapshot(json: string | null): AnnotationSnapshot | null {
  return json === null ? null : (JSON.parse(json) as AnnotationSnapshot)
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text
}
