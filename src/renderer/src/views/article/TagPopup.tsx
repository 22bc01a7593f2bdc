import { LABELS, labelColor } from '../../labels'

interface Props {
  x: number
  y: number
  onLabel: (label: string) => void
}

/** The small Actor/Event/Claim bar shown next to a fresh selection. */
export function TagPopup({ x, y, onLabel }: Props) {
  return (
    <div className="popup tag-popup" style={{ left: x, top: y }} role="toolbar" aria-label="Tag the selection">
      {LABELS.map((l) => (
        <button key={l.name} type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => onLabel(l.name)} title={l.description}>
          <span className="swatch" style={{ background: labelColor(l.name) }} />
          <kbd>{l.key}</kbd> {l.name}
        </button>
      ))}
      <span className="hint">Alt-drag: exact characters</span>
    </div>
  )
}
