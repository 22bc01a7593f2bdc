import type { ArticleCursor, ListArticlesInput } from '../../shared/contract'
import type { Article, ArticleStatus, ArticleSummary, SearchHit } from '../../shared/domain'
import { buildFtsQuery } from './fts-query'
import type { Db } from './open-project-db'
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

const SUMMARY_COLUMNS = 'a.id, a.uid, a.title, a.source, a.published, a.language, a.status, a.file_name, a.char_count, a.tag_count, a.imported_at'
const SORT_COLUMNS = { title: 'a.title', source: 'a.source', published: 'a.published', imported: 'a.id', tags: 'a.tag_count', status: 'a.status' } as const

/** SQL for articles: insert, keyset-paged lists, full-text search. */
export class ArticleRepository {
  private readonly insertStmt
  private readonly getStmt
  private readonly countsStmt
  private readonly indexStmt

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(`
      INSERT INTO article (uid, title, text, hash, source, url, published, language, file_name, original_sha256, encoding, metadata, char_count, import_batch_id, imported_at)
      VALUES (@uid, @title, @text, @hash, @source, @url, @published, @language, @fileName, @originalSha256, @encoding, @metadata, @charCount, @importBatchId, @importedAt)
      ON CONFLICT (hash) DO NOTHING`)
    this.getStmt = db.prepare<[number], DbArticleRow>(`SELECT ${SUMMARY_COLUMNS}, a.text, a.hash, a.url, a.metadata FROM article a WHERE a.id = ?`)
    this.indexStmt = db.prepare('INSERT INTO article_fts (rowid, title, text) SELECT id, title, text FROM article WHERE id IN (SELECT value FROM json_each(?))')
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
    return { ...summary!, text: row.text, hash: row.hash, url: row.url, metadata: JSON.parse(row.metadata) as Record<string, unknown> }
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM article').get() as { n: number }).n
  }

  /** One page of the corpus list, by keyset: cost is independent of how deep the page is. */
  list(input: Required<Pick<ListArticlesInput, 'sort' | 'dir' | 'limit'>> & Pick<ListArticlesInput, 'filter' | 'after'>): {
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
    if (input.after) {
      if (col === 'a.id') where.push(`a.id ${cmp} ?`) && params.push(input.after.id)
      else where.push(`(${col}, a.id) ${cmp} (?, ?)`) && params.push(input.after.value, input.after.id)
    }
    const order = col === 'a.id' ? `a.id ${input.dir}` : `${col} ${input.dir}, a.id ${input.dir}`
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM article a ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY ${order} LIMIT ?`
    const rows = this.db.prepare<unknown[], DbArticleSummaryRow>(sql).all(...params, input.limit + 1)
    const more = rows.length > input.limit
    const page = this.withCounts(rows.slice(0, input.limit))
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

  /** Ranked full-text search (bm25, titles weighted up) with highlighted snippets, paged by (rank, id). */
  search(query: string, limit: number, after?: { rank: number; id: number }): { hits: SearchHit[]; next: { rank: number; id: number } | null } {
    const match = buildFtsQuery(query)
    if (!match) return { hits: [], next: null }
    const rank = 'bm25(article_fts, 5.0, 1.0)'
    const keyset = after ? `AND (${rank} > ? OR (${rank} = ? AND a.id > ?))` : ''
    const sql = `
      SELECT ${SUMMARY_COLUMNS}, snippet(article_fts, -1, char(2), char(3), '…', 24) AS snippet, ${rank} AS rank
      FROM article_fts JOIN article a ON a.id = article_fts.rowid
      WHERE article_fts MATCH ? ${keyset}
      ORDER BY rank, a.id LIMIT ?`
    const params: unknown[] = [match]
    if (after) params.push(after.rank, after.rank, after.id)
    params.push(limit + 1)
    const rows = this.db.prepare<unknown[], DbArticleSummaryRow & { snippet: string; rank: number }>(sql).all(...params)
    const more = rows.length > limit
    const page = rows.slice(0, limit)
    const summaries = this.withCounts(page)
    const hits = summaries.map((s, i) => ({ ...s, snippet: page[i]!.snippet, rank: page[i]!.rank }))
    const last = hits[hits.length - 1]
    return { hits, next: more && last ? { rank: last.rank, id: last.id } : null }
  }

  setStatus(id: number, status: ArticleStatus): boolean {
    return this.db.prepare('UPDATE article SET status = ? WHERE id = ?').run(status, id).changes === 1
  }

  private withCounts(rows: DbArticleSummaryRow[]): ArticleSummary[] {
    const counts = new Map<number, Record<string, number>>()
    if (rows.length > 0) {
      for (const c of this.countsStmt.all(JSON.stringify(rows.map((r) => r.id)))) {
        const m = counts.get(c.article_id) ?? {}
        m[c.label] = c.n
        counts.set(c.article_id, m)
      }
    }
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
      tagCount: r.tag_count,
      labelCounts: counts.get(r.id) ?? {},
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
