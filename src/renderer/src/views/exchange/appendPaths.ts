/** The typed paths (one a line) with the chosen ones added below, each path once and blank lines dropped. */
export function appendPaths(typed: string, chosen: string[]): string {
  const lines = typed.split('\n').map((p) => p.trim()).filter(Boolean)
  return [...new Set([...lines, ...chosen])].join('\n')
}
