import { CodePointIndex } from './code-point-index'

/**
 * Splits a text made of parts joined by one separator character back into its parts, given each part's
 * length in code points (brat's text field for a discontinuous span). Null when the lengths do not fit.
 */
export function splitJoinedQuote(joined: string, lengths: number[], separator = ' '): string[] | null {
  const index = new CodePointIndex(joined)
  const parts: string[] = []
  let at = 0
  for (const [i, length] of lengths.entries()) {
    if (!Number.isInteger(length) || length < 0 || at + length > index.lengthCp) return null
    parts.push(joined.slice(index.toUtf16(at), index.toUtf16(at + length)))
    at += length
    if (i < lengths.length - 1) {
      if (at >= index.lengthCp || joined.slice(index.toUtf16(at), index.toUtf16(at + 1)) !== separator) return null
      at += 1
    }
  }
  return at === index.lengthCp ? parts : null
}
