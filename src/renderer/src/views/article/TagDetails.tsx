import { useEffect, useState } from 'react'
import type { Annotation } from '@shared/domain'
import { MemoEditor } from '../../components/MemoEditor'
import { labelColor, useLabels } from '../../labels'
import { AttributeForm } from './AttributeForm'
import { FragmentList } from './FragmentList'
import { OccurrenceReview } from './OccurrenceReview'
import { TagLinks } from './TagLinks'
import { TagReview } from '../review/TagReview'

interface Props {
  tag: Annotation
  onLabel: (label: string) => void
  onDelete: () => void
  onRemoveFragment: (index: number) => void
  onNote: (note: string) => Promise<boolean>
  onAttributes: (patch: Record<string, unknown>) => Promise<boolean>
}

/**
 * The selected tag: its label (change with 1/2/3), its text (each fragment, removable when there are several), a note saved as you type, and delete.
 * Rendered with key={tag.id}, so a pending note always belongs to this tag and is saved, not dropped, on leaving.
 */
export function TagDetails({ tag, onLabel, onDelete, onRemoveFragment, onNote, onAttributes }: Props) {
  const [reviewing, setReviewing] = useState(false)
  // the note's editor is built a task after the tag is shown, so selecting or making a tag paints first
  const [noteReady, setNoteReady] = useState(false)
  useEffect(() => {
    const timer = setTimeout(() => setNoteReady(true), 0)
    return () => clearTimeout(timer)
  }, [])
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
      {tag.fragments.length > 1 ? (
        <FragmentList fragments={tag.fragments} onRemove={onRemoveFragment} />
      ) : (
        <blockquote className="tag-quote">{tag.fragments[0]!.quote}</blockquote>
      )}
      <div className="meta">
        {tag.annotatorName} · {new Date(tag.updatedAt).toLocaleString()} · {tag.fragments[0]!.start}–{tag.fragments[tag.fragments.length - 1]!.end}
      </div>
      <AttributeForm tag={tag} onChange={onAttributes} />
      <TagLinks tag={tag} />
      <TagReview tag={tag} />
      <button type="button" className="occ-open" onClick={() => setReviewing(true)}>
        Tag all occurrences…
      </button>
      {reviewing && <OccurrenceReview tag={tag} onClose={() => setReviewing(false)} />}
      <div className="note">
        <span aria-hidden="true">Note</span>
        {noteReady ? <MemoEditor value={tag.note} onSave={onNote} label="Note" placeholder="Why this tag? (saved as you type)" /> : <div className="memo-text memo-pending">{tag.note || 'Why this tag? (saved as you type)'}</div>}
      </div>
      <button type="button" className="danger" onClick={onDelete}>
        Delete tag <kbd>Del</kbd>
      </button>
    </section>
  )
}
