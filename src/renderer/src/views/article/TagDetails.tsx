import { useEffect, useRef, useState } from 'react'
import type { Annotation } from '@shared/domain'
import { LABELS, labelColor } from '../../labels'

interface Props {
  tag: Annotation
  onLabel: (label: string) => void
  onDelete: () => void
  onNote: (note: string) => void
}

const NOTE_SAVE_DELAY_MS = 600

/** The selected tag: its label (change with 1/2/3), its text, a note saved as you type, and delete. */
export function TagDetails({ tag, onLabel, onDelete, onNote }: Props) {
  const [note, setNote] = useState(tag.note)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const saved = useRef(tag.note)
  useEffect(() => {
    setNote(tag.note)
    saved.current = tag.note
  }, [tag.id, tag.note])
  const flush = (value: string) => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    if (value !== saved.current) {
      saved.current = value
      onNote(value)
    }
  }
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current)
  }, [])
  return (
    <section className="tag-details" aria-label="Selected tag">
      <div className="label-switch" role="radiogroup" aria-label="Label">
        {LABELS.map((l) => (
          <button key={l.name} type="button" role="radio" aria-checked={tag.label === l.name} className={tag.label === l.name ? 'active' : ''} onClick={() => onLabel(l.name)}>
            <span className="swatch" style={{ background: labelColor(l.name) }} />
            <kbd>{l.key}</kbd> {l.name}
          </button>
        ))}
      </div>
      <blockquote className="tag-quote">{tag.fragments.map((f) => f.quote).join(' … ')}</blockquote>
      <div className="meta">
        {tag.annotatorName} · {new Date(tag.updatedAt).toLocaleString()} · {tag.fragments[0]!.start}–{tag.fragments[tag.fragments.length - 1]!.end}
      </div>
      <label className="note">
        Note
        <textarea
          value={note}
          placeholder="Why this tag? (saved as you type)"
          onChange={(e) => {
            const value = e.target.value
            setNote(value)
            if (timer.current) clearTimeout(timer.current)
            timer.current = setTimeout(() => flush(value), NOTE_SAVE_DELAY_MS)
          }}
          onBlur={() => flush(note)}
        />
      </label>
      <button type="button" className="danger" onClick={onDelete}>
        Delete tag <kbd>Del</kbd>
      </button>
    </section>
  )
}
