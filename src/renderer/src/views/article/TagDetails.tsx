import type { Annotation } from '@shared/domain'
import { MemoEditor } from '../../components/MemoEditor'
import { labelColor, useLabels } from '../../labels'
import { AttributeForm } from './AttributeForm'

interface Props {
  tag: Annotation
  onLabel: (label: string) => void
  onDelete: () => void
  onNote: (note: string) => Promise<boolean>
  onAttributes: (patch: Record<string, unknown>) => Promise<boolean>
}

/**
 * The selected tag: its label (change with 1/2/3), its text, a note saved as you type, and delete.
 * Rendered with key={tag.id}, so a pending note always belongs to this tag and is saved, not dropped, on leaving.
 */
export function TagDetails({ tag, onLabel, onDelete, onNote, onAttributes }: Props) {
  const labels = useLabels()
  // the coding guideline of the tag's label, at hand while coding
  const guideline = labels.find((l) => l.name === tag.label)?.description
  return (
    <section className="tag-details" aria-label="Selected tag">
      <div className="label-switch" role="radiogroup" aria-label="Label">
        {labels.map((l) => (
          <button key={l.name} type="button" role="radio" title={l.description} aria-checked={tag.label === l.name} className={tag.label === l.name ? 'active' : ''} onClick={() => onLabel(l.name)}>
            <span className="swatch" style={{ background: labelColor(l.name) }} />
            <kbd>{l.key}</kbd> {l.name}
          </button>
        ))}
      </div>
      {guideline && <p className="guideline">{guideline}</p>}
      <blockquote className="tag-quote">{tag.fragments.map((f) => f.quote).join(' … ')}</blockquote>
      <div className="meta">
        {tag.annotatorName} · {new Date(tag.updatedAt).toLocaleString()} · {tag.fragments[0]!.start}–{tag.fragments[tag.fragments.length - 1]!.end}
      </div>
      <AttributeForm tag={tag} onChange={onAttributes} />
      <div className="note">
        <span aria-hidden="true">Note</span>
        <MemoEditor value={tag.note} onSave={onNote} label="Note" placeholder="Why this tag? (saved as you type)" />
      </div>
      <button type="button" className="danger" onClick={onDelete}>
        Delete tag <kbd>Del</kbd>
      </button>
    </section>
  )
}
