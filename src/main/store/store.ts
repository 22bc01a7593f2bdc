import { ActorRepository } from './actor-repository'
import { AnnotationRepository } from './annotation-repository'
import { ArticleRepository } from './article-repository'
import { ChangeLogRepository } from './change-log-repository'
import { CodebookRepository } from './codebook-repository'
import type { Statement } from 'better-sqlite3'
import type { Db } from './open-project-db'
import { ReviewRepository } from './review-repository'

/** An open project: its connection and the repositories over it. */
export class Store {
  readonly articles: ArticleRepository
  readonly annotations: AnnotationRepository
  readonly changes: ChangeLogRepository
  readonly codebooks: CodebookRepository
  readonly actors: ActorRepository
  readonly review: ReviewRepository

  constructor(
    readonly db: Db,
    readonly path: string
  ) {
    this.articles = new ArticleRepository(db)
    this.codebooks = new CodebookRepository(db)
    this.annotations = new AnnotationRepository(db, (version) => this.codebooks.get(version ?? undefined))
    this.changes = new ChangeLogRepository(db)
    this.actors = new ActorRepository(db)
    this.review = new ReviewRepository(db)
  }

  /** Records a coder named by imported data; one the project already has keeps the name it has here. */
  addAnnotator(who: { id: string; name: string }, at: string): void {
    // imports call this per comment and decision, so the statement is prepared once
    this.addAnnotatorStmt ??= this.db.prepare('INSERT INTO annotator (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING')
    this.addAnnotatorStmt.run(who.id, who.name, at)
  }
  private addAnnotatorStmt: Statement | undefined

  /** Records the annotator once per project so every tag can name who made it. */
  ensureAnnotator(user: { id: string; name: string }): void {
    this.db
      .prepare('INSERT INTO annotator (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name')
      .run(user.id, user.name, new Date().toISOString())
  }

  /** A known coder's new name; a coder with nothing in this project stays out of it. */
  renameAnnotator(user: { id: string; name: string }): void {
    this.db.prepare('UPDATE annotator SET name = ? WHERE id = ?').run(user.name, user.id)
  }

  close(): void {
    if (this.db.open) this.db.close()
  }
}
