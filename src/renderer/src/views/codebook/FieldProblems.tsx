import type { CodebookProblem } from '@shared/codebook/validate-codebook'

/** The problems of one field, each with its JSON path; `id` lets the field point at them (aria-describedby). */
export function FieldProblems({ id, problems }: { id: string; problems: readonly CodebookProblem[] }) {
  if (problems.length === 0) return null
  return (
    <ul className="field-problems" id={id}>
      {problems.map((p) => (
        <li key={`${p.path}:${p.message}`}>
          <code>{p.path}</code> {p.message}
        </li>
      ))}
    </ul>
  )
}

/** The accessibility attributes of a field with these problems. */
export function invalidProps(id: string, problems: readonly CodebookProblem[]): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return problems.length ? { 'aria-invalid': true, 'aria-describedby': `${id}-problems` } : {}
}
