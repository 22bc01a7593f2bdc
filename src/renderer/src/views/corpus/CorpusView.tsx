import { useCallback, useEffect, useRef, useState } from 'react'
import type { ArticleCursor, ListArticlesInput } from '@shared/contract'
import type { ArticleStatus, ArticleSummary, SearchCursor, SearchHit } from '@shared/domain'
import { ARTICLE_STATUSES } from '@shared/domain'
import { api } from '../../api/client'
import { labelColor } from '../../labels'
import { notifyError } from '../../state/notices'
import { ImportStatus } from './ImportStatus'
import { startImport } from './importState'
import { toSources } from './readDroppedFiles'
import { MissingSummary } from './MissingSummary'
import { Snippet } from './Snippet'
import { STATUS_TEXT } from '../../statusText'
import { quoted } from '@shared/text/quoted'

type Sort = NonNullable<ListArticlesInput['sort']>
const COLUMNS: { key: Sort; title: string }[] = [
  { key: 'title', title: 'Title' },
  { key: 'source', title: 'Source' },
  { key: 'published', title: 'Date' },
  { key: 'tags', title: 'Tags' },
  { key: 'status', title: 'Status' }
]
const PAGE = 100

/** All articles: sortable, filterable, paged by keyset as you scroll, and full-text search with snippets. */
export function CorpusView({ onOpen, refreshKey }: { onOpen: (id: number) => void; refreshKey: number }) {
  const [sort, setSort] = useState<Sort>('imported')
  const [dir, setDir] = useState<'asc' | 'desc'>('asc')
  const [status, setStatus] = useState<ArticleStatus | ''>('')
  const [source, setSource] = useState('')
  const [query, setQuery] = useState('')
  const [rows, setRows] = useState<(ArticleSummary | SearchHit)[]>([])
  const [next, setNext] = useState<ArticleCursor | SearchCursor | null>(null)
  const [matches, setMatches] = useState<{ total: number; ranked: boolean } | null>(null)
  const [facets, setFacets] = useState<{ total: number; sources: string[] }>({ total: 0, sources: [] })
  const loading = useRef(false)
  const generation = useRef(0)
  const searching = query.trim() !== ''

  const load = useCallback(
    async (after: typeof next, reset: boolean) => {
      const gen = reset ? ++generation.current : generation.current
      loading.current = true
      try {
        const page = searching
          ? await api.call('articles.search', { query, limit: PAGE, after: (after as SearchCursor | null) ?? undefined }).then((r) => {
              if (!after) setMatches({ total: r.total, ranked: r.ranked })
              return { rows: r.hits, next: r.next }
            })
          : await api.call('articles.list', {
              sort,
              dir,
              limit: PAGE,
              filter: { ...(status ? { status } : {}), ...(source ? { source } : {}) },
              after: (after as ArticleCursor | null) ?? undefined
            })
        if (gen !== generation.current) return
        setRows((prev) => (reset ? page.rows : [...prev, ...page.rows]))
        setNext(page.next)
      } catch (error) {
        notifyError(error)
      } finally {
        loading.current = false
      }
    },
    [searching, query, sort, dir, status, source]
  )

  useEffect(() => {
    const t = setTimeout(() => void load(null, true), searching ? 150 : 0)
    return () => clearTimeout(t)
  }, [load, refreshKey, searching])

  useEffect(() => {
    api.call('articles.facets', {}).then(setFacets, notifyError)
  }, [refreshKey])

  const sentinel = useCallback(
    (el: HTMLElement | null) => {
      if (!el) return
      const io = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting) && next && !loading.current) void load(next, false)
      })
      io.observe(el)
      return () => io.disconnect()
    },
    [next, load]
  )

  const pickFiles = async (files: FileList | null) => {
    if (!files?.length) return
    try {
      await startImport(await toSources([...files], api.pathForFile))
    } catch (error) {
      notifyError(error)
    }
  }

  const sortBy = (key: Sort) => {
    if (sort === key) setDir((d) => (d === 'asc' ? 'desc' : 'asc'))
    else {
      setSort(key)
      setDir(key === 'tags' || key === 'published' ? 'desc' : 'asc')
    }
  }

  return (
    <div className="corpus-view">
      <div className="toolbar">
        <input
          type="search"
          className="search"
          placeholder={`Search ${facets.total.toLocaleString()} articles…`}
          aria-label="Search articles"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <select aria-label="Filter by status" value={status} onChange={(e) => setStatus(e.target.value as ArticleStatus | '')} disabled={searching}>
          <option value="">Any status</option>
          {ARTICLE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_TEXT[s]}
            </option>
          ))}
        </select>
        <select aria-label="Filter by source" value={source} onChange={(e) => setSource(e.target.value)} disabled={searching}>
          <option value="">Any source</option>
          {facets.sources.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <span className="spacer" />
        <label className="button" {...KEYBOARD_FILE_BUTTON}>
          Import files…
          <input type="file" multiple accept=".txt,.md,.markdown,.jsonl,.ndjson,.csv" hidden onChange={(e) => void pickFiles(e.target.files).then(() => (e.target.value = ''))} />
        </label>
        <label className="button" {...KEYBOARD_FILE_BUTTON}>
          Import folder…
          <input
            type="file"
            hidden
            ref={(el) => el?.setAttribute('webkitdirectory', '')}
            onChange={(e) => void pickFiles(e.target.files).then(() => (e.target.value = ''))}
          />
        </label>
      </div>
      <ImportStatus onOpen={onOpen} />
      {searching && matches && rows.length > 0 && (
        <p className="search-info" role="status">
          {matches.ranked
            ? `${matches.total.toLocaleString()} matching article${matches.total === 1 ? '' : 's'}, most relevant first`
            : `More than ${(matches.total - 1).toLocaleString()} matching articles, newest first: add words to rank them by relevance`}
        </p>
      )}
      {rows.length === 0 ? (
        <div className="empty">
          {searching
            ? `No article matches ${quoted(query)}.`
            : status || source
              ? `No article ${[status && `has the status ${quoted(STATUS_TEXT[status])}`, source && `comes from ${quoted(source)}`].filter(Boolean).join(' and ')}. Choose ${[status && '“Any status”', source && '“Any source”'].filter(Boolean).join(' and ')} to see all ${facets.total.toLocaleString()}.`
              : 'No articles yet. Drop .txt, .md, .jsonl or .csv files (or folders) here, or use Import.'}
        </div>
      ) : (
        <table className="corpus-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} aria-sort={!searching && sort === c.key ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" onClick={() => sortBy(c.key)} disabled={searching}>
                    {c.title} {!searching && sort === c.key ? (dir === 'asc' ? '▲' : '▼') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} onClick={() => onOpen(r.id)} tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && onOpen(r.id)}>
                <td className="title-cell">
                  <div className="title">{r.title}</div>
                  {'snippet' in r && <Snippet text={r.snippet} />}
                </td>
                <td>{r.source || '—'}</td>
                <td className="nowrap">{r.published || '—'}</td>
                <td className="counts">
                  {Object.entries(r.labelCounts).map(([label, n]) => (
                    <span key={label} className="chip" style={{ borderColor: labelColor(label) }} title={`${n} ${label}`}>
                      {label} {n}
                    </span>
                  ))}
                  {r.tagCount === 0 && '—'}
                  <MissingSummary missing={r.missing} />
                </td>
                <td className={`status status-${r.status}`}>{STATUS_TEXT[r.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next && <div ref={sentinel} className="sentinel">Loading more…</div>}
    </div>
  )
}

/** A label that opens its hidden file input is not reachable by Tab on its own: this makes it a focusable button that Enter or Space opens. */
const KEYBOARD_FILE_BUTTON = {
  tabIndex: 0,
  role: 'button',
  onKeyDown: (e: React.KeyboardEvent<HTMLLabelElement>) => {
    if (e.key !== 'Enter' && e.key !== ' ') return
    e.preventDefault()
    e.currentTarget.querySelector('input')?.click()
  }
} as const
