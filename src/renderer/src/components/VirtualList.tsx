import { useLayoutEffect, useRef, useState, type ReactNode } from 'react'

interface Props<T> {
  items: T[]
  rowHeight: number
  height: number
  render: (item: T, index: number) => ReactNode
  /** A stable key per item, so inserting one row does not re-render every row below it. */
  itemKey?: (item: T) => string | number
  className?: string
  /** Index to keep in view (e.g. the selected row). */
  focusIndex?: number
}

const OVERSCAN = 8

/** Renders only the rows in view, so a list of thousands of tags costs the same as a list of twenty. */
export function VirtualList<T>({ items, rowHeight, height, render, itemKey, className, focusIndex }: Props<T>) {
  const [scrollTop, setScrollTop] = useState(0)
  const ref = useRef<HTMLDivElement>(null)
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN)
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN)

  // runs when the focused row or the list's height changes (a selected tag's form shrinks the list after the row is chosen),
  // not on every scroll; judged from the tracked offset so no layout is forced
  useLayoutEffect(() => {
    const el = ref.current
    if (!el || focusIndex === undefined || focusIndex < 0) return
    const top = focusIndex * rowHeight
    if (top < scrollTop || top + rowHeight > scrollTop + height) el.scrollTop = Math.max(0, top - height / 2)
  }, [focusIndex, height])

  return (
    <div ref={ref} className={className} style={{ height, overflowY: 'auto' }} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <div style={{ height: items.length * rowHeight, position: 'relative' }}>
        {items.slice(first, last).map((item, i) => (
          <div key={itemKey ? itemKey(item) : first + i} style={{ position: 'absolute', top: (first + i) * rowHeight, height: rowHeight, left: 0, right: 0 }}>
            {render(item, first + i)}
          </div>
        ))}
      </div>
    </div>
  )
}
