import { basename, dirname, join } from 'node:path'

/** Backups live beside the project, so they travel with it and survive the project file being damaged or moved aside. */
export function backupFolderOf(projectFile: string): string {
  return join(dirname(projectFile), `${basename(projectFile)}.backups`)
}
