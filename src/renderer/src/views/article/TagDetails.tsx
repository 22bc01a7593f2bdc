import { VIEWER_ID } from '../../editor/ArticleViewer'
import { useEffect, useState } from 'react'
import type { Annotation } from '@shared/domain'
import { MemoEditor } from '../../components/MemoEditor'
import { labelColor, useLabels } from '../../labels'
import { AttributeForm } from './AttributeForm'
import { FragmentList } from './FragmentList'
import { OccurrenceReview } from './OccurrenceReview'
import { TagLinks } from './TagLinks'
import { TagReview } from '../review/TagReview'
import { api } from '../../api/client'
import { useMayEdit } from '../../me'
import { useArticle } from './articleContext'

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
  const editable = useMayEdit(tag)
  // the coding guideline of the tag's label, at hand while coding
  const guideline = labels.find((l) => l.name === tag.label)?.description
  return (
    <section className="tag-details" aria-label="Selected tag">
      {!editable && <ColleagueTag tag={tag} />}
      <div className="label-switch" role="radiogroup" aria-label="Label">
        {labels.map((l) => (
          <button key={l.name} type="button" role="radio" title={l.description} aria-checked={tag.label === l.name} className={tag.label === l.name ? 'active' : ''} disabled={!editable} onClick={() => onLabel(l.name)}>
            <span className="swatch" style={{ background: labelColor(l.name) }} />
            <kbd>{l.key}</kbd> {l.name}
          </button>
        ))}
      </div>
      {guideline && <p className="guideline">{guideline}</p>}
      {tag.fragments.length > 1 ? (
        <FragmentList fragments={tag.fragments} onRemove={editable ? onRemoveFragment : undefined} />
      ) : (
        <blockquote className="tag-quote">{tag.fragments[0]!.quote}</blockquote>
      )}
      <div className="meta">
        {tag.annotatorName} · {new Date(tag.updatedAt).toLocaleString()} · {tag.fragments[0]!.start}–{tag.fragments[tag.fragments.length - 1]!.end}
      </div>
      {/* a disabled fieldset makes every field of a colleague's tag read-only at once */}
      <fieldset className="bare" disabled={!editable}>
        <AttributeForm tag={tag} onChange={onAttributes} />
      </fieldset>
      <TagLinks tag={tag} readOnly={!editable} />
      <TagReview tag={tag} />
      <button type="button" className="occ-open" onClick={() => setReviewing(true)}>
        Tag all occurrences…
      </button>
      {reviewing && <OccurrenceReview tag={tag} onClose={() => setReviewing(false)} />}
      <div className="note">
        <span aria-hidden="true">Note</span>
        {!editable ? (
          <div className="memo-text">{tag.note || 'No note.'}</div>
        ) : noteReady ? (
          <MemoEditor value={tag.note} onSave={onNote} label="Note" placeholder="Why this tag? (saved as you type)" escapeTo={VIEWER_ID} />
        ) : (
          <div className="memo-text memo-pending">{tag.note || 'Why this tag? (saved as you type)'}</div>
        )}
      </div>
      {editable && (
        <button type="button" className="danger" onClick={onDelete}>
          Delete tag <kbd>Del</kbd>
        </button>
      )}
    </section>
  )
}

/** Whose tag this is, why it cannot be changed here, and the way to make it mine. */
function ColleagueTag({ tag }: { tag: Annotation }) {
  const { run } = useArticle()
  return (
    <p className="colleague-tag" role="note">
      {tag.annotatorName}’s tag: each coder changes only their own layer.{' '}
      <button type="button" onClick={() => void run(api.call('annotations.copy', { id: tag.id }), { selectNew: true })}>
        Copy to my layer
      </button>
    </p>
  )
}
