/** Names that would leave a folder if the archive were unpacked: "..", absolute or drive paths, backslashes, NUL. */
export function unsafeEntryName(name: string): boolean {
  return name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.includes('\\') || name.includes('\0') || name.split('/').includes('..')
}
