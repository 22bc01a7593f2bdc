import { ATTRIBUTE_TYPES, type AttributeDef } from '@shared/codebook/codebook-schema'
import { ChoiceList } from './ChoiceList'
import { CommitInput } from './CommitInput'
import { renameAttribute, setAttributeType } from './draftEdits'
import type { DraftAttribute } from './codebookDraft'
import { useEditor, usedBy } from './editorContext'
import { Field } from './Field'
import { problemsUnder } from './problemsAt'

export const TYPE_NAMES: Record<AttributeDef['type'], string> = {
  text: 'Text',
  number: 'Number',
  date: 'Date',
  single: 'Single choice',
  multi: 'Multiple choice',
  boolean: 'Yes / no',
  actor: 'Actor reference',
  tag: 'Tag reference'
}

interface Props {
  labelIndex: number
  attrIndex: number
  open: boolean
  onToggle: (open: boolean) => void
}

/** One attribute, folded to a summary line; unfolded it edits key, name, type and the type's settings. */
export function AttributeEditor({ labelIndex, attrIndex, open, onToggle }: Props) {
  const { draft, edit, problems, usage } = useEditor()
  const label = draft.labels[labelIndex]!
  const attr = label.attributes[attrIndex]!
  const at = `labels[${labelIndex}].attributes[${attrIndex}]`
  const id = (field: string) => `label-${labelIndex}-attr-${attrIndex}-${field}`
  const set = (change: (a: DraftAttribute) => void) => edit((d) => change(d.labels[labelIndex]!.attributes[attrIndex]!))
  const used = label.origin !== undefined && attr.origin !== undefined ? usage.attributes[label.origin]?.[attr.origin] : undefined
  const flagged = problemsUnder(problems, at).length > 0
  const choice = attr.type === 'single' || attr.type === 'multi'
  const siblingsWithValues = label.attributes.filter((a, j) => j !== attrIndex && (a.type === 'single' || a.type === 'multi'))
  const number = (v: string) => (v === '' || Number.isNaN(Number(v)) ? undefined : Number(v))
  return (
    <details id={`label-${labelIndex}-attr-${attrIndex}`} className={`cb-attribute${flagged ? ' has-problems' : ''}`} open={open} onToggle={(e) => e.currentTarget.open !== open && onToggle(e.currentTarget.open)}>
      <summary>
        <strong>{attr.name || '(no name)'}</strong> <code>{attr.key}</code> <span className="meta">{TYPE_NAMES[attr.type]}</span>
        {attr.required && <span className="meta"> · required</span>}
        {used ? <span className="usage"> · {usedBy(used)}</span> : null}
        {flagged && <span className="problem-dot" aria-label="has problems" />}
      </summary>
      {/* folded attributes render nothing inside: Event alone has 17 attributes and 60 values */}
      {open && (
        <div role="group" aria-label={`Attribute ${attr.name}`} className="cb-form">
          <Field id={id('key')} label="Key" path={`${at}.key`} hint="stored on tags and in exports, e.g. date_start">
            {(p) => <CommitInput {...p} value={attr.key} onCommit={(key) => edit((d) => renameAttribute(d, labelIndex, attrIndex, key))} />}
          </Field>
          <Field id={id('name')} label="Name" path={`${at}.name`}>
            {(p) => <input {...p} type="text" value={attr.name} onChange={(e) => set((a) => (a.name = e.target.value))} />}
          </Field>
          <Field id={id('description')} label="Description" path={`${at}.description`}>
            {(p) => <textarea {...p} rows={2} value={attr.description} onChange={(e) => set((a) => (a.description = e.target.value))} />}
          </Field>
          <Field id={id('type')} label="Type" path={`${at}.type`} hint={used && attr.origin !== undefined ? 'values on tags are converted where nothing is lost; saving asks about the others' : undefined}>
            {(p) => (
              <select {...p} value={attr.type} onChange={(e) => set((a) => setAttributeType(a, e.target.value as AttributeDef['type']))}>
                {ATTRIBUTE_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {TYPE_NAMES[t]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={id('required')} label="Required" path={`${at}.required`}>
            {(p) => (
              <span className="checkbox-line">
                <input {...p} type="checkbox" checked={attr.required} onChange={(e) => set((a) => (a.required = e.target.checked))} />
                <span className="hint">a tag without it is counted as incomplete (it can still be saved)</span>
              </span>
            )}
          </Field>
          {(attr.type === 'actor' || attr.type === 'tag') && (
            <Field id={id('many')} label="Several references" path={`${at}.many`}>
              {(p) => <input {...p} type="checkbox" checked={attr.many} onChange={(e) => set((a) => (a.many = e.target.checked))} />}
            </Field>
          )}
          {attr.type === 'number' && (
            <>
              <Field id={id('min')} label="Minimum" path={`${at}.min`}>
                {(p) => <input {...p} type="number" value={attr.min ?? ''} onChange={(e) => set((a) => (a.min = number(e.target.value)))} />}
              </Field>
              <Field id={id('max')} label="Maximum" path={`${at}.max`}>
                {(p) => <input {...p} type="number" value={attr.max ?? ''} onChange={(e) => set((a) => (a.max = number(e.target.value)))} />}
              </Field>
            </>
          )}
          {attr.type === 'tag' && (
            <Field id={id('targets')} label="Target labels" path={`${at}.targetLabels`} nested hint="none chosen: a tag of any label">
              {(p) => (
                <select
                  {...p}
                  multiple
                  size={Math.min(5, draft.labels.length)}
                  value={attr.targetLabels ?? []}
                  onChange={(e) => {
                    const chosen = [...e.target.selectedOptions].map((o) => o.value)
                    set((a) => (chosen.length ? (a.targetLabels = chosen) : delete a.targetLabels))
                  }}
                >
                  {[...new Set([...draft.labels.map((l) => l.name), ...(attr.targetLabels ?? [])])].map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {choice && (
            <Field id={id('depends')} label="Sub-type of" path={`${at}.dependsOn`} hint="each value then names the value of that attribute it belongs to">
              {(p) => (
                <select {...p} value={attr.dependsOn ?? ''} onChange={(e) => set((a) => (e.target.value === '' ? delete a.dependsOn : (a.dependsOn = e.target.value)))}>
                  <option value="">(independent)</option>
                  {attr.dependsOn !== undefined && !siblingsWithValues.some((a) => a.key === attr.dependsOn) && <option value={attr.dependsOn}>{attr.dependsOn} (missing)</option>}
                  {siblingsWithValues.map((a) => (
                    <option key={a.key} value={a.key}>
                      {a.name} ({a.key})
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {choice && <ChoiceList labelIndex={labelIndex} attrIndex={attrIndex} />}
          <div className="cb-field">
            <span />
            <div className="cb-field-control">
              <button
                type="button"
                className="danger"
                onClick={() => {
                  edit((d) => void d.labels[labelIndex]!.attributes.splice(attrIndex, 1))
                  onToggle(false)
                }}
              >
                Remove attribute {attr.name}
              </button>
              {used ? <span className="hint">{usedBy(used)}: saving will ask whether to move or clear their values</span> : null}
            </div>
          </div>
        </div>
      )}
    </details>
  )
}
