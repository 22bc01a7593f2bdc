/** The lines of UTF-8 bytes with their 1-based numbers, each decoded on its own (no whole-file string). */
export function* byteLines(bytes: Uint8Array): Generator<{ line: number; text: string }> {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let line = 0
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(0x0a, start)
    if (end === -1) end = bytes.length
    const text = decoder.decode(bytes.subarray(start, end))
    yield { line: ++line, text: text.endsWith('\r') ? text.slice(0, -1) : text }
    start = end + 1
  }
}
