import { useInWindow } from '../../components/useInWindow'
import type { Annotation } from '@shared/domain'
import { labelColor } from '../../labels'
import { useMeId } from '../../me'

interface Props {
  /** Where it opens: 12 px below the click (or ending 12 px above it, near the window's bottom). */
  x: number
  y: number
  tags: Annotation[]
  onPick: (id: string) => void
  onClose: () => void
}

/** Lists the overlapping tags under a click so each one can be picked. */
export function TagPicker({ x, y, tags, onPick, onClose }: Props) {
  const meId = useMeId()
  const { ref, style } = useInWindow<HTMLDivElement>(x, y, y - 24)
  return (
    <div ref={ref} className="popup tag-picker" style={style} role="menu" aria-label="Overlapping tags" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="popup-title">{tags.length} tags here: pick one</div>
      {tags.map((t, i) => (
        <button key={t.id} type="button" role="menuitem" autoFocus={i === 0} onClick={() => onPick(t.id)}>
          <span className="swatch" style={{ background: labelColor(t.label) }} />
          <strong>{t.label}</strong> <span className="quote">{t.fragments.map((f) => f.quote).join(' … ')}</span>
          {/* two coders' tags on the same words differ only by whose they are */}
          {t.annotatorId !== meId && <span className="tag-row-coder"> · {t.annotatorName}</span>}
        </button>
      ))}
    </div>
  )
}
