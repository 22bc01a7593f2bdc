import type { ExportFilter } from '../../../shared/exchange/export-options'
import type { Store } from '../../store/store'
import { filterSql } from '../filter-sql'
import { ARTICLE_BATCH } from '../read-dataset'
import { coder, comments, decisions, doneMarks, str } from './native-json-sql'

/** One article's finished native line (UTF-8, newline included) and what it holds, for counting and progress. */
export interface NativeLine {
  title: string
  bytes: Uint8Array
  annotations: number
  links: number
  /** Review records on the line: the exported tags' comments, the article's decisions, the kept coders' done marks. */
  comments: number
  adjudications: number
  doneMarks: number
}

/**
 * The native export's article lines, built by SQLite itself: each line leaves the database as one UTF-8 blob,
 * so a million tags never become JavaScript objects (the JSON.stringify path made export ten times slower).
 * The bytes equal NativeWriter.article() for the same rows; tests compare the two on random projects.
 */
export class NativeLineReader {
  private readonly lines
  private readonly dropped
  private readonly params: Record<string, string>

  constructor(store: Store, filter: ExportFilter, options: { quotes: boolean; withText: boolean }) {
    const f = filterSql(filter)
    const target = filterSql(filter, 'm', 'v')
    this.params = f.params
    // a table the project never used costs nothing per article or tag
    const has = (table: string) => store.db.prepare(`SELECT EXISTS (SELECT 1 FROM ${table})`).pluck().get() === 1
    const hasLinks = has('relation')
    // a link is kept when the tag it points to is exported too (same article, same filter)
    const kept = `EXISTS (SELECT 1 FROM annotation m JOIN annotator v ON v.id = m.annotator_id WHERE m.article_id = n.article_id AND m.id = r.to_id${target.tags})`
    const fragment = options.quotes
      ? `'{"start":' || g.start || ',"end":' || g.end || ',"quote":' || ${str('g.quote')} || ',"prefix":' || ${str('g.prefix')} || ',"suffix":' || ${str('g.suffix')} || '}'`
      : `'{"start":' || g.start || ',"end":' || g.end || '}'`
    const links = hasLinks
      ? `coalesce((SELECT group_concat('{"type":' || ${str('r.type')} || ',"to":' || ${str('r.to_id')} || '}', ',' ORDER BY r.idx) FROM relation r WHERE r.from_id = n.id AND ${kept}), '')`
      : `''`
    const tag = `'{"id":' || ${str('n.id')} || ',"label":' || ${str('n.label')}
      || ',"fragments":[' || (SELECT group_concat(${fragment}, ',' ORDER BY g.idx) FROM fragment g WHERE g.article_id = n.article_id AND g.annotation_id = n.id)
      || '],"attributes":' || n.attributes || ',"links":[' || ${links} || '],"note":' || ${str('n.note')} || ',"status":' || ${str('n.status')}
      || ',"annotator":' || ${coder('n.annotator_id', 'u.name')} || ',"codebookVersion":' || coalesce(n.codebook_version, 'null')
      || ',"createdAt":' || ${str('n.created_at')} || ',"updatedAt":' || ${str('n.updated_at')} || ',"comments":[' || ${has('tag_comment') ? comments : `''`} || ']}'`
    const tags = `FROM annotation n JOIN annotator u ON u.id = n.annotator_id WHERE n.article_id = a.id${f.tags}`
    this.lines = store.db
      .prepare<Record<string, unknown>, [number, string, Buffer, number, number, number, number, number]>(`
        SELECT a.id, a.title,
          CAST('{"type":"article","uid":' || ${str('a.uid')} || ',"title":' || ${str('a.title')} || ',"source":' || ${str('a.source')} || ',"url":' || ${str('a.url')}
            || ',"published":' || ${str('a.published')} || ',"language":' || ${str('a.language')} || ',"fileName":' || ${str('a.file_name')}
            || ',"hash":' || ${str('a.hash')} || ',"status":' || ${str('a.status')} || ',"importedAt":' || ${str('a.imported_at')} || ',"metadata":' || a.metadata
            || ',"note":' || ${str('a.note')} || ',"text":' || ${options.withText ? str('a.text') : `'""'`}
            || ',"annotations":[' || coalesce((SELECT group_concat(${tag}, ',' ORDER BY n.start, n.end DESC, n.created_at, n.id) ${tags}), '')
            || '],"adjudications":[' || ${has('adjudication') ? decisions : `''`} || '],"doneMarks":[' || ${has('coder_progress') ? doneMarks(filter) : `''`} || ']}' || char(10) AS BLOB),
          (SELECT count(*) ${tags}),
          ${hasLinks ? `(SELECT count(*) FROM annotation n JOIN annotator u ON u.id = n.annotator_id JOIN relation r ON r.from_id = n.id WHERE n.article_id = a.id${f.tags} AND ${kept})` : '0'},
          ${has('tag_comment') ? `(SELECT count(*) FROM annotation n JOIN annotator u ON u.id = n.annotator_id JOIN tag_comment c ON c.annotation_id = n.id WHERE n.article_id = a.id${f.tags})` : '0'},
          ${has('adjudication') ? '(SELECT count(*) FROM adjudication d WHERE d.article_id = a.id)' : '0'},
          ${has('coder_progress') ? `(SELECT count(*) FROM coder_progress p JOIN annotator pu ON pu.id = p.annotator_id WHERE p.article_id = a.id${filterSql({ annotators: filter.annotators }, 'p', 'pu').tags})` : '0'}
        FROM article a WHERE a.id > @after${f.articles} ORDER BY a.id LIMIT ${ARTICLE_BATCH}`)
      .raw()
    this.dropped = hasLinks
      ? store.db.prepare<Record<string, unknown>, number>(`
          SELECT count(*) FROM relation r JOIN annotation n ON n.id = r.from_id JOIN annotator u ON u.id = n.annotator_id JOIN article a ON a.id = n.article_id
          WHERE 1${f.articles}${f.tags} AND NOT ${kept}`).pluck()
      : null
  }

  /** Yields the articles' lines ARTICLE_BATCH at a time, in article id order. */
  *batches(): Generator<NativeLine[]> {
    let after = 0
    for (;;) {
      const rows = this.lines.all({ ...this.params, after })
      if (rows.length === 0) return
      after = rows[rows.length - 1]![0]
      yield rows.map(([, title, bytes, annotations, links, comments, adjudications, doneMarks]) => ({ title, bytes, annotations, links, comments, adjudications, doneMarks }))
      if (rows.length < ARTICLE_BATCH) return
    }
  }

  /** Links left out because the tag they point to is not in the export. */
  droppedLinks(): number {
    return this.dropped ? (this.dropped.get(this.params) as number) : 0
  }
}
