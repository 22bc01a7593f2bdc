import { articleUidOf } from '../../../export/w3c/w3c-iris'
import type { Store } from '../../../store/store'

/** What a W3C target source names in the project: one article's text, several (ambiguous), or nothing. */
export type SourceMatch = { text: string; title: string } | { ambiguous: number } | null

/**
 * Finds the project article a W3C target names: a Spanwise article IRI by its id, else by the target's `scope`
 * (the page URL our export writes, since another project's article ids differ), any other source IRI by the
 * article's URL (as imported from the file's `url` column). URLs are compared as written.
 */
export function projectArticlesBySource(store: Store): (source: string, scope?: string) => SourceMatch {
  const byUid = store.db.prepare<[string], { text: string; title: string }>('SELECT text, title FROM article WHERE uid = ?')
  const byId = store.db.prepare<[number], { text: string; title: string }>('SELECT text, title FROM article WHERE id = ?')
  // one scan per import (article.url has no index): a file may name thousands of sources
  let urls: Map<string, number[]> | null = null
  const byUrl = (url: string): SourceMatch => {
    urls ??= urlIndex(store)
    const ids = urls.get(url)
    if (!ids) return null
    return ids.length === 1 ? (byId.get(ids[0]!) ?? null) : { ambiguous: ids.length }
  }
  return (source, scope) => {
    const uid = articleUidOf(source)
    if (uid === null) return byUrl(source)
    return byUid.get(uid) ?? (scope ? byUrl(scope) : null)
  }
}

function urlIndex(store: Store): Map<string, number[]> {
  const index = new Map<string, number[]>()
  for (const { id, url } of store.db.prepare<[], { id: number; url: string }>("SELECT id, url FROM article WHERE url != ''").iterate()) {
    index.get(url)?.push(id) ?? index.set(url, [id])
  }
  return index
}
