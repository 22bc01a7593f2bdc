import { type KeyboardEvent } from 'react'
import { moveLabel } from './draftEdits'
import { useEditor } from './editorContext'
import { labelTree } from './labelTree'
import { selectionOf, type Selection } from './selection'
import { plural } from '@shared/plural'

interface Props {
  selection: Selection
  onSelect: (s: Selection) => void
  onAddLabel: () => void
}

/** The codebook's sections: general, the labels as a tree (Alt+↑/↓ moves the focused label), relations and rules. */
export function LabelList({ selection, onSelect, onAddLabel }: Props) {
  const { draft, edit, problems, usage } = useEditor()
  // the label, not the attribute inside it, is what the list marks
  const section = (s: Selection) => (s.kind === 'label' ? `label:${s.index}` : s.kind)
  const current = (s: Selection) => section(s) === section(selection)
  const flagged = (s: Selection) => problems.some((p) => section(selectionOf(p.path)) === section(s))
  const onKey = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault()
      const step = e.key === 'ArrowUp' ? -1 : 1
      const moved = moveLabel(structuredClone(draft), index, step)
      edit((d) => moveLabel(d, index, step))
      onSelect({ kind: 'label', index: moved })
      // focus follows the label to its new row once React has rendered it
      requestAnimationFrame(() => document.querySelector<HTMLButtonElement>(`[data-label-row="${moved}"]`)?.focus())
    }
  }
  const entry = (s: Selection, text: string) => (
    <button type="button" className="nav-item" aria-current={current(s) || undefined} onClick={() => onSelect(s)}>
      {text}
      {flagged(s) && <span className="problem-dot" aria-label="has problems" />}
    </button>
  )
  return (
    <nav className="cb-nav" aria-label="Codebook sections">
      {entry({ kind: 'general' }, 'About this codebook')}
      <h2 id="cb-labels-heading">Labels</h2>
      <ul className="cb-label-tree" aria-labelledby="cb-labels-heading">
        {labelTree(draft.labels).map(({ index, depth }) => {
          const l = draft.labels[index]!
          const count = l.origin !== undefined ? usage.labels[l.origin] : undefined
          return (
            <li key={index}>
              <button
                type="button"
                className="nav-item label-row"
                data-label-row={index}
                style={{ paddingLeft: 8 + depth * 18 }}
                aria-current={current({ kind: 'label', index }) || undefined}
                aria-label={l.name}
                title={`${l.name}${count ? ` · used by ${plural(count, 'tag')}` : ''} · Alt+↑/↓ moves it`}
                onClick={() => onSelect({ kind: 'label', index })}
                onKeyDown={(e) => onKey(e, index)}
              >
                <span className="swatch" style={{ background: /^#[0-9a-fA-F]{6}$/.test(l.color) ? l.color : 'transparent' }} />
                <span className="label-row-name">{l.name || '(no name)'}</span>
                {l.hotkey && <kbd>{l.hotkey}</kbd>}
                {count ? <span className="count">{plural(count, 'tag')}</span> : null}
                {flagged({ kind: 'label', index }) && <span className="problem-dot" aria-hidden />}
              </button>
            </li>
          )
        })}
      </ul>
      <button type="button" onClick={onAddLabel}>
        + Add label
      </button>
      <h2>Links between tags</h2>
      {entry({ kind: 'relations' }, `Relations (${draft.relations.length})`)}
      {entry({ kind: 'rules' }, `Rules (${draft.rules.length})`)}
    </nav>
  )
}
