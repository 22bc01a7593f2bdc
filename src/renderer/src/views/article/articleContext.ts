import { createContext, useContext } from 'react'
import type { Article, Mutation } from '@shared/domain'
import type { ArticleStateStore } from './articleState'

/** What the side panel's parts need from the open article, without threading props through every level. */
export interface ArticleActions {
  article: Article
  state: ArticleStateStore
  /** Saves through the contract and patches the view with the result; resolves null when refused. */
  run: (work: Promise<Mutation | null>, options?: { selectNew?: boolean }) => Promise<Mutation | null>
  select: (id: string | null, scroll?: boolean) => void
  /** Draws freshly made tags in the article (for tags created outside run, such as accepted occurrences). */
  apply: (m: Mutation) => void
}

export const ArticleContext = createContext<ArticleActions | null>(null)

export function useArticle(): ArticleActions {
  const ctx = useContext(ArticleContext)
  if (!ctx) throw new Error('useArticle() is only available inside an open article')
  return ctx
}
