import type { Adjudication, AdjudicationCandidate, Decision, Layer, TagComment } from '../../shared/review/adjudication'
import type { ComparedTag } from '../../shared/review/review-unit'
import { groupBy } from './group-by'
import type { Db } from './open-project-db'

interface DecisionRow {
  id: string
  article_id: number
  decision: Decision
  candidates: string
  chosen_id: string | null
  gold_id: string | null
  reason: string
  guideline: string
  decided_by: string
  decided_by_name: string
  decided_at: string
  gold_exists: number
}

interface CommentRow {
  id: string
  annotation_id: string
  author_id: string
  author_name: string
  body: string
  created_at: string
}

const BLIND_KEY = 'blind_coding'
const DECISIONS = `
  SELECT d.*, u.name AS decided_by_name, (d.gold_id IS NOT NULL AND EXISTS (SELECT 1 FROM annotation g WHERE g.id = d.gold_id)) AS gold_exists
  FROM adjudication d JOIN annotator u ON u.id = d.decided_by`
const COMMENTS = 'SELECT c.id, c.annotation_id, c.author_id, u.name AS author_name, c.body, c.created_at FROM tag_comment c JOIN annotator u ON u.id = c.author_id'

function toAdjudication(r: DecisionRow): Adjudication {
  return {
    id: r.id,
    articleId: r.article_id,
    decision: r.decision,
    candidates: JSON.parse(r.candidates) as AdjudicationCandidate[],
    chosenId: r.chosen_id,
    goldId: r.gold_id,
    goldExists: r.gold_exists === 1,
    reason: r.reason,
    guideline: r.guideline,
    decidedBy: r.decided_by,
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at
  }
}

const toTagComment = (r: CommentRow): TagComment => ({ id: r.id, annotationId: r.annotation_id, authorId: r.author_id, authorName: r.author_name, body: r.body, createdAt: r.created_at })

/** SQL for review: layers, per-coder done marks, the blind-coding switch, adjudication decisions and tag comments. */
export class ReviewRepository {
  private readonly layersStmt
  private readonly doneStmt
  private readonly setDoneStmt
  private readonly clearDoneStmt
  private readonly decisionsStmt
  private readonly decisionsInStmt
  private readonly insertDecisionStmt
  private readonly saveDecisionStmt
  private readonly commentsStmt
  private readonly commentsOnStmt
  private readonly insertCommentStmt
  private readonly saveCommentStmt
  private readonly commentCountsStmt
  private readonly comparedStmt
  private readonly rejectedStmt
  // read on every review and layer request
  private readonly blindStmt
  private readonly extraFragmentsStmt
  private readonly comparedLinksStmt

