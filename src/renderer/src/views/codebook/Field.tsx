import type { ReactNode } from 'react'
import { useEditor } from './editorContext'
import { FieldProblems, invalidProps } from './FieldProblems'
import { problemsAt, problemsUnder } from './problemsAt'

export type ControlProps = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }

interface Props {
  id: string
  label: string
  /** The JSON path of the value this field edits; its problems show under the field. */
  path: string
  /** Also show problems inside the path (list items such as targetLabels[2]). */
  nested?: boolean
  hint?: ReactNode
  children: (control: ControlProps) => ReactNode
}

/** A labelled form row: the control, an optional hint, and the problems validateCodebook finds at its path. */
export function Field({ id, label, path, nested, hint, children }: Props) {
  const { problems } = useEditor()
  const mine = nested ? problemsUnder(problems, path) : problemsAt(problems, path)
  return (
    <div className="cb-field">
      <label htmlFor={id}>{label}</label>
      <div className="cb-field-control">
        {children({ id, ...invalidProps(id, mine) })}
        {hint && <span className="hint">{hint}</span>}
        <FieldProblems id={`${id}-problems`} problems={mine} />
      </div>
    </div>
  )
}
