/** Where in `text` a JSON.parse error happened, as 1-based line and column, read from the engine's "position N". */
export function jsonErrorPlace(text: string, error: unknown): { line: number; column: number; reason: string } {
  const message = error instanceof Error ? error.message : String(error)
  const reason = message.replace(/ in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '')
  const at = /position (\d+)/.exec(message)
  if (!at) return { line: 1, column: 1, reason }
  const pos = Math.min(Number(at[1]), text.length)
  const before = text.slice(0, pos)
  const line = before.split('\n').length
  return { line, column: pos - before.lastIndexOf('\n'), reason }
}
