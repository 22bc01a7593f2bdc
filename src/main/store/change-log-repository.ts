import type { Db } from './open-project-db'
import type { DbChangeRow } from './rows'

export interface NewChange {
  actionId: string
  at: string
  annotatorId: string
  articleId: number | null
  entity: 'annotation' | 'actor' | 'article'
  entityId: string
  op: 'create' | 'update' | 'delete' | 'undo' | 'redo'
  before: unknown
  after: unknown
  undoState: 'done' | 'none'
  description: string
}

/**
 * The append-only change log. Each user action is one or more rows sharing an action id; per article and
 * annotator, rows in state 'done' form the undo stack and rows in state 'undone' the redo stack.
 * The one exception to append-only: a note typed in bursts folds into its latest row (see fold()).
 */
export class ChangeLogRepository {
  private readonly insertStmt
  private readonly lastDoneStmt
  private readonly lastUndoneStmt
  private readonly actionStmt
  private readonly setStateStmt
  private readonly discardStmt
  private readonly latestStmt
  private readonly foldStmt
  private readonly discardTouchingStmt
  private readonly relabelStmt

  constructor(db: Db) {
    this.insertStmt = db.prepare(`
      INSERT INTO change_log (action_id, at, annotator_id, article_id, entity, entity_id, op, before, after, undo_state, description)
      VALUES (@actionId, @at, @annotatorId, @articleId, @entity, @entityId, @op, @before, @after, @undoState, @description)`)
    const top = (state: string, dir: string) =>
      db.prepare<[number, string], { action_id: string; description: string }>(
        `SELECT action_id, description FROM change_log WHERE article_id = ? AND annotator_id = ? AND undo_state = '${state}' ORDER BY id ${dir} LIMIT 1`
      )
    this.lastDoneStmt = top('done', 'DESC')
    this.lastUndoneStmt = top('undone', 'ASC')
    this.actionStmt = db.prepare<[string], DbChangeRow>('SELECT * FROM change_log WHERE action_id = ? AND undo_state IN (\'done\', \'undone\') ORDER BY id')
    this.setStateStmt = db.prepare('UPDATE change_log SET undo_state = ? WHERE action_id = ? AND undo_state IN (\'done\', \'undone\')')
    this.discardStmt = db.prepare("UPDATE change_log SET undo_state = 'discarded' WHERE article_id = ? AND annotator_id = ? AND undo_state = 'undone'")
    this.latestStmt = db.prepare<[number], DbChangeRow>('SELECT * FROM change_log WHERE article_id = ? ORDER BY id DESC LIMIT 1')
    this.foldStmt = db.prepare('UPDATE change_log SET at = ?, after = ? WHERE id = ?')
    this.discardTouchingStmt = db.prepare(`
      UPDATE change_log SET undo_state = 'discarded' WHERE undo_state IN ('done', 'undone')
        AND action_id IN (SELECT action_id FROM change_log WHERE entity_id IN (SELECT value FROM json_each(?)))`)
    this.relabelStmt = db.prepare<{ articleId: number; id: string; label: string }, string>(`
      SELECT before FROM change_log WHERE article_id = @articleId AND entity = 'annotation' AND entity_id = @id AND op = 'update' AND undo_state = 'done'
        AND before ->> '$.label' = @label AND after ->> '$.label' != @label ORDER BY id DESC LIMIT 1`).pluck()
  }

  append(c: NewChange): void {
    this.insertStmt.run({
      ...c,
      before: c.before === null ? null : JSON.stringify(c.before),
      after: c.after === null ? null : JSON.stringify(c.after)
    })
  }

  /** The action undo would reverse next, if any. */
  topOfUndo(articleId: number, annotatorId: string): { actionId: string; description: string } | null {
    const r = this.lastDoneStmt.get(articleId, annotatorId)
    return r ? { actionId: r.action_id, description: r.description } : null
  }

  /** The action redo would re-apply next, if any. */
  topOfRedo(articleId: number, annotatorId: string): { actionId: string; description: string } | null {
    const r = this.lastUndoneStmt.get(articleId, annotatorId)
    return r ? { actionId: r.action_id, description: r.description } : null
  }

  actionRows(actionId: string): DbChangeRow[] {
    return this.actionStmt.all(actionId)
  }

  setState(actionId: string, state: 'done' | 'undone'): void {
    this.setStateStmt.run(state, actionId)
  }

  /** The newest row about this article, by anyone. */
  latestInArticle(articleId: number): DbChangeRow | null {
    return this.latestStmt.get(articleId) ?? null
  }

  /** Moves a row's outcome to `after` at `at`, keeping its `before`: one entry for a run of edits. */
  fold(rowId: number, at: string, after: unknown): void {
    this.foldStmt.run(at, JSON.stringify(after), rowId)
  }

  /** The tag as it was just before it was last relabelled away from `label` (and not undone since), as logged. */
  beforeRelabelFrom(articleId: number, id: string, label: string): unknown {
    const before = this.relabelStmt.get({ articleId, id, label })
    return before === undefined ? null : (JSON.parse(before) as unknown)
  }

  /** A new action makes the redo stack meaningless. */
  discardRedo(articleId: number, annotatorId: string): void {
    this.discardStmt.run(articleId, annotatorId)
  }

  /** Takes every action that touched these entities off the undo and redo stacks (they stay in the log). */
  discardHistoryOf(entityIds: readonly string[]): void {
    if (entityIds.length) this.discardTouchingStmt.run(JSON.stringify(entityIds))
  }
}
