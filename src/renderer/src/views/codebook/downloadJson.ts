/** `<name>-v<version>.spanwise-codebook.json`, with the name made safe for any file system. */
export function codebookFileName(name: string, version: number): string {
  const safe = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'codebook'
  return `${safe}-v${version}.spanwise-codebook.json`
}

/** Saves JSON as a file through the browser's download (browser mode has no native save dialog). */
export function downloadJson(fileName: string, data: unknown): void {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  // the download has started once click() returns; the URL is not needed after that
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
