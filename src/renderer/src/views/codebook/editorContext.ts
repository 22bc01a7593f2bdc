import { createContext, useContext } from 'react'
import type { CodebookUsage } from '@shared/codebook/codebook-versions'
import type { CodebookProblem } from '@shared/codebook/validate-codebook'
import type { Draft } from './codebookDraft'
import { plural } from '@shared/plural'

export interface EditorContextValue {
  draft: Draft
  /** Applies a change to a fresh copy of the draft. */
  edit: (change: (draft: Draft) => void) => void
  /** Every problem validateCodebook finds in the draft, by JSON path. */
  problems: readonly CodebookProblem[]
  /** Tag counts by the names stored on tags (the saved names: look items up by their origin). */
  usage: CodebookUsage
}

export const EditorContext = createContext<EditorContextValue | null>(null)

export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext)
  if (!value) throw new Error('useEditor outside the codebook editor')
  return value
}

/** "used by 12 tags", or null when unused or new. */
export function usedBy(count: number | undefined): string | null {
  return count ? `used by ${plural(count, 'tag')}` : null
}
