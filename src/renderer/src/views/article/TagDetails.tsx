import { useEffect, useRef, useState } from 'react'
import type { Annotation } from '@shared/domain'
import { labelColor, useLabels } from '../../labels'
import { AttributeForm } from './AttributeForm'
import { FragmentList } from './FragmentList'
import { OccurrenceReview } from './OccurrenceReview'
import { TagLinks } from './TagLinks'

interface Props {
  tag: Annotation
  onLabel: (label: string) => void
  onDelete: () => void
  onRemoveFragment: (index: number) => void
  onNote: (note: string) => void
  onAttributes: (patch: Record<string, unknown>) => Promise<boolean>
}

const NOTE_SAVE_DELAY_MS = 600

/**
 * The selected tag: its label (change with 1/2/3), its text (each fragment, removable when there are several), a note saved as you type, and delete.
 * Rendered with key={tag.id}, so a pending note always belongs to this tag and is saved, not dropped, on leaving.
 */
export function TagDetails({ tag, onLabel, onDelete, onRemoveFragment, onNote, onAttributes }: Props) {
  const [note, setNote] = useState(tag.note)
  const [reviewing, setReviewing] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const pending = useRef<string | null>(null)
  const saveNote = useRef(onNote)
  saveNote.current = onNote
  // a note changed elsewhere (undo, another window) shows up unless the user is typing
  useEffect(() => {
    if (pending.current === null) setNote(tag.note)
  }, [tag.note])
  const flush = () => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    if (pending.current !== null) saveNote.current(pending.current)
    pending.current = null
  }
  // leaving the page (reload, closing the window) neither blurs nor unmounts: save what is pending then too
  useEffect(() => {
    window.addEventListener('pagehide', flush)
    return () => {
      window.removeEventListener('pagehide', flush)
      flush()
    }
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
      <button type="button" className="occ-open" onClick={() => setReviewing(true)}>
        Tag all occurrences…
      </button>
      {reviewing && <OccurrenceReview tag={tag} onClose={() => setReviewing(false)} />}
      <label className="note">
        Note
        <textarea
          value={note}
          placeholder="Why this tag? (saved as you type)"
          onChange={(e) => {
            setNote(e.target.value)
            pending.current = e.target.value
            if (timer.current) clearTimeout(timer.current)
            timer.current = setTimeout(flush, NOTE_SAVE_DELAY_MS)
          }}
          onBlur={flush}
        />
      </label>
      <button type="button" className="danger" onClick={onDelete}>
        Delete tag <kbd>Del</kbd>
      </button>
    </section>
  )
}
