import { useMemo, useState } from 'react'
import type { Annotation } from '@shared/domain'
import { describeValue } from '@shared/codebook/describe-value'
import { useCodebook, useLabels } from '../../labels'
import { useActorNames } from './useActorNames'
import { quoted } from '@shared/text/quoted'

type Result = { label: string; fragments: { start: number; end: number }[]; attributes: Record<string, string | number | boolean | string[] | null>; note: string }

interface Props {
  versions: Annotation[]
  names: Record<string, string>
  selection: { start: number; end: number } | null
  onSubmit: (decision: 'merge' | 'edit', result: Result, chosenId?: string) => void
}

const SELECTION = '__selection'
const NONE = '__none'

/** Builds the gold tag from parts of the versions (merge) or with changes of the adjudicator's own (edit). */
export function MergeForm({ versions, names, selection, onSubmit }: Props) {
  const labels = useLabels()
  const [label, setLabel] = useState(versions[0]!.label)
  const [spanFrom, setSpanFrom] = useState(versions[0]!.id)
  const keys = useMemo(() => [...new Set(versions.flatMap((v) => Object.keys(v.attributes)))].sort(), [versions])
  const [attrFrom, setAttrFrom] = useState<Record<string, string>>(() => Object.fromEntries(keys.map((k) => [k, versions.find((v) => k in v.attributes)!.id])))
  const [note, setNote] = useState('')
  const defs = useCodebook()?.labels.find((l) => l.name === label)?.attributes ?? []
  const def = (key: string) => defs.find((d) => d.key === key)
  // the gold tag keeps only the attributes its label has, so the form offers only those, in the codebook's order
  const shownKeys = defs.map((d) => d.key).filter((k) => keys.includes(k))
  const actorName = useActorNames(versions.flatMap((v) => shownKeys.flatMap((k) => (def(k)?.type === 'actor' ? [v.attributes[k]].flat().filter((x) => x != null).map(String) : []))))

  const submit = () => {
    const base = versions.find((v) => v.id === spanFrom)
    const fragments = spanFrom === SELECTION && selection ? [selection] : base!.fragments.map(({ start, end }) => ({ start, end }))
    const attributes: Result['attributes'] = {}
    for (const k of shownKeys) {
      const from = versions.find((v) => v.id === attrFrom[k])
      if (from && from.attributes[k] !== undefined) attributes[k] = from.attributes[k] as string
    }
    // anything no version had (my selection, a label nobody gave, emptying a value all had) makes it an edit
    const own =
      spanFrom === SELECTION || !versions.some((v) => v.label === label) || shownKeys.some((k) => attrFrom[k] === NONE && versions.every((v) => v.attributes[k] !== undefined))
    const decision = own ? 'edit' : 'merge'
    onSubmit(decision, { label, fragments, attributes, note }, decision === 'edit' && base ? base.id : undefined)
  }

  return (
    <form
      className="merge-form"
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <label className="field">
        Label
        <select value={label} onChange={(e) => setLabel(e.target.value)}>
          {labels.map((l) => (
            <option key={l.name} value={l.name}>
              {l.name}
              {versions.some((v) => v.label === l.name) ? ` (${versions.filter((v) => v.label === l.name).map((v) => names[v.annotatorId]).join(', ')})` : ''}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>Span</legend>
        {versions.map((v) => (
          <label key={v.id} className="radio">
            <input type="radio" name="span" checked={spanFrom === v.id} onChange={() => setSpanFrom(v.id)} /> {names[v.annotatorId]}: {quoted(v.fragments.map((f) => f.quote).join(' … '))}
          </label>
        ))}
        <label className="radio" title={selection ? '' : 'Select text in the article first'}>
          <input type="radio" name="span" disabled={!selection} checked={spanFrom === SELECTION} onChange={() => setSpanFrom(SELECTION)} /> the text I selected
        </label>
      </fieldset>
      {shownKeys.map((k) => (
        <label key={k} className="field">
          {def(k)!.name}
          <select value={attrFrom[k]} onChange={(e) => setAttrFrom((a) => ({ ...a, [k]: e.target.value }))}>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {names[v.annotatorId]}: {describeValue(def(k), v.attributes[k], actorName)}
              </option>
            ))}
            <option value={NONE}>(leave empty)</option>
          </select>
        </label>
      ))}
      <label className="field">
        Note on the gold tag
        <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={100_000} />
      </label>
      <button type="submit" className="primary">
        Save gold tag
      </button>
    </form>
  )
}
