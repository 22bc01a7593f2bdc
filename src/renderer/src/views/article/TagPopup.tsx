import { useInWindow } from '../../components/useInWindow'
import { labelColor, useLabels } from '../../labels'

interface Props {
  /** The selection's box: the bar goes below it, or above it when the window has no room below. */
  rect: { left: number; top: number; bottom: number }
  onLabel: (label: string) => void
  /** The selected tag's label, when there is one to add the selection to as a fragment. */
  addTo?: string
  onAddFragment?: () => void
}

/** The small label bar shown next to a fresh selection; hovering a label shows its coding guideline. */
export function TagPopup({ rect, onLabel, addTo, onAddFragment }: Props) {
  const labels = useLabels()
  const { ref, style } = useInWindow<HTMLDivElement>(rect.left, rect.bottom + 8, rect.top - 8)
  return (
    <div ref={ref} className="popup tag-popup" style={style} role="toolbar" aria-label="Tag the selection">
      {labels.map((l) => (
        <button key={l.name} type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => onLabel(l.name)} title={l.description}>
          <span className="swatch" style={{ background: labelColor(l.name) }} />
          <kbd>{l.key}</kbd> {l.name}
        </button>
      ))}
      {addTo && onAddFragment && (
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={onAddFragment} title={`Add the selection to the selected ${addTo} tag as one more fragment`}>
          <kbd>+</kbd> Add to {addTo}
        </button>
      )}
      <span className="hint">{addTo ? 'Alt-drag: add a fragment' : 'Alt-drag: exact characters'}</span>
    </div>
  )
}
