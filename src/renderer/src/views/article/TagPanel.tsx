import { memo, useCallback, useDeferredValue, useMemo, useState, type CSSProperties } from 'react'
import type { Annotation } from '@shared/domain'
import { VirtualList } from '../../components/VirtualList'
import { labelColor, useLabels } from '../../labels'
import { useStore } from '../../state/createStore'
import { inTextOrder, type ArticleStateStore } from './articleState'
import { TagDetails } from './TagDetails'
import { useMeId } from '../../me'

interface Props {
  state: ArticleStateStore
  onPick: (id: string) => void
  onLabel: (id: string, label: string) => void
  onDelete: (id: string) => void
  onRemoveFragment: (id: string, index: number) => void
  onNote: (id: string, note: string) => Promise<boolean>
  onAttributes: (id: string, patch: Record<string, unknown>) => Promise<boolean>
}

const ROW = 44

/** The side panel: the selected tag's details and every tag of the article in text order. */
export function TagPanel({ state, onPick, onLabel, onDelete, onRemoveFragment, onNote, onAttributes }: Props) {
  const [listHeight, setListHeight] = useState(300)
  // the list takes whatever the details leave; a ResizeObserver reports after layout, so none is forced
  const listRef = useCallback((el: HTMLDivElement | null) => {
    if (!el) return
    const observer = new ResizeObserver(([entry]) => setListHeight(Math.max(120, entry!.contentRect.height)))
    observer.observe(el)
    return () => observer.disconnect()
  }, [])
  const { annotations, selectedId, complete, detailsNow } = useStore(state)
  const ordered = useMemo(() => inTextOrder(annotations.values()), [annotations])
  // a newly selected tag's form is the costly part of the panel: it renders just after the tag and the list are shown;
  // edits to the tag already selected render at once
  const deferredId = useDeferredValue(selectedId)
  const detailsId = detailsNow && detailsNow === selectedId ? selectedId : deferredId
  const selected = detailsId ? annotations.get(detailsId) : undefined
  const counts = useMemo(() => {
    const c = new Map<string, number>()
    for (const a of annotations.values()) c.set(a.label, (c.get(a.label) ?? 0) + 1)
    return c
  }, [annotations])
  return (
    <aside className="tag-panel" aria-label="Tags">
      {selected ? (
        <div className="tag-details-scroll">
        <TagDetails key={selected.id} tag={selected} onLabel={(l) => onLabel(selected.id, l)} onDelete={() => onDelete(selected.id)} onRemoveFragment={(i) => onRemoveFragment(selected.id, i)} onNote={(n) => onNote(selected.id, n)} onAttributes={(p) => onAttributes(selected.id, p)} />
        </div>
      ) : (
        <TaggingHint />
      )}
      <h2>
        {/* counts wait for the tags after the opening text, which arrive just after the first frame */}
        Tags <span className="count">{complete ? ordered.length : '…'}</span>
        {complete && [...counts].map(([label, n]) => (
          <span key={label} className="chip" style={{ borderColor: labelColor(label) }}>
            {label} {n}
          </span>
        ))}
      </h2>
      <div className="tag-list-fill" ref={listRef} style={{ '--label-col': labelColumn(counts.keys()) } as CSSProperties}>
      <VirtualList
        className="tag-list"
        items={ordered}
        rowHeight={ROW}
        itemKey={(a) => a.id}
        height={listHeight}
        focusIndex={selectedId ? ordered.findIndex((a) => a.id === selectedId) : undefined}
        render={(a: Annotation) => <TagRow tag={a} selected={a.id === selectedId} onPick={onPick} />}
      />
      </div>
    </aside>
  )
}

/** The label column's width: the longest label in the list, in 12-px bold characters (about 0.62em each), at most 10em. */
function labelColumn(labels: Iterable<string>): string {
  let longest = 4
  for (const l of labels) longest = Math.max(longest, l.length)
  return `${Math.min(10, longest * 0.62 + 0.4).toFixed(2)}em`
}

/** One row of the list; tags keep their object identity until they change, so an edit re-renders only its own row. */
const TagRow = memo(function TagRow({ tag: a, selected, onPick }: { tag: Annotation; selected: boolean; onPick: (id: string) => void }) {
  const meId = useMeId()
  return (
    <button type="button" className={`tag-row${selected ? ' selected' : ''}`} onClick={() => onPick(a.id)} data-tag-row={a.id}>
      <span className="swatch" style={{ background: labelColor(a.label) }} />
      <span className="tag-row-label">{a.label}</span>
      {/* the quote keeps the row's width; whose tag it is and what it lacks go on a small second line */}
      <span className="tag-row-text">
        <span className="tag-row-quote">{a.fragments.map((f) => f.quote).join(' … ')}</span>
        {(a.annotatorId !== meId || a.missing.length > 0) && (
          <span className="tag-row-sub">
            {a.annotatorId !== meId && <span className="tag-row-coder">{a.annotatorName}</span>}
            {a.missing.length > 0 && (
              <span className="incomplete" title={`Required attributes not coded yet: ${a.missing.join(', ')}`}>
                {a.missing.length} missing
              </span>
            )}
          </span>
        )}
      </span>
    </button>
  )
})

/** What to do with nothing selected, with this codebook's own keys. */
function TaggingHint() {
  const keyed = useLabels().filter((l) => l.key !== '')
  const keys = keyed.map((l) => `${l.key} ${l.name}`).join(', ')
  return <p className="hint">{keys ? `Select text and press a label’s key (${keys}) to tag it.` : 'Select text and pick a label to tag it.'} Click a tag to edit it.</p>
}
