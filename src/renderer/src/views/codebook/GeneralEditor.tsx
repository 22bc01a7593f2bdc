import type { CodebookVersionInfo } from '@shared/codebook/codebook-versions'
import { useEditor } from './editorContext'
import { Field } from './Field'
import { migrationSummary } from './migrationSummary'

interface Props {
  versions: readonly CodebookVersionInfo[]
  onExport: (version: number) => void
}

/** The codebook's name and description, and every saved version with its note and what it did to tags. */
export function GeneralEditor({ versions, onExport }: Props) {
  const { draft, edit } = useEditor()
  return (
    <section className="cb-detail" aria-label="About this codebook">
      <header className="cb-detail-header">
        <h2>About this codebook</h2>
      </header>
      <div className="cb-form">
        <Field id="codebook-name" label="Codebook name" path="name">
          {(p) => <input {...p} type="text" value={draft.name} onChange={(e) => edit((d) => (d.name = e.target.value))} />}
        </Field>
        <Field id="codebook-description" label="Description" path="description">
          {(p) => <textarea {...p} rows={5} value={draft.description} onChange={(e) => edit((d) => (d.description = e.target.value))} />}
        </Field>
      </div>
      <div className="cb-subheader">
        <h3>Versions</h3>
      </div>
      <p className="hint">Saving never changes an old version: each tag records the version it was coded under.</p>
      <table className="cb-table versions">
        <thead>
          <tr>
            <th>Version</th>
            <th>Saved</th>
            <th>Note</th>
            <th>Tags carried over</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version}>
              <td>v{v.version}</td>
              <td className="nowrap">
                {new Date(v.createdAt).toLocaleString()}
                {v.createdBy && <div className="meta">by {v.createdBy}</div>}
              </td>
              <td>{v.note}</td>
              <td className="meta">{[...v.typeChanges, ...migrationSummary(v.migration)].join('; ') || '—'}</td>
              <td>
                <button type="button" onClick={() => onExport(v.version)} aria-label={`Export version ${v.version}`}>
                  Export
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
