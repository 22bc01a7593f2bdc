import type { AttributeDef } from '@shared/codebook/codebook-schema'
import { labelIs } from '@shared/codebook/relation-rules'
import type { Annotation } from '@shared/domain'
import { useCodebook } from '../../labels'
import { useStore } from '../../state/createStore'
import { useArticle } from './articleContext'

interface Props {
  def: AttributeDef
  tag: Annotation
  missing: boolean
  onChange: (patch: Record<string, unknown>) => Promise<boolean>
}

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 59)}…` : s)

/** A reference to other tags of this article, offered only among the labels the attribute allows, in text order. */
export function TagRefField({ def, tag, missing, onChange }: Props) {
  const codebook = useCodebook()
  const { state } = useArticle()
  const { annotations } = useStore(state)
  const id = `attr-${def.key}`
  const allowed = (a: Annotation) => a.id !== tag.id && (!def.targetLabels?.length || def.targetLabels.some((l) => codebook && labelIs(codebook, a.label, l)))
  const options = [...annotations.values()].filter(allowed).sort((a, b) => a.fragments[0]!.start - b.fragments[0]!.start)
  const value = tag.attributes[def.key]
  const chosen = new Set([value].flat().filter((v): v is string => typeof v === 'string'))
  const text = (a: Annotation) => `${a.label}: ${short(a.fragments.map((f) => f.quote).join(' … '))}`
  const label = (
    <label htmlFor={id} id={`${id}-label`} title={def.description || undefined}>
      {def.name}
      {def.required && <span className={missing ? 'required missing' : 'required'}>{missing ? ' required' : ' *'}</span>}
    </label>
  )
  if (!def.many)
    return (
      <div className="field">
        {label}
        <select id={id} value={typeof value === 'string' ? value : ''} onChange={(e) => void onChange({ [def.key]: e.target.value || null })}>
          <option value="">—</option>
          {options.map((a) => (
            <option key={a.id} value={a.id}>
              {text(a)}
            </option>
          ))}
        </select>
      </div>
    )
  return (
    <div className="field multi" role="group" aria-labelledby={`${id}-label`}>
      {label}
      <div className="choices">
        {options.map((a) => (
          <label key={a.id}>
            <input
              type="checkbox"
              checked={chosen.has(a.id)}
              onChange={(e) => void onChange({ [def.key]: options.map((o) => o.id).filter((o) => (o === a.id ? e.target.checked : chosen.has(o))) })}
            />
            {text(a)}
          </label>
        ))}
        {options.length === 0 && <span className="hint">No {def.targetLabels?.join(' or ') ?? ''} tag in this article yet.</span>}
      </div>
    </div>
  )
}
