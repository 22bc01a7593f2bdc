/** A path's folder, last part and separator; Windows paths when they use only backslashes (the renderer has no node:path). */
export function splitPath(path: string): { folder: string; name: string; sep: '/' | '\\' } {
  const sep = path.includes('\\') && !path.includes('/') ? '\\' : '/'
  const at = path.lastIndexOf(sep)
  return { folder: path.slice(0, Math.max(0, at)), name: path.slice(at + 1), sep }
}
