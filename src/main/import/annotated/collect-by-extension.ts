import { extname } from 'node:path'
import { collectFiles } from '../collect-files'
import type { IssueSink } from './imported-document'

/** The files among `paths` (folders searched recursively) with one of `extensions`; missing paths are reported. */
export function collectByExtension(paths: string[], extensions: string[], issue: IssueSink): string[] {
  const { files, missing } = collectFiles(paths, (name) => extensions.includes(extname(name).toLowerCase()))
  for (const p of missing) issue({ file: p, severity: 'error', code: 'UNREADABLE', message: `${p} does not exist; check the path.` })
  if (files.length === 0 && missing.length === 0) {
    issue({ file: paths.join(', '), severity: 'error', code: 'UNSUPPORTED_TYPE', message: `No ${extensions.join(' or ')} file found in ${paths.join(', ')}.` })
  }
  return files
}
