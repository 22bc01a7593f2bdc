import type { ImportIssue } from './domain'

/** A tagged import's problem as shown to people: its file and line first, unless the message already names the file (plain imports' messages always do). */
export function issueText(i: ImportIssue): string {
  if (!i.file || i.message.includes(i.file)) return i.message
  return `${i.file}${i.line ? ` line ${i.line}` : ''}: ${i.message}`
}
