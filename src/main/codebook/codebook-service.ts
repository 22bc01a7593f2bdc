import { randomUUID } from 'node:crypto'
import type { CodebookMigration } from '../../shared/codebook/codebook-migration'
import type { CodebookSaved } from '../../shared/codebook/codebook-versions'
import { describeOrphan } from '../../shared/codebook/describe-orphan'
import { validateCodebook } from '../../shared/codebook/validate-codebook'
import type { User } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import type { Store } from '../store/store'
import { planTagMigration } from './plan-tag-migration'
import { problemsError } from './problems-error'
import { quoted } from '../../shared/text/quoted'

export interface SaveCodebookInput {
  codebook: unknown
  note: string
  migration: CodebookMigration
  /** The version the editor started from: a save on top of a newer one is refused. */
  baseVersion: number
}

/** Codebook changes: each save is a new version plus the tags it carries over, in one transaction. */
export class CodebookService {
  constructor(private readonly store: Store) {}

  /**
   * Stores the codebook as version current+1 and rewrites the tags the migration touches (relabel, delete,
   * move or map values), each with a change-log row. Refused, changing nothing, if the codebook is invalid
   * or tags would be orphaned: the error's details list the orphans so the user can choose what happens.
   */
  save(user: User, input: SaveCodebookInput): CodebookSaved {
    const check = validateCodebook(input.codebook)
    if (!check.ok) throw problemsError('This codebook cannot be saved', check.problems)
    return this.store.db.transaction(() => {
      const current = this.store.codebooks.currentVersion()
      if (input.baseVersion !== current)
        throw new AppError('CONFLICT', `The codebook was saved as version ${current} after you opened version ${input.baseVersion}; reload the editor and make your changes again.`)
      const version = current + 1
      const next = { ...check.codebook, version }
      const plan = planTagMigration(this.store.codebooks.tagCodings(), next, input.migration)
      if (plan.problems.length) throw problemsError('The tag migration does not fit this codebook', plan.problems)
      if (plan.orphans.length) throw new AppError('VALIDATION', `Saving would orphan tags: ${plan.orphans.map(describeOrphan).join('; ')}.`, { orphans: plan.orphans })

      this.store.ensureAnnotator(user)
      this.store.codebooks.insert({ codebook: next, note: input.note, createdBy: user.id, migration: input.migration })
      const actionId = randomUUID()
      const at = new Date().toISOString()
      let relabelled = 0
      for (const r of plan.rewrites) {
        const before = this.store.annotations.snapshot(r.id)!
        const after = r.delete ? null : { ...before, label: r.label, attributes: r.attributes, links: r.links, codebookVersion: version, updatedAt: at }
        if (after) this.store.annotations.write(after)
        else this.store.annotations.delete(r.id)
        if (after && after.label !== before.label) relabelled++
        const quote = before.fragments[0]?.quote ?? ''
        this.store.changes.append({
          actionId,
          at,
          annotatorId: user.id,
          articleId: before.articleId,
          entity: 'annotation',
          entityId: r.id,
          op: after ? 'update' : 'delete',
          before,
          after,
          undoState: 'none',
          description: `codebook v${version}: ${r.changes.join('; ')} — ${quoted(quote, 40)}`
        })
      }
      // undoing an older edit of a carried-over tag would bring back a label or value this version removed
      this.store.changes.discardHistoryOf(plan.rewrites.map((r) => r.id))
      const deleted = plan.rewrites.filter((r) => r.delete).length
      return { version, relabelled, retagged: plan.rewrites.length - deleted, deleted }
    })()
  }
}