  constructor(private readonly db: Db) {
    this.layersStmt = db.prepare<[number, number], { annotator_id: string; name: string; tags: number; done_at: string | null }>(`
      SELECT u.id AS annotator_id, u.name, count(n.id) AS tags, p.done_at
      FROM annotator u
      LEFT JOIN annotation n ON n.annotator_id = u.id AND n.article_id = ?
      LEFT JOIN coder_progress p ON p.annotator_id = u.id AND p.article_id = ?
      GROUP BY u.id HAVING tags > 0 OR p.done_at IS NOT NULL
      ORDER BY u.name, u.id`)
    this.doneStmt = db.prepare<[number, string], { done_at: string }>('SELECT done_at FROM coder_progress WHERE article_id = ? AND annotator_id = ?')
    this.setDoneStmt = db.prepare('INSERT INTO coder_progress (article_id, annotator_id, done_at) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET done_at = excluded.done_at')
    this.clearDoneStmt = db.prepare('DELETE FROM coder_progress WHERE article_id = ? AND annotator_id = ?')
    this.decisionsStmt = db.prepare<[number], DecisionRow>(`${DECISIONS} WHERE d.article_id = ? ORDER BY d.decided_at, d.rowid`)
    this.decisionsInStmt = db.prepare<[string], DecisionRow>(`${DECISIONS} WHERE d.article_id IN (SELECT value FROM json_each(?)) ORDER BY d.article_id, d.decided_at, d.rowid`)
    this.insertDecisionStmt = db.prepare(`
      INSERT INTO adjudication (id, article_id, decision, candidates, chosen_id, gold_id, reason, guideline, decided_by, decided_at)
      VALUES (@id, @articleId, @decision, @candidates, @chosenId, @goldId, @reason, @guideline, @decidedBy, @decidedAt)`)
    this.commentsStmt = db.prepare<[string], CommentRow>(`${COMMENTS} WHERE c.annotation_id = ? ORDER BY c.created_at, c.rowid`)
    this.commentsOnStmt = db.prepare<[string], CommentRow>(`${COMMENTS} WHERE c.annotation_id IN (SELECT value FROM json_each(?)) ORDER BY c.annotation_id, c.created_at, c.rowid`)
    // imports keep ids: the same decision or comment again updates its row, and one of another article or tag changes nothing
    this.saveDecisionStmt = db.prepare(`
      INSERT INTO adjudication (id, article_id, decision, candidates, chosen_id, gold_id, reason, guideline, decided_by, decided_at)
      VALUES (@id, @articleId, @decision, @candidates, @chosenId, @goldId, @reason, @guideline, @decidedBy, @decidedAt)
      ON CONFLICT (id) DO UPDATE SET decision = excluded.decision, candidates = excluded.candidates, chosen_id = excluded.chosen_id, gold_id = excluded.gold_id,
        reason = excluded.reason, guideline = excluded.guideline, decided_by = excluded.decided_by, decided_at = excluded.decided_at
      WHERE adjudication.article_id = excluded.article_id`)
    this.insertCommentStmt = db.prepare('INSERT INTO tag_comment (id, annotation_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)')
    this.saveCommentStmt = db.prepare(`
      INSERT INTO tag_comment (id, annotation_id, author_id, body, created_at) VALUES (@id, @annotationId, @authorId, @body, @createdAt)
      ON CONFLICT (id) DO UPDATE SET author_id = excluded.author_id, body = excluded.body, created_at = excluded.created_at
      WHERE tag_comment.annotation_id = excluded.annotation_id`)
    this.commentCountsStmt = db.prepare<[number], { annotation_id: string; n: number }>(
      'SELECT c.annotation_id, count(*) AS n FROM tag_comment c JOIN annotation a ON a.id = c.annotation_id WHERE a.article_id = ? GROUP BY c.annotation_id'
    )
    this.blindStmt = db.prepare<[string], { value: string }>('SELECT value FROM project_meta WHERE key = ?')
    // raw rows and only the compared columns, one layer at a time (the layer is the parameter, not a column read per row)
    this.rejectedStmt = db.prepare<[number], string>("SELECT id FROM annotation WHERE article_id = ? AND status = 'rejected'").pluck()
    this.comparedStmt = db
      .prepare<[number, string], [string, string, string, number, number]>('SELECT id, label, attributes, start, end FROM annotation WHERE article_id = ? AND annotator_id = ?')
      .raw()
    // a tag's start/end are its fragments' extent, so only tags with a second fragment need their fragment rows (the article's fragments sit together)
    this.extraFragmentsStmt = db
      .prepare<[number], [string, number, number]>(`
        SELECT f.annotation_id, f.start, f.end FROM fragment g
        JOIN fragment f ON f.article_id = g.article_id AND f.annotation_id = g.annotation_id
        WHERE g.article_id = ? AND g.idx = 1 ORDER BY f.annotation_id, f.idx`)
      .raw()
    this.comparedLinksStmt = db
      .prepare<[number], [string, string, string]>('SELECT r.from_id, r.type, r.to_id FROM annotation n JOIN relation r ON r.from_id = n.id WHERE n.article_id = ? ORDER BY r.from_id, r.idx')
      .raw()
  }

