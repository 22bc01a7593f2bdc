import type { RelationDef } from '@shared/codebook/codebook-schema'
import { useEditor } from './editorContext'
import { FieldProblems } from './FieldProblems'
import { problemsAt } from './problemsAt'
import { TableCell } from './TableCell'

/** Typed links from a tag of one label to tags of others (event → perpetrator), with how many a tag may have. */
export function RelationsEditor() {
  const { draft, edit, problems } = useEditor()
  const names = draft.labels.map((l) => l.name)
  const set = (i: number, change: (r: RelationDef) => void) => edit((d) => change(d.relations[i]!))
  // a dangling name stays visible (and flagged) instead of silently becoming another label
  const options = (extra: readonly string[]) => [...new Set([...names, ...extra])]
  return (
    <section className="cb-detail" aria-label="Relations">
      <header className="cb-detail-header">
        <h2>Relations</h2>
        <span className="spacer" />
        <button
          type="button"
          onClick={() => edit((d) => void d.relations.push({ type: `relation_${d.relations.length + 1}`, name: `Relation ${d.relations.length + 1}`, description: '', from: names[0] ?? '', to: [names[0] ?? ''], cardinality: 'many' }))}
        >
          + Add relation
        </button>
      </header>
      <p className="hint">A relation links a tag to other tags, e.g. an Event to its perpetrator (an Actor). “One” allows at most one such link per tag.</p>
      <FieldProblems id="relations-problems" problems={problemsAt(problems, 'relations')} />
      <table className="cb-table">
        <thead>
          <tr>
            <th>Type (key)</th>
            <th>Name</th>
            <th>From label</th>
            <th>To labels</th>
            <th>Cardinality</th>
            <th>Description</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {draft.relations.map((r, i) => (
            <tr key={i}>
              <TableCell id={`relation-${i}-type`} path={`relations[${i}].type`}>
                {(p) => <input {...p} type="text" aria-label={`Type of relation ${i + 1}`} value={r.type} onChange={(e) => set(i, (x) => (x.type = e.target.value.trim()))} />}
              </TableCell>
              <TableCell id={`relation-${i}-name`} path={`relations[${i}].name`}>
                {(p) => <input {...p} type="text" aria-label={`Name of relation ${i + 1}`} value={r.name} onChange={(e) => set(i, (x) => (x.name = e.target.value))} />}
              </TableCell>
              <TableCell id={`relation-${i}-from`} path={`relations[${i}].from`}>
                {(p) => (
                  <select {...p} aria-label={`From label of relation ${i + 1}`} value={r.from} onChange={(e) => set(i, (x) => (x.from = e.target.value))}>
                    {options([r.from]).map((n) => (
                      <option key={n}>{n}</option>
                    ))}
                  </select>
                )}
              </TableCell>
              <TableCell id={`relation-${i}-to`} path={`relations[${i}].to`} nested>
                {(p) => (
                  <select
                    {...p}
                    multiple
                    size={Math.min(4, options(r.to).length)}
                    aria-label={`To labels of relation ${i + 1}`}
                    value={r.to}
                    onChange={(e) => {
                      const to = [...e.target.selectedOptions].map((o) => o.value)
                      set(i, (x) => (x.to = to))
                    }}
                  >
                    {options(r.to).map((n) => (
                      <option key={n}>{n}</option>
                    ))}
                  </select>
                )}
              </TableCell>
              <TableCell id={`relation-${i}-cardinality`} path={`relations[${i}].cardinality`}>
                {(p) => (
                  <select {...p} aria-label={`Cardinality of relation ${i + 1}`} value={r.cardinality} onChange={(e) => set(i, (x) => (x.cardinality = e.target.value as RelationDef['cardinality']))}>
                    <option value="one">one</option>
                    <option value="many">many</option>
                  </select>
                )}
              </TableCell>
              <TableCell id={`relation-${i}-description`} path={`relations[${i}].description`}>
                {(p) => <input {...p} type="text" aria-label={`Description of relation ${i + 1}`} value={r.description} onChange={(e) => set(i, (x) => (x.description = e.target.value))} />}
              </TableCell>
              <td>
                <button type="button" className="icon danger" aria-label={`Remove relation ${r.name}`} title="Remove this relation" onClick={() => edit((d) => void d.relations.splice(i, 1))}>
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
