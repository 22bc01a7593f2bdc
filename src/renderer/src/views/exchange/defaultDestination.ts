import { splitPath } from './splitPath'

/** A new folder beside the project file, named after the project, the format and the time, e.g. "peace-talks-brat-2026-11-21-1530". */
export function defaultDestination(projectPath: string, projectName: string, format: string, now = new Date()): string {
  const { folder, sep } = splitPath(projectPath)
  const stamp = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}-${String(now.getHours()).padStart(2, '0')}${String(now.getMinutes()).padStart(2, '0')}`
  const safe = projectName.replace(/[^\p{L}\p{N}._-]+/gu, '-')
  return `${folder}${sep}${safe}-${format}-${stamp}`
}