  /** The layers' tags in the article, with only what the comparison reads (a fraction of a full listing's cost). */
  comparedTags(articleId: number, annotatorIds: readonly string[]): ComparedTag[] {
    const fragments = groupBy(this.extraFragmentsStmt.all(articleId), (f) => f[0])
    const links = groupBy(this.comparedLinksStmt.all(articleId), (l) => l[0])
    const tags: ComparedTag[] = []
    for (const annotatorId of new Set(annotatorIds)) {
      const rows = this.comparedStmt.all(articleId, annotatorId)
      // indexed, not destructured: this runs a few times per article, mostly before the JIT optimises it
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!
        const id = row[0]
        tags.push({
          id,
          annotatorId,
          label: row[1],
          fragments: fragments.get(id)?.map(([, s, e]) => ({ start: s, end: e })) ?? [{ start: row[3], end: row[4] }],
          attributes: row[2] === '{}' ? {} : (JSON.parse(row[2]) as Record<string, unknown>),
          links: links.get(id)?.map(([, type, to]) => ({ type, to })) ?? []
        })
      }
    }
    return tags
  }

  /** The article's tags a decision marked rejected (and still are). */
  rejectedIds(articleId: number): Set<string> {
    return new Set(this.rejectedStmt.all(articleId))
  }

  /** Every layer with tags (or a done mark) in the article. */
  layers(articleId: number): Omit<Layer, 'isGold' | 'isMe'>[] {
    return this.layersStmt.all(articleId, articleId).map((r) => ({ annotatorId: r.annotator_id, name: r.name, tags: r.tags, doneAt: r.done_at }))
  }

  annotatorName(id: string): string | null {
    return this.db.prepare<[string], { name: string }>('SELECT name FROM annotator WHERE id = ?').get(id)?.name ?? null
  }

  doneAt(articleId: number, annotatorId: string): string | null {
    return this.doneStmt.get(articleId, annotatorId)?.done_at ?? null
  }

  setDone(articleId: number, annotatorId: string, done: boolean): void {
    if (done) this.setDoneStmt.run(articleId, annotatorId, new Date().toISOString())
    else this.clearDoneStmt.run(articleId, annotatorId)
  }

  /** Records a done mark with the time it was made (imports). */
  setDoneAt(articleId: number, annotatorId: string, doneAt: string): void {
    this.setDoneStmt.run(articleId, annotatorId, doneAt)
  }

  blindCoding(): boolean {
    return this.blindStmt.get(BLIND_KEY)?.value === 'on'
  }

  setBlindCoding(on: boolean): void {
    this.db.prepare('INSERT INTO project_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(BLIND_KEY, on ? 'on' : 'off')
  }

  decisions(articleId: number): Adjudication[] {
    return this.decisionsStmt.all(articleId).map(toAdjudication)
  }

  /** The decisions on several articles, by article id then oldest first (exports read a batch of articles at once). */
  decisionsIn(articleIds: readonly number[]): Adjudication[] {
    return this.decisionsInStmt.all(JSON.stringify(articleIds)).map(toAdjudication)
  }

  addDecision(d: Omit<Adjudication, 'goldExists' | 'decidedByName'>): void {
    this.insertDecisionStmt.run({ ...d, candidates: JSON.stringify(d.candidates) })
  }

  /** Writes an imported decision by its id, `candidates` as JSON text; false when the id is a decision on another article. */
  saveDecision(d: Omit<Adjudication, 'goldExists' | 'decidedByName' | 'candidates'> & { candidates: string }): boolean {
    return this.saveDecisionStmt.run(d).changes > 0
  }

  comments(annotationId: string): TagComment[] {
    return this.commentsStmt.all(annotationId).map(toTagComment)
  }

  /** The comment threads of several tags, by tag id then oldest first. */
  commentsOn(annotationIds: readonly string[]): TagComment[] {
    return this.commentsOnStmt.all(JSON.stringify(annotationIds)).map(toTagComment)
  }

  addComment(c: { id: string; annotationId: string; authorId: string; body: string; createdAt: string }): void {
    this.insertCommentStmt.run(c.id, c.annotationId, c.authorId, c.body, c.createdAt)
  }

  /** Writes an imported comment by its id; false when the id is a comment on another tag. */
  saveComment(c: Omit<TagComment, 'authorName'>): boolean {
    return this.saveCommentStmt.run(c).changes > 0
  }

  /** Comment counts per tag of the article, for the tag list. */
  commentCounts(articleId: number): Record<string, number> {
    return Object.fromEntries(this.commentCountsStmt.all(articleId).map((r) => [r.annotation_id, r.n]))
  }
}
