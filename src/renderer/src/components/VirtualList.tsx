import { useState, type ReactNode } from 'react'

interface Props<T> {
  items: T[]
  rowHeight: number
  height: number
  render: (item: T, index: number) => ReactNode
  className?: string
  /** Index to keep in view (e.g. the selected row). */
  focusIndex?: number
}

const OVERSCAN = 8

/** Renders only the rows in view, so a list of thousands of tags costs the same as a list of twenty. */
export function VirtualList<T>({ items, rowHeight, height, render, className, focusIndex }: Props<T>) {
  const [scrollTop, setScrollTop] = useState(0)
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN)
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN)
  return (
    <div
      className={className}
      style={{ height, overflowY: 'auto' }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      ref={(el) => {
        if (!el || focusIndex === undefined || focusIndex < 0) return
        const top = focusIndex * rowHeight
        if (top < el.scrollTop || top + rowHeight > el.scrollTop + height) el.scrollTop = Math.max(0, top - height / 2)
      }}
    >
      <div style={{ height: items.length * rowHeight, position: 'relative' }}>
        {items.slice(first, last).map((item, i) => (
          <div key={first + i} style={{ position: 'absolute', top: (first + i) * rowHeight, height: rowHeight, left: 0, right: 0 }}>
            {render(item, first + i)}
          </div>
        ))}
      </div>
    </div>
  )
}
