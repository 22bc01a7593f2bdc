import type { ActorMention } from '../../shared/domain'
import { ArticleOffsets } from '../../shared/offsets'
import { matchContext } from '../../shared/text/match-context'
import type { Store } from '../store/store'

/** An actor's mentions across the corpus, each with whole-word context read from its article (as occurrences show it). */
export function actorMentions(store: Store, actorId: string, limit: number): ActorMention[] {
  const rows = store.actors.mentions(actorId, limit)
  const offsets = new Map(store.articles.texts([...new Set(rows.map((r) => r.articleId))]).map((a) => [a.id, new ArticleOffsets(a.text)]))
  return rows.map(({ start, end, ...m }) => {
    const o = offsets.get(m.articleId)!
    return { ...m, ...matchContext(o.text, { start: o.cpToUtf16(start), end: o.cpToUtf16(end) }) }
  })
}
