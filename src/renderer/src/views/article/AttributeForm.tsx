import { useEffect, useRef, useState } from 'react'
import type { AttributeDef } from '@shared/codebook/codebook-schema'
import { validateAttributes } from '@shared/codebook/validate-attributes'
import type { Annotation } from '@shared/domain'
import { useCodebook } from '../../labels'
import { ActorField } from './ActorField'
import { TagRefField } from './TagRefField'

interface Props {
  tag: Annotation
  /** Sets (or, with null, clears) attribute values; saved at once. Resolves false if the edit was refused. */
  onChange: (patch: Record<string, unknown>) => Promise<boolean>
}

/** The selected tag's attributes from its label in the codebook: every field reachable with Tab, saved on change. */
export function AttributeForm({ tag, onChange }: Props) {
  const codebook = useCodebook()
  const defs = codebook?.labels.find((l) => l.name === tag.label)?.attributes ?? []
  const fields = defs
  if (!codebook || fields.length === 0) return null
  const missing = new Set(validateAttributes(codebook, tag.label, tag.attributes).filter((p) => p.kind === 'missing').map((p) => p.key))
  // a new type clears a sub-type that does not belong to it, in the same save (one undo step), instead of being refused
  const change = (patch: Record<string, unknown>) => {
    const full = { ...patch }
    for (const [key, v] of Object.entries(patch))
      for (const d of defs) {
        const now = tag.attributes[d.key]
        if (d.dependsOn !== key || now === undefined || now === null || Object.hasOwn(patch, d.key)) continue
        if (v === null || !(d.values ?? []).some((c) => c.value === now && c.parent === v)) full[d.key] = null
      }
    return onChange(full)
  }
  return (
    <fieldset className="attributes" aria-label="Attributes">
      <legend>
        Attributes {missing.size > 0 && <span className="missing-count">{missing.size} missing</span>}
      </legend>
      {fields.map((def) =>
        def.type === 'actor' ? (
          <ActorField key={def.key} def={def} tag={tag} missing={missing.has(def.key)} onChange={change} />
        ) : def.type === 'tag' ? (
          <TagRefField key={def.key} def={def} tag={tag} missing={missing.has(def.key)} onChange={change} />
        ) : (
          <Field key={def.key} def={def} value={tag.attributes[def.key]} all={tag.attributes} missing={missing.has(def.key)} onChange={change} />
        )
      )}
    </fieldset>
  )
}

function Field({ def, value: stored, all, missing, onChange }: { def: AttributeDef; value: unknown; all: Record<string, unknown>; missing: boolean; onChange: Props['onChange'] }) {
  // the value being saved shows at once (the field is aria-busy until the save is answered), then the stored one
  const [saving, setSaving] = useState<{ value: unknown } | null>(null)
  const latest = useRef(0)
  const value = saving ? saving.value : stored
  const busy = saving ? true : undefined
  const set = (v: unknown, input?: HTMLInputElement) => {
    const next = v === '' || v === undefined ? null : v
    const n = ++latest.current
    setSaving({ value: next ?? undefined })
    void onChange({ [def.key]: next }).then((ok) => {
      if (latest.current === n) setSaving(null)
      // a refused value does not stay in the field as if it were saved
      if (!ok && input) input.value = stored === undefined ? '' : String(stored)
    })
  }
  const id = `attr-${def.key}`
  const label = (
    <label htmlFor={id} title={def.description || undefined}>
      {def.name}
      {def.required && <span className={missing ? 'required missing' : 'required'}>{missing ? ' required' : ' *'}</span>}
    </label>
  )
  const commitOnEnter = (e: React.KeyboardEvent<HTMLInputElement>) => e.key === 'Enter' && e.currentTarget.blur()
  // typed fields keep their element (and focus) across saves; undo or another window's edit is written into them
  const typed = useRef<HTMLInputElement>(null)
  useEffect(() => {
    const text = stored === undefined || stored === null ? '' : String(stored)
    if (typed.current && typed.current.value !== text) typed.current.value = text
  }, [stored])
  switch (def.type) {
    case 'text':
      return (
        <div className="field" aria-busy={busy}>
          {label}
          <input ref={typed} id={id} type="text" defaultValue={(value as string) ?? ''} onBlur={(e) => e.target.value !== (value ?? '') && set(e.target.value, e.target)} onKeyDown={commitOnEnter} />
        </div>
      )
    case 'number':
      return (
        <div className="field" aria-busy={busy}>
          {label}
          <input
            ref={typed}
            id={id}
            type="number"
            min={def.min}
            max={def.max}
            defaultValue={(value as number) ?? ''}
            onBlur={(e) => String(value ?? '') !== e.target.value && set(e.target.value === '' ? null : Number(e.target.value), e.target)}
            onKeyDown={commitOnEnter}
          />
        </div>
      )
    case 'date':
      return (
        <div className="field" aria-busy={busy}>
          {label}
          {/* saved when left or on Enter, as text is: Chromium reports a date at every keystroke of its year (0002, 0020, 0202…), each of which would be saved */}
          <input
            ref={typed}
            id={id}
            type="date"
            min="0001-01-01"
            max="9999-12-31"
            defaultValue={(value as string) ?? ''}
            onBlur={(e) => e.target.value !== (value ?? '') && set(e.target.value, e.target)}
            onKeyDown={commitOnEnter}
          />
        </div>
      )
    case 'boolean':
      return (
        <div className="field" aria-busy={busy}>
          {label}
          <select id={id} value={value === undefined ? '' : value ? 'yes' : 'no'} onChange={(e) => set(e.target.value === '' ? null : e.target.value === 'yes')}>
            <option value="">—</option>
            <option value="yes">Yes</option>
            <option value="no">No</option>
          </select>
        </div>
      )
    case 'single': {
      // a sub-type lists only the values that belong to the chosen type
      const parent = def.dependsOn ? all[def.dependsOn] : undefined
      const choices = (def.values ?? []).filter((c) => !def.dependsOn || parent === undefined || c.parent === parent || c.value === value)
      return (
        <div className="field" aria-busy={busy}>
          {label}
          <select id={id} value={(value as string) ?? ''} onChange={(e) => set(e.target.value)}>
            <option value="">—</option>
            {choices.map((c) => (
              <option key={c.value} value={c.value} title={c.description || undefined}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
      )
    }
    case 'multi': {
      const chosen = new Set(Array.isArray(value) ? (value as string[]) : [])
      return (
        <div className="field multi" role="group" aria-busy={busy} aria-labelledby={`${id}-label`}>
          <span id={`${id}-label`} title={def.description || undefined}>
            {def.name}
            {def.required && <span className={missing ? 'required missing' : 'required'}>{missing ? ' required' : ' *'}</span>}
          </span>
          <div className="choices">
            {(def.values ?? []).map((c) => (
              <label key={c.value} title={c.description || undefined}>
                <input
                  type="checkbox"
                  checked={chosen.has(c.value)}
                  onChange={(e) => set((def.values ?? []).map((v) => v.value).filter((v) => (v === c.value ? e.target.checked : chosen.has(v))))}
                />
                {c.label}
              </label>
            ))}
          </div>
        </div>
      )
    }
    default:
      return null
  }
}
