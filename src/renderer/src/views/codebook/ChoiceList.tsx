import { CommitInput } from './CommitInput'
import type { DraftChoice } from './codebookDraft'
import { addValue, renameValue } from './draftEdits'
import { useEditor, usedBy } from './editorContext'
import { FieldProblems } from './FieldProblems'
import { problemsAt } from './problemsAt'
import { TableCell } from './TableCell'

/** The allowed values of a choice attribute: key, label, description and (for a sub-type) the parent value. */
export function ChoiceList({ labelIndex, attrIndex }: { labelIndex: number; attrIndex: number }) {
  const { draft, edit, problems, usage } = useEditor()
  const label = draft.labels[labelIndex]!
  const attr = label.attributes[attrIndex]!
  const values = attr.values ?? []
  const at = `labels[${labelIndex}].attributes[${attrIndex}].values`
  const parentAttr = attr.dependsOn !== undefined ? label.attributes.find((a) => a.key === attr.dependsOn) : undefined
  const counts = label.origin !== undefined && attr.origin !== undefined ? usage.values[label.origin]?.[attr.origin] : undefined
  const set = (k: number, change: (c: DraftChoice) => void) => edit((d) => change(d.labels[labelIndex]!.attributes[attrIndex]!.values![k]!))
  const cell = (k: number, field: string, control: Parameters<typeof TableCell>[0]['children']) => (
    <TableCell id={`label-${labelIndex}-attr-${attrIndex}-value-${k}-${field}`} path={`${at}[${k}].${field}`}>
      {control}
    </TableCell>
  )
  return (
    <div className="cb-values" role="group" aria-label={`Values of ${attr.name}`}>
      <div className="cb-subheader">
        <h4>Allowed values ({values.length})</h4>
        <button
          type="button"
          onClick={() => {
            edit((d) => void addValue(d.labels[labelIndex]!.attributes[attrIndex]!))
            // the new row's key is where the user types next
            requestAnimationFrame(() => document.getElementById(`label-${labelIndex}-attr-${attrIndex}-value-${values.length}-value`)?.focus())
          }}
        >
          + Add value
        </button>
      </div>
      <FieldProblems id={`label-${labelIndex}-attr-${attrIndex}-values-problems`} problems={problemsAt(problems, at)} />
      {values.length > 0 && (
        <table className="cb-table">
          <thead>
            <tr>
              <th>Key</th>
              <th>Label</th>
              <th>Description</th>
              {attr.dependsOn !== undefined && <th>Belongs to</th>}
              <th>Tags</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {values.map((c, k) => {
              const used = c.origin !== undefined ? counts?.[c.origin] : undefined
              return (
                <tr key={k}>
                  {cell(k, 'value', (p) => (
                    <CommitInput {...p} aria-label={`Key of value ${k + 1}`} value={c.value} onCommit={(v) => edit((d) => renameValue(d, labelIndex, attrIndex, k, v))} />
                  ))}
                  {cell(k, 'label', (p) => (
                    <input {...p} type="text" aria-label={`Label of value ${k + 1}`} value={c.label} onChange={(e) => set(k, (x) => (x.label = e.target.value))} />
                  ))}
                  {cell(k, 'description', (p) => (
                    <input {...p} type="text" aria-label={`Description of value ${k + 1}`} value={c.description} onChange={(e) => set(k, (x) => (x.description = e.target.value))} />
                  ))}
                  {attr.dependsOn !== undefined &&
                    cell(k, 'parent', (p) => (
                      <select {...p} aria-label={`Parent of value ${k + 1}`} value={c.parent ?? ''} onChange={(e) => set(k, (x) => (e.target.value === '' ? delete x.parent : (x.parent = e.target.value)))}>
                        <option value="">—</option>
                        {c.parent !== undefined && !parentAttr?.values?.some((v) => v.value === c.parent) && <option value={c.parent}>{c.parent} (missing)</option>}
                        {parentAttr?.values?.map((v) => (
                          <option key={v.value} value={v.value}>
                            {v.label}
                          </option>
                        ))}
                      </select>
                    ))}
                  <td className="count" title={used ? usedBy(used)! : undefined}>
                    {used ?? ''}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="icon danger"
                      aria-label={`Remove value ${c.label || c.value}`}
                      title={used ? `${usedBy(used)}: saving will ask whether to map them to another value or clear them` : 'Remove this value'}
                      onClick={() => edit((d) => void d.labels[labelIndex]!.attributes[attrIndex]!.values!.splice(k, 1))}
                    >
                      ✕
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </div>
  )
}
