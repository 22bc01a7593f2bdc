import type { CodebookProblem } from '@shared/codebook/validate-codebook'

/** The problems exactly at `path` (labels[1].hotkey). */
export function problemsAt(problems: readonly CodebookProblem[], path: string): CodebookProblem[] {
  return problems.filter((p) => p.path === path)
}

/** The problems at `path` or anywhere inside it (labels[1] covers labels[1].attributes[0].key, not labels[10]). */
export function problemsUnder(problems: readonly CodebookProblem[], path: string): CodebookProblem[] {
  return problems.filter((p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`))
}
