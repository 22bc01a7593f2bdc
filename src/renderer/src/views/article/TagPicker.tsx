import type { Annotation } from '@shared/domain'
import { labelColor } from '../../labels'

interface Props {
  x: number
  y: number
  tags: Annotation[]
  onPick: (id: string) => void
  onClose: () => void
}

/** Lists the overlapping tags under a click so each one can be picked. */
export function TagPicker({ x, y, tags, onPick, onClose }: Props) {
  return (
    <div className="popup tag-picker" style={{ left: x, top: y }} role="menu" aria-label="Overlapping tags" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="popup-title">{tags.length} tags here: pick one</div>
      {tags.map((t, i) => (
        <button key={t.id} type="button" role="menuitem" autoFocus={i === 0} onClick={() => onPick(t.id)}>
          <span className="swatch" style={{ background: labelColor(t.label) }} />
          <strong>{t.label}</strong> <span className="quote">{t.fragments.map((f) => f.quote).join(' … ')}</span>
        </button>
      ))}
    </div>
  )
}
