import type { Annotation, Occurrence } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import { ArticleOffsets, phraseFinder } from '../../shared/offsets'
import { matchKey } from '../../shared/text/fold-text'
import { matchContext } from '../../shared/text/match-context'
import type { Store } from '../store/store'

/** Proposals beyond this many are cut off; the review list says so. */
export const MAX_OCCURRENCES = 5_000
const PAGE = 200

export interface OccurrenceResult {
  phrases: string[]
  occurrences: Occurrence[]
  truncated: boolean
  articlesScanned: number
}

/**
 * Untagged places where a tag's text, or a name of the actor it refers to, occurs again: in its own article
 * or across the corpus (FTS5 narrows the articles, then each is scanned for whole-word, accent- and
 * case-insensitive matches). Spans already covered by a tag with the same label are not proposed.
 */
export function findOccurrences(store: Store, tag: Annotation, scope: 'article' | 'corpus', withAliases: boolean): OccurrenceResult {
  const phrases = phrasesFor(store, tag, withAliases)
  const keys = [...new Set(phrases.map(matchKey).filter((k) => k.length > 0))]
  if (keys.length === 0) throw new AppError('VALIDATION', 'This tag has no letters or digits to look for.')
  const ids = scope === 'article' ? [tag.articleId] : store.articles.idsWithPhrases(keys)
  const tagged = store.db.prepare<[string, string], { article_id: number; start: number; end: number }>(
    `SELECT n.article_id, f.start, f.end FROM fragment f JOIN annotation n ON n.article_id = f.article_id AND n.id = f.annotation_id
     WHERE n.label = ? AND n.article_id IN (SELECT value FROM json_each(?))`
  )
  const find = phraseFinder(phrases)
  const occurrences: Occurrence[] = []
  let truncated = false
  for (let i = 0; i < ids.length && !truncated; i += PAGE) {
    const page = ids.slice(i, i + PAGE)
    const covered = new Map<number, { start: number; end: number }[]>()
    for (const r of tagged.all(tag.label, JSON.stringify(page))) {
      const list = covered.get(r.article_id)
      if (list) list.push(r)
      else covered.set(r.article_id, [r])
    }
    for (const article of store.articles.texts(page)) {
      const ranges = find(article.text)
      if (ranges.length === 0) continue
      const taken = covered.get(article.id) ?? []
      const offsets = new ArticleOffsets(article.text)
      for (const r of ranges) {
        if (taken.some((t) => t.start < r.end && r.start < t.end)) continue
        if (occurrences.length === MAX_OCCURRENCES) {
          truncated = true
          break
        }
        const range16 = { start: offsets.cpToUtf16(r.start), end: offsets.cpToUtf16(r.end) }
        occurrences.push({ articleId: article.id, title: article.title, ...r, quote: offsets.slice(r), ...matchContext(article.text, range16) })
      }
    }
  }
  return { phrases, occurrences, truncated, articlesScanned: ids.length }
}

// the tag's own words, plus every unambiguous name of the registry actors it refers to
function phrasesFor(store: Store, tag: Annotation, withAliases: boolean): string[] {
  const phrases = tag.fragments.map((f) => f.quote)
  if (!withAliases) return phrases
  const codebook = store.codebooks.get()
  const defs = codebook.labels.find((l) => l.name === tag.label)?.attributes ?? []
  for (const def of defs) {
    if (def.type !== 'actor') continue
    for (const id of [tag.attributes[def.key]].flat()) {
      if (typeof id !== 'string') continue
      for (const alias of store.actors.get(id)?.aliases ?? []) if (!alias.ambiguous) phrases.push(alias.alias)
    }
  }
  return [...new Set(phrases)]
}
