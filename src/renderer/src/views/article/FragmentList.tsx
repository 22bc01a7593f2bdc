import type { Fragment } from '@shared/domain'
import { quoted } from '@shared/text/quoted'

interface Props {
  fragments: Fragment[]
  /** Left out for a tag I may not change: the fragments are listed without remove buttons. */
  onRemove?: (index: number) => void
}

/** The fragments of a tag that has several, in text order: each quoted, each removable (a tag keeps at least one). */
export function FragmentList({ fragments, onRemove }: Props) {
  return (
    <ol className="fragment-list" aria-label="Fragments">
      {fragments.map((f, i) => (
        <li key={`${f.start}-${f.end}`}>
          <div className="fragment-row">
            <q className="fragment-quote">{f.quote}</q>
            {onRemove && (
              <button type="button" className="remove-fragment" aria-label={`Remove fragment ${i + 1}`} title={`Remove ${quoted(f.quote)} from this tag`} onClick={() => onRemove(i)}>
                ×
              </button>
            )}
          </div>
        </li>
      ))}
    </ol>
  )
}
