import { useCallback, useRef, useState, type Dispatch, type MutableRefObject, type SetStateAction } from 'react'
import type { ViewerSelection } from '../../editor/ArticleViewer'

/** The text selection to tag, as state for rendering and as a ref that is current the moment it is set. */
export function useViewerSelection(): [ViewerSelection | null, Dispatch<SetStateAction<ViewerSelection | null>>, MutableRefObject<ViewerSelection | null>] {
  const [selection, setState] = useState<ViewerSelection | null>(null)
  const ref = useRef<ViewerSelection | null>(null)
  const set = useCallback((next: SetStateAction<ViewerSelection | null>) => {
    ref.current = typeof next === 'function' ? next(ref.current) : next
    setState(ref.current)
  }, [])
  return [selection, set, ref]
}
