import { memo, useState } from 'react'
import { MemoEditor } from '../../components/MemoEditor'

interface Props {
  note: string
  onSave: (note: string) => Promise<boolean>
}

/** The memo on the whole article: a section of the side panel, open from the start when the article has one. */
// memo: a tag edit re-renders the article view, and this section has nothing to do with tags
export const ArticleMemo = memo(function ArticleMemo({ note, onSave }: Props) {
  const [open, setOpen] = useState(note !== '')
  const firstLine = note.split('\n').find((line) => line.trim() !== '') ?? ''
  return (
    <details className="article-memo" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Article memo
        {!open && <span className="hint">{firstLine === '' ? 'none yet' : firstLine.length > 40 ? `${firstLine.slice(0, 39)}…` : firstLine}</span>}
      </summary>
      <MemoEditor value={note} onSave={onSave} label="Article memo" placeholder="About the whole article: source, doubts, context (saved as you type)" />
    </details>
  )
})
