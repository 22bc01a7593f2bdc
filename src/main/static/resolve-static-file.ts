import { isAbsolute, relative, resolve, sep } from 'node:path'

/**
 * The file under `rootDir` that a URL path names ('/' is index.html), or null when the path is malformed or
 * would leave `rootDir` (`..`, encoded `%2e%2e%2f`, backslashes, NUL bytes, absolute paths).
 */
export function resolveStaticFile(rootDir: string, urlPath: string): string | null {
  let rel: string
  try {
    rel = urlPath === '/' || urlPath === '' ? 'index.html' : decodeURIComponent(urlPath.replace(/^\/+/, ''))
  } catch {
    return null
  }
  // a backslash is a separator on Windows and never part of one of our file names
  if (rel.includes('\0') || rel.includes('\\') || isAbsolute(rel)) return null
  const root = resolve(rootDir)
  const file = resolve(root, rel)
  const inside = relative(root, file)
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null
  return file
}
