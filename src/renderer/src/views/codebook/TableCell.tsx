import type { ReactNode } from 'react'
import { useEditor } from './editorContext'
import { FieldProblems, invalidProps } from './FieldProblems'
import { problemsAt, problemsUnder } from './problemsAt'

/** A table cell holding one control and the problems at its JSON path. */
export function TableCell({ id, path, nested, children }: { id: string; path: string; nested?: boolean; children: (p: { id: string } & ReturnType<typeof invalidProps>) => ReactNode }) {
  const { problems } = useEditor()
  const mine = nested ? problemsUnder(problems, path) : problemsAt(problems, path)
  return (
    <td>
      {children({ id, ...invalidProps(id, mine) })}
      <FieldProblems id={`${id}-problems`} problems={mine} />
    </td>
  )
}
