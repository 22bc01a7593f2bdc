import type { RuleDef } from '@shared/codebook/codebook-schema'
import { useEditor } from './editorContext'
import { TableCell } from './TableCell'

/** Cross-attribute checks on tags: attribute a must not be after (or above) attribute b. */
export function RulesEditor() {
  const { draft, edit } = useEditor()
  const set = (i: number, change: (r: RuleDef) => void) => edit((d) => change(d.rules[i]!))
  const comparable = (labelName: string, current: readonly string[]) => {
    const keys = draft.labels.find((l) => l.name === labelName)?.attributes.filter((a) => a.type === 'date' || a.type === 'number').map((a) => a.key) ?? []
    return [...new Set([...keys, ...current])]
  }
  const addRule = () =>
    edit((d) => {
      const label = d.labels.find((l) => l.attributes.filter((a) => a.type === 'date' || a.type === 'number').length >= 2) ?? d.labels[0]!
      const keys = label.attributes.filter((a) => a.type === 'date' || a.type === 'number').map((a) => a.key)
      d.rules.push({ kind: 'not_after', label: label.name, a: keys[0] ?? 'a', b: keys[1] ?? keys[0] ?? 'b' })
    })
  return (
    <section className="cb-detail" aria-label="Rules">
      <header className="cb-detail-header">
        <h2>Rules</h2>
        <span className="spacer" />
        <button type="button" onClick={addRule}>
          + Add rule
        </button>
      </header>
      <p className="hint">A rule refuses a tag whose first attribute is after (dates) or above (numbers) the second, e.g. an end date before the start date.</p>
      <table className="cb-table">
        <thead>
          <tr>
            <th>Label</th>
            <th>Attribute a</th>
            <th aria-label="must not be after" />
            <th>Attribute b</th>
            <th>Message when broken</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {draft.rules.map((r, i) => (
            <tr key={i}>
              <TableCell id={`rule-${i}-label`} path={`rules[${i}].label`}>
                {(p) => (
                  <select {...p} aria-label={`Label of rule ${i + 1}`} value={r.label} onChange={(e) => set(i, (x) => (x.label = e.target.value))}>
                    {[...new Set([...draft.labels.map((l) => l.name), r.label])].map((n) => (
                      <option key={n}>{n}</option>
                    ))}
                  </select>
                )}
              </TableCell>
              {(['a', 'b'] as const).map((side) => [
                <TableCell key={side} id={`rule-${i}-${side}`} path={`rules[${i}].${side}`}>
                  {(p) => (
                    <select {...p} aria-label={`Attribute ${side} of rule ${i + 1}`} value={r[side]} onChange={(e) => set(i, (x) => (x[side] = e.target.value))}>
                      {comparable(r.label, [r[side]]).map((k) => (
                        <option key={k}>{k}</option>
                      ))}
                    </select>
                  )}
                </TableCell>,
                side === 'a' ? (
                  <td key="op" className="rule-op">
                    ≤
                  </td>
                ) : null
              ])}
              <TableCell id={`rule-${i}-message`} path={`rules[${i}].message`}>
                {(p) => (
                  <input
                    {...p}
                    type="text"
                    aria-label={`Message of rule ${i + 1}`}
                    placeholder="(a message naming both attributes)"
                    value={r.message ?? ''}
                    onChange={(e) => set(i, (x) => (e.target.value === '' ? delete x.message : (x.message = e.target.value)))}
                  />
                )}
              </TableCell>
              <td>
                <button type="button" className="icon danger" aria-label={`Remove rule ${i + 1}`} title="Remove this rule" onClick={() => edit((d) => void d.rules.splice(i, 1))}>
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
