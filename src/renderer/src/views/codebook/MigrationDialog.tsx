import { useState } from 'react'
import type { Codebook } from '@shared/codebook/codebook-schema'
import type { CodebookMigration, CodebookOrphan } from '@shared/codebook/codebook-migration'
import { describeOrphan } from '@shared/codebook/describe-orphan'
import { linkProblem } from '@shared/codebook/relation-rules'

interface Props {
  orphans: readonly CodebookOrphan[]
  /** The codebook being saved: the labels, attributes and values tags can be carried over to. */
  codebook: Codebook
  busy: boolean
  onConfirm: (migration: CodebookMigration) => void
  onCancel: () => void
}

const keyOf = (o: CodebookOrphan) => JSON.stringify({ ...o, tags: 0 })

/** Asks, for each label, attribute or value tags use and the new codebook drops, where those tags go. */
export function MigrationDialog({ orphans, codebook, busy, onConfirm, onCancel }: Props) {
  const [choices, setChoices] = useState<Record<string, string>>({})
  // links from or to tags being deleted go with them: nothing to ask about those
  const deleted = new Set(orphans.filter((o) => o.kind === 'label' && choices[keyOf(o)] === 'delete').map((o) => (o as { label: string }).label))
  const asked = orphans.filter((o) => !(o.kind === 'link' && (deleted.has(o.from) || deleted.has(o.target))))
  const complete = asked.every((o) => choices[keyOf(o)])
  const options = (o: CodebookOrphan): { value: string; text: string }[] => {
    if (o.kind === 'label') return [...codebook.labels.map((l) => ({ value: `to:${l.name}`, text: `Relabel them as ${l.name}` })), { value: 'delete', text: o.tags === 1 ? 'Delete this tag' : `Delete these ${o.tags} tags` }]
    if (o.kind === 'link')
      return [
        ...codebook.relations.filter((r) => !linkProblem(codebook, r.type, o.from, o.target)).map((r) => ({ value: `to:${r.type}`, text: `Change them to ${r.name} (${r.type})` })),
        { value: 'clear', text: o.tags === 1 ? 'Remove this link' : `Remove these ${o.tags} links` }
      ]
    const label = codebook.labels.find((l) => l.name === o.label)
    if (o.kind === 'type')
      return [
        { value: 'clear', text: 'Clear the values that do not fit' },
        ...(label?.attributes.filter((a) => a.type === 'text' && a.key !== o.attribute).map((a) => ({ value: `to:${a.key}`, text: `Move them to ${a.name} (${a.key}) as text` })) ?? [])
      ]
    if (o.kind === 'attribute')
      return [{ value: 'clear', text: 'Clear the values' }, ...(label?.attributes.filter((a) => a.key !== o.attribute).map((a) => ({ value: `to:${a.key}`, text: `Move them to ${a.name} (${a.key})` })) ?? [])]
    const attr = label?.attributes.find((a) => a.key === o.attribute)
    return [...(attr?.values?.map((v) => ({ value: `to:${v.value}`, text: `Map to ${v.label} (${v.value})` })) ?? []), { value: 'clear', text: 'Clear the value' }]
  }
  const confirm = () => {
    const m: CodebookMigration = { labels: {}, attributes: [], values: [], links: [], retype: [] }
    for (const o of asked) {
      const choice = choices[keyOf(o)]!
      const to = choice.startsWith('to:') ? choice.slice(3) : null
      if (o.kind === 'label') m.labels[o.label] = to === null ? { delete: true } : { to }
      else if (o.kind === 'attribute') m.attributes.push({ label: o.label, from: o.attribute, to })
      else if (o.kind === 'type') m.retype.push({ label: o.label, attribute: o.attribute, to })
      else if (o.kind === 'link') m.links.push({ relation: o.relation, from: o.from, target: o.target, to })
      else m.values.push({ label: o.label, attribute: o.attribute, from: o.value, to })
    }
    onConfirm(m)
  }
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <div className="modal wide" role="dialog" aria-modal="true" aria-labelledby="migration-title">
        <h2 id="migration-title">Carry the tags over</h2>
        <p className="hint">Tags use things this codebook removes or changes. Say what happens to them; the change is saved with the new version and listed in the change log.</p>
        <ul className="migration-list">
          {asked.map((o, i) => (
            <li key={keyOf(o)}>
              <label htmlFor={`orphan-${i}`}>{describeOrphan(o)}</label>
              <select id={`orphan-${i}`} autoFocus={i === 0} value={choices[keyOf(o)] ?? ''} onChange={(e) => setChoices((c) => ({ ...c, [keyOf(o)]: e.target.value }))}>
                <option value="">Choose…</option>
                {options(o).map((opt) => (
                  <option key={opt.value} value={opt.value}>
                    {opt.text}
                  </option>
                ))}
              </select>
            </li>
          ))}
        </ul>
        <div className="row">
          <span className="spacer" />
          <button type="button" onClick={onCancel}>
            Back to editing
          </button>
          <button type="button" className="primary" disabled={!complete || busy} onClick={confirm}>
            Save and carry tags over
          </button>
        </div>
      </div>
    </div>
  )
}
