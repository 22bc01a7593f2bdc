import { useCallback, useEffect, useRef, type Dispatch, type SetStateAction } from 'react'
import type { ViewerSelection } from '../../editor/ArticleViewer'

/**
 * Makes the clean-up run once an action on a selection is saved: the selection acted on is dropped, but a
 * selection the coder began since (a mouse press while the save was on its way) is left alone.
 */
export function useClearActed(setSelection: Dispatch<SetStateAction<ViewerSelection | null>>) {
  const presses = useRef(0)
  useEffect(() => {
    const press = () => void presses.current++
    window.addEventListener('pointerdown', press, true)
    return () => window.removeEventListener('pointerdown', press, true)
  }, [])
  return useCallback(
    (acted: ViewerSelection) => {
      const at = presses.current
      return () => {
        // dropped before the tag is drawn, so ProseMirror does not re-place a selection about to vanish
        if (presses.current === at) document.getSelection()?.removeAllRanges()
        setSelection((current) => (current === acted ? null : current))
      }
    },
    [setSelection]
  )
}
