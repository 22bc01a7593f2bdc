import type { ArticleCursor, ListArticlesInput } from '../../shared/contract'
import type { Article, ArticleStatus, MissingCount, ArticleSummary, SearchCursor, SearchPage } from '../../shared/domain'
import { buildFtsQuery } from './fts-query'
import { makeSnippet } from './make-snippet'
import type { Db } from './open-project-db'
import type { Statement } from 'better-sqlite3'
import type { DbArticleRow, DbArticleSummaryRow } from './rows'

export interface NewArticle {
  uid: string
  title: string
  text: string
  hash: string
  source: string
  url: string
  published: string
  language: string
  fileName: string
  originalSha256: string
  encoding: string
  metadata: string
  charCount: number
  importBatchId: number | null
  importedAt: string
}

/** Above this many matches a search lists newest first instead of ranking (see search()). */
export const RANK_LIMIT = 10_000
const SUMMARY_COLUMNS = 'a.id, a.uid, a.title, a.source, a.published, a.language, a.status, a.file_name, a.char_count, a.tag_count, a.imported_at'
const SORT_COLUMNS = { title: 'a.title', source: 'a.source', published: 'a.published', imported: 'a.id', tags: 'a.tag_count', status: 'a.status' } as const

/** SQL for articles: insert, keyset-paged lists, full-text search. */
export class ArticleRepository {
  private readonly insertStmt
  private readonly getStmt
  private readonly countsStmt
  private blindStmts:
    | {
        counts: Statement<{ ids: string; me: string }, { article_id: number; label: string; n: number }>
        missing: Statement<{ ids: string; me: string }, { article_id: number; label: string; key: string; n: number }>
      }
    | undefined
  private readonly missingStmt
  private readonly indexStmt
  private readonly newestMatches
  private readonly rowsWithText
  private readonly noteStmt
  private readonly setNoteStmt

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(`
      INSERT INTO article (uid, title, text, hash, source, url, published, language, file_name, original_sha256, encoding, metadata, char_count, import_batch_id, imported_at)
      VALUES (@uid, @title, @text, @hash, @source, @url, @published, @language, @fileName, @originalSha256, @encoding, @metadata, @charCount, @importBatchId, @importedAt)
      ON CONFLICT (hash) DO NOTHING`)
    this.getStmt = db.prepare<[number], DbArticleRow>(`SELECT ${SUMMARY_COLUMNS}, a.text, a.hash, a.url, a.metadata, a.note FROM article a WHERE a.id = ?`)
    this.indexStmt = db.prepare('INSERT INTO article_fts (rowid, title, text) SELECT id, title, text FROM article WHERE id IN (SELECT value FROM json_each(?))')
    this.newestMatches = db.prepare<[string, number, number], { id: number; rank: number }>(
      'SELECT rowid AS id, 0 AS rank FROM article_fts WHERE article_fts MATCH ? AND rowid < ? ORDER BY rowid DESC LIMIT ?'
    )
    this.rowsWithText = db.prepare<[string], DbArticleSummaryRow & { text: string }>(`SELECT ${SUMMARY_COLUMNS}, a.text FROM article a WHERE a.id IN (SELECT value FROM json_each(?))`)
    // tags share a handful of distinct missing lists: group them first, so JSON is expanded per list, not per tag
    this.missingStmt = db.prepare<[string], { article_id: number; label: string; key: string; n: number }>(
      `SELECT g.article_id, g.label, m.value AS key, sum(g.n) AS n
       FROM (SELECT article_id, label, missing, count(*) AS n FROM annotation
             WHERE article_id IN (SELECT value FROM json_each(?)) AND missing != '[]' GROUP BY article_id, label, missing) g, json_each(g.missing) m
       GROUP BY g.article_id, g.label, m.value`
    )
    this.noteStmt = db.prepare<[number], string>('SELECT note FROM article WHERE id = ?').pluck()
    this.setNoteStmt = db.prepare('UPDATE article SET note = ? WHERE id = ?')
    this.countsStmt = db.prepare<[string], { article_id: number; label: string; n: number }>(
      `SELECT article_id, label, count(*) AS n FROM annotation WHERE article_id IN (SELECT value FROM json_each(?)) GROUP BY article_id, label`
    )
  }

  /**
   * Inserts articles, skipping any whose text hash is already present, and indexes the new ones for
   * full-text search; call inside a transaction. Returns each article's new id, or null for a duplicate.
   */
  insertBatch(articles: NewArticle[]): (number | null)[] {
    const ids = articles.map((a) => {
      const info = this.insertStmt.run(a)
      return info.changes === 1 ? Number(info.lastInsertRowid) : null
    })
    const added = ids.filter((id): id is number => id !== null)
    if (added.length > 0) this.indexStmt.run(JSON.stringify(added))
    return ids
  }

  get(id: number): Article | null {
    const row = this.getStmt.get(id)
    if (!row) return null
    const [summary] = this.withCounts([row])
    return { ...summary!, text: row.text, hash: row.hash, url: row.url, metadata: JSON.parse(row.metadata) as Record<string, unknown>, note: row.note }
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM article').get() as { n: number }).n
  }

  /** One page of the corpus list, by keyset: cost is independent of how deep the page is. */
  /** `blindFor`: under blind coding, the coder whose counts leave out colleagues' tags on articles they have not marked done. */
  list(input: Required<Pick<ListArticlesInput, 'sort' | 'dir' | 'limit'>> & Pick<ListArticlesInput, 'filter' | 'after'>, blindFor: string | null = null): {
    rows: ArticleSummary[]
    next: ArticleCursor | null
  } {
    const col = SORT_COLUMNS[input.sort]
    const where: string[] = []
    const params: unknown[] = []
    const filter = input.filter ?? {}
    if (filter.status) where.push('a.status = ?') && params.push(filter.status)
    if (filter.source !== undefined) where.push('a.source = ?') && params.push(filter.source)
    if (filter.language !== undefined) where.push('a.language = ?') && params.push(filter.language)
    const cmp = input.dir === 'asc' ? '>' : '<'
    const filters = (extra: string[]) => (where.length + extra.length ? `WHERE ${[...where, ...extra].join(' AND ')}` : '')
    const select = (extra: string[], order: string) => `SELECT ${SUMMARY_COLUMNS} FROM article a ${filters(extra)} ORDER BY ${order} LIMIT ?`
    const limit = input.limit + 1
    let rows: DbArticleSummaryRow[]
    if (!input.after) {
      rows = this.db.prepare<unknown[], DbArticleSummaryRow>(select([], col === 'a.id' ? `a.id ${input.dir}` : `${col} ${input.dir}, a.id ${input.dir}`)).all(...params, limit)
    } else if (col === 'a.id') {
      rows = this.db.prepare<unknown[], DbArticleSummaryRow>(select([`a.id ${cmp} ?`], `a.id ${input.dir}`)).all(...params, input.after.id, limit)
    } else {
      // the rest of the cursor's value, then the values after it: both index seeks; a row-value
      // comparison seeks on the first column only and scans every row sharing it (e.g. all untagged)
      const sql = `SELECT * FROM (SELECT * FROM (${select([`${col} = ?`, `a.id ${cmp} ?`], `a.id ${input.dir}`)})
        UNION ALL SELECT * FROM (${select([`${col} ${cmp} ?`], `${col} ${input.dir}, a.id ${input.dir}`)})) LIMIT ?`
      rows = this.db
        .prepare<unknown[], DbArticleSummaryRow>(sql)
        .all(...params, input.after.value, input.after.id, limit, ...params, input.after.value, limit, limit)
    }
    const more = rows.length > input.limit
    const page = this.withCounts(rows.slice(0, input.limit), blindFor)
    const last = page[page.length - 1]
    const next = more && last ? { value: cursorValue(last, input.sort), id: last.id } : null
    return { rows: page, next }
  }

  facets(): { total: number; sources: string[]; languages: string[]; labels: string[] } {
    const distinct = (sql: string) => (this.db.prepare(sql).pluck().all() as string[]).filter((v) => v !== '')
    return {
      total: this.count(),
      sources: distinct('SELECT DISTINCT source FROM article ORDER BY source LIMIT 1000'),
      languages: distinct('SELECT DISTINCT language FROM article ORDER BY language LIMIT 200'),
      labels: distinct('SELECT DISTINCT label FROM annotation ORDER BY label LIMIT 1000')
    }
  }

  /**
   * Full-text search with highlighted snippets. Up to RANK_LIMIT matches are ranked (bm25, titles weighted
   * up) and paged by (rank, id); a broader query (a near-stopword) lists its matches newest first instead,
   * because ranking 100,000 matches takes most of a second and the user is usually still typing.
   */
  /** Ids of articles whose text holds any of these phrases (already folded match keys), as FTS5 finds them. */
  idsWithPhrases(keys: string[]): number[] {
    const match = keys.map((k) => `"${k.replace(/"/g, '""')}"`).join(' OR ')
    return this.db.prepare<[string], { id: number }>('SELECT rowid AS id FROM article_fts WHERE article_fts MATCH ? ORDER BY rowid').all(match).map((r) => r.id)
  }

  /** Id, title and text of some articles, for scanning them in pages. */
  texts(ids: number[]): { id: number; title: string; text: string }[] {
    return this.db.prepare<[string], { id: number; title: string; text: string }>('SELECT id, title, text FROM article WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id').all(JSON.stringify(ids))
  }

  search(query: string, limit: number, after?: SearchCursor, blindFor: string | null = null): SearchPage {
    const match = buildFtsQuery(query)
    if (!match) return { hits: [], next: null, total: 0, ranked: true }
    let page: { id: number; rank: number }[]
    let total = 0
    let ranked = after?.ranked ?? true
    let more: boolean
    if (after && !ranked) {
      page = this.newestMatches.all(match, after.id, limit + 1)
      more = page.length > limit
    } else {
      if (!after) {
        // one pass gives the (capped) count and, for a broad query, its newest page
        const newest = this.newestMatches.all(match, Number.MAX_SAFE_INTEGER, RANK_LIMIT + 1)
        total = newest.length
        ranked = total <= RANK_LIMIT
        if (!ranked) page = newest
      }
      if (ranked) {
        const rank = 'bm25(article_fts, 5.0, 1.0)'
        page = this.db
          .prepare<unknown[], { id: number; rank: number }>(
            `SELECT rowid AS id, ${rank} AS rank FROM article_fts WHERE article_fts MATCH ?
             ${after ? `AND (${rank} > ? OR (${rank} = ? AND rowid > ?))` : ''} ORDER BY rank, rowid LIMIT ?`
          )
          .all(...(after ? [match, after.rank, after.rank, after.id] : [match]), limit + 1)
      }
      more = page!.length > limit
    }
    page = page!.slice(0, limit)
    const rows = this.rowsWithText.all(JSON.stringify(page.map((t) => t.id)))
    const byId = new Map(rows.map((r) => [r.id, r]))
    const ordered = page.map((t) => byId.get(t.id)).filter((r) => r !== undefined)
    const summaries = this.withCounts(ordered, blindFor)
    const hits = summaries.map((s, i) => ({ ...s, snippet: makeSnippet(match, ordered[i]!.title, ordered[i]!.text), rank: page[i]!.rank }))
    const last = page[page.length - 1]
    return { hits, next: more && last ? { rank: last.rank, id: last.id, ranked } : null, total, ranked }
  }

  setStatus(id: number, status: ArticleStatus): boolean {
    return this.db.prepare('UPDATE article SET status = ? WHERE id = ?').run(status, id).changes === 1
  }

  /** The article's memo, or null when there is no such article. */
  note(id: number): string | null {
    return this.noteStmt.get(id) ?? null
  }

  setNote(id: number, note: string): boolean {
    return this.setNoteStmt.run(note, id).changes === 1
  }

  /** Label and missing-attribute counts of the tags `me` may see under blind coding: mine, and everyone's where I marked the article done. */
  private blindCounts(ids: string, me: string) {
    // prepared on first use: most projects never turn blind coding on
    if (!this.blindStmts) {
      const visible = `(annotator_id = @me OR EXISTS (SELECT 1 FROM coder_progress p WHERE p.article_id = annotation.article_id AND p.annotator_id = @me))`
      this.blindStmts = {
        counts: this.db.prepare<{ ids: string; me: string }, { article_id: number; label: string; n: number }>(
          `SELECT article_id, label, count(*) AS n FROM annotation WHERE article_id IN (SELECT value FROM json_each(@ids)) AND ${visible} GROUP BY article_id, label`
        ),
        missing: this.db.prepare<{ ids: string; me: string }, { article_id: number; label: string; key: string; n: number }>(
          `SELECT g.article_id, g.label, m.value AS key, sum(g.n) AS n
           FROM (SELECT article_id, label, missing, count(*) AS n FROM annotation
                 WHERE article_id IN (SELECT value FROM json_each(@ids)) AND missing != '[]' AND ${visible} GROUP BY article_id, label, missing) g, json_each(g.missing) m
           GROUP BY g.article_id, g.label, m.value`
        )
      }
    }
    return [this.blindStmts.counts.all({ ids, me }), this.blindStmts.missing.all({ ids, me })] as const
  }

  private withCounts(rows: DbArticleSummaryRow[], blindFor: string | null = null): ArticleSummary[] {
    const counts = new Map<number, Record<string, number>>()
    const missing = new Map<number, MissingCount[]>()
    if (rows.length > 0) {
      const ids = JSON.stringify(rows.map((r) => r.id))
      const [countsOf, missingOf] = blindFor === null ? [this.countsStmt.all(ids), this.missingStmt.all(ids)] : this.blindCounts(ids, blindFor)
      for (const c of countsOf) {
        const m = counts.get(c.article_id) ?? {}
        m[c.label] = c.n
        counts.set(c.article_id, m)
      }
      for (const m of missingOf) missing.set(m.article_id, [...(missing.get(m.article_id) ?? []), { label: m.label, attribute: m.key, count: m.n }])
    }
    const visibleTags = (id: number) => Object.values(counts.get(id) ?? {}).reduce((a, b) => a + b, 0)
    return rows.map((r) => ({
      id: r.id,
      uid: r.uid,
      title: r.title,
      source: r.source,
      published: r.published,
      language: r.language,
      status: r.status as ArticleStatus,
      fileName: r.file_name,
      charCount: r.char_count,
      tagCount: blindFor === null ? r.tag_count : visibleTags(r.id),
      labelCounts: counts.get(r.id) ?? {},
      missing: missing.get(r.id) ?? [],
      importedAt: r.imported_at
    }))
  }
}

function cursorValue(row: ArticleSummary, sort: keyof typeof SORT_COLUMNS): string | number {
  switch (sort) {
    case 'title':
      return row.title
    case 'source':
      return row.source
    case 'published':
      return row.published
    case 'tags':
      return row.tagCount
    case 'status':
      return row.status
    case 'imported':
      return row.id
  }
}
