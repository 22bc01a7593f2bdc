import { useEffect, useState } from 'react'
import { AttributeEditor } from './AttributeEditor'
import { ColorField } from './ColorField'
import { CommitInput } from './CommitInput'
import { addAttribute, moveLabel, removeLabel, renameLabel } from './draftEdits'
import { useEditor, usedBy } from './editorContext'
import { Field } from './Field'
import { labelTree } from './labelTree'

interface Props {
  index: number
  /** The attribute to unfold and scroll to (a problem inside it was picked). */
  openAttribute?: number
  onSelect: (index: number | null) => void
}

/** One label: name, guideline, colour, hotkey, parent, position, and its attributes. */
export function LabelEditor({ index, openAttribute, onSelect }: Props) {
  const { draft, edit, usage } = useEditor()
  const label = draft.labels[index]!
  const at = `labels[${index}]`
  const id = (field: string) => `label-${index}-${field}`
  const used = label.origin !== undefined ? usage.labels[label.origin] : undefined
  const [open, setOpen] = useState<number | null>(openAttribute ?? null)
  // a new attribute is opened at the list's end: bring it into view with its name selected
  const [added, setAdded] = useState<number | null>(null)
  useEffect(() => {
    if (added === null) return
    const name = document.getElementById(`label-${index}-attr-${added}-name`)
    name?.scrollIntoView({ block: 'center' })
    name?.focus()
    // the placeholder name is selected, so typing replaces it
    if (name instanceof HTMLInputElement) name.select()
    setAdded(null)
  }, [added, index])
  useEffect(() => {
    if (openAttribute !== undefined) document.getElementById(`label-${index}-attr-${openAttribute}`)?.scrollIntoView({ block: 'start' })
  }, [index, openAttribute])
  const siblings = labelTree(draft.labels).filter((r) => draft.labels[r.index]!.parent === label.parent)
  const position = siblings.findIndex((r) => r.index === index)
  const move = (step: -1 | 1) => {
    const target = moveLabel(structuredClone(draft), index, step)
    edit((d) => moveLabel(d, index, step))
    onSelect(target)
  }
  return (
    <section className="cb-detail" aria-label={`Label ${label.name}`}>
      <header className="cb-detail-header">
        <span className="swatch big" style={{ background: /^#[0-9a-fA-F]{6}$/.test(label.color) ? label.color : 'transparent' }} />
        <h2>{label.name || '(no name)'}</h2>
        {used ? <span className="usage">{usedBy(used)}</span> : <span className="usage">{label.origin === undefined ? 'new' : 'not used yet'}</span>}
        <span className="spacer" />
        <button type="button" onClick={() => move(-1)} disabled={position <= 0}>
          ↑ Move up
        </button>
        <button type="button" onClick={() => move(1)} disabled={position === siblings.length - 1}>
          ↓ Move down
        </button>
        <button
          type="button"
          className="danger"
          title={used ? `${usedBy(used)}: saving will ask whether to relabel or delete them` : undefined}
          onClick={() => {
            edit((d) => removeLabel(d, index))
            onSelect(null)
          }}
        >
          Remove label
        </button>
      </header>
      {used ? (
        <p className="hint">
          {used === 1 ? 'Renaming keeps its tag (it is relabelled on save); removing it asks what to do with it.' : `Renaming keeps its ${used} tags (they are relabelled on save); removing it asks what to do with them.`}
        </p>
      ) : null}
      <div className="cb-form">
        <Field id={id('name')} label="Label name" path={`${at}.name`}>
          {(p) => <CommitInput {...p} value={label.name} onCommit={(name) => edit((d) => renameLabel(d, index, name))} />}
        </Field>
        <Field id={id('description')} label="Coding guideline" path={`${at}.description`}>
          {(p) => <textarea {...p} rows={4} value={label.description} onChange={(e) => edit((d) => (d.labels[index]!.description = e.target.value))} />}
        </Field>
        <Field id={id('color')} label="Colour" path={`${at}.color`}>
          {(p) => <ColorField id={p.id} value={label.color} describedBy={p} onChange={(color) => edit((d) => (d.labels[index]!.color = color))} />}
        </Field>
        <Field id={id('hotkey')} label="Hotkey" path={`${at}.hotkey`} hint="one digit or letter; pressed while a selection or tag is active">
          {(p) => (
            <input
              {...p}
              className="hotkey-input"
              type="text"
              maxLength={1}
              value={label.hotkey ?? ''}
              onChange={(e) => edit((d) => (d.labels[index]!.hotkey = e.target.value === '' ? null : e.target.value.toLowerCase()))}
            />
          )}
        </Field>
        <Field id={id('parent')} label="Parent label" path={`${at}.parent`}>
          {(p) => (
            <select {...p} value={label.parent ?? ''} onChange={(e) => edit((d) => (d.labels[index]!.parent = e.target.value === '' ? null : e.target.value))}>
              <option value="">(none: a top-level label)</option>
              {label.parent !== null && !draft.labels.some((l) => l.name === label.parent) && <option value={label.parent}>{label.parent} (missing)</option>}
              {draft.labels.map((l, i) =>
                i === index ? null : (
                  <option key={i} value={l.name}>
                    {l.name}
                  </option>
                )
              )}
            </select>
          )}
        </Field>
      </div>
      <div className="cb-subheader">
        <h3>Attributes ({label.attributes.length})</h3>
        <button
          type="button"
          onClick={() => {
            edit((d) => void addAttribute(d.labels[index]!))
            setOpen(label.attributes.length)
            setAdded(label.attributes.length)
          }}
        >
          + Add attribute
        </button>
      </div>
      <div className="cb-attributes">
        {label.attributes.map((_, j) => (
          <AttributeEditor key={j} labelIndex={index} attrIndex={j} open={open === j} onToggle={(isOpen) => setOpen(isOpen ? j : open === j ? null : open)} />
        ))}
        {label.attributes.length === 0 && <p className="hint">No attributes: tags with this label carry only their text and note.</p>}
      </div>
    </section>
  )
}
