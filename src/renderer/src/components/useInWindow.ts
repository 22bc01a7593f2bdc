import { useLayoutEffect, useRef, useState } from 'react'

/** Room kept between a popup and the window's edges, in pixels. */
const MARGIN = 6

/**
 * Places a fixed popup with its top at `below` and its left at `x`, but inside the window: it moves left from the
 * right edge, and ends at `above` instead (above what it points at) when there is no room below.
 */
export function useInWindow<E extends HTMLElement>(x: number, below: number, above: number) {
  const ref = useRef<E>(null)
  const [place, setPlace] = useState({ left: x, top: below })
  // measured before paint, so the popup is never seen outside the window
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const { width, height } = el.getBoundingClientRect()
    const top = below + height <= window.innerHeight - MARGIN ? below : Math.max(MARGIN, above - height)
    const left = Math.max(MARGIN, Math.min(x, window.innerWidth - width - MARGIN))
    setPlace((p) => (p.left === left && p.top === top ? p : { left, top }))
  }, [x, below, above])
  return { ref, style: place }
}
