import type { Annotation, Article, HistoryState } from '@shared/domain'
import type { ArticleReview } from '@shared/review/adjudication'
import { unpackReview } from '@shared/review/packed-review'
import { api } from '../../api/client'
import { FIRST_WINDOW } from '../../editor/extensions/annotation/constants'

/**
 * The first frame waits only for the tags starting in this many code points of text: a code point offset is never
 * above its document position, so they include every tag the viewer's first window draws.
 */
export const OPENING_TEXT = FIRST_WINDOW

export interface ArticleRequests {
  /** What the first frame needs: the article, the tags starting in its opening text, the undo state. */
  reading: Promise<readonly [Article, Annotation[], HistoryState]>
  /** Opened for review: the comparison of the layers (null when refused, as under blind coding). */
  comparing: Promise<ArticleReview | null>
  /** The comparison if it has come already, so a panel shown after it draws it in its first frame (undefined until then). */
  comparedSoFar: () => ArticleReview | null | undefined
  /** The tags after the opening text. */
  rest: Promise<Annotation[]>
}

/**
 * Asks for an article in the order the main process should answer, one request at a time: what the first frame
 * needs, then the comparison (the page lays the text out meanwhile), and the long list of the other tags only once
 * all that is in and painted: reading and sending it takes the main process longer than the first frame, which
 * would otherwise share the CPU with it.
 */
export function askForArticle(articleId: number, review: boolean): ArticleRequests {
  const reading = Promise.all([
    api.call('articles.get', { id: articleId }),
    api.call('annotations.list', { articleId, startsIn: { before: OPENING_TEXT } }),
    api.call('history.state', { articleId })
  ] as const)
  let compared: ArticleReview | null | undefined
  const comparing = (review ? api.call('review.article', { articleId }).then(unpackReview, () => null) : Promise.resolve(null)).then((r) => (compared = r))
  const rest = Promise.all([reading, comparing])
    .then(afterNextPaint)
    .then(() => api.call('annotations.list', { articleId, startsIn: { from: OPENING_TEXT } }))
  // reported by the view that shows the article (asked for on navigation, before that view exists); one closed before then never looks
  reading.catch(() => {})
  rest.catch(() => {})
  return { reading, comparing, comparedSoFar: () => compared, rest }
}

/** Resolves once the next frame is painted (at once in a hidden page, which paints none). */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (document.visibilityState === 'hidden') resolve()
    else requestAnimationFrame(() => setTimeout(resolve, 0))
  })
}
