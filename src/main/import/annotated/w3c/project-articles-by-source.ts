import { articleUidOf } from '../../../export/w3c/w3c-iris'
import type { Store } from '../../../store/store'

/** What a W3C target source names in the project: one article's text, several (ambiguous), or nothing. */
export type SourceMatch = { text: string; title: string } | { ambiguous: number } | null

/**
 * Finds the project article a W3C target source names: a Spanwise article IRI by its id, any other IRI by the
 * article's URL (as imported from the file's `url` column). The URL index is built on first use, once per import.
 */
export function projectArticlesBySource(store: Store): (source: string) => SourceMatch {
  const byUid = store.db.prepare<[string], { text: string; title: string }>('SELECT text, title FROM article WHERE uid = ?')
  const byId = store.db.prepare<[number], { text: string; title: string }>('SELECT text, title FROM article WHERE id = ?')
  let urls: Map<string, number[]> | null = null
  return (source) => {
    const uid = articleUidOf(source)
    if (uid !== null) return byUid.get(uid) ?? null
    urls ??= urlIndex(store)
    const ids = urls.get(source)
    if (!ids) return null
    return ids.length === 1 ? (byId.get(ids[0]!) ?? null) : { ambiguous: ids.length }
  }
}

function urlIndex(store: Store): Map<string, number[]> {
  const index = new Map<string, number[]>()
  for (const { id, url } of store.db.prepare<[], { id: number; url: string }>("SELECT id, url FROM article WHERE url != ''").iterate()) {
    index.get(url)?.push(id) ?? index.set(url, [id])
  }
  return index
}
