import { ArticleOffsets, findQuote } from '../../../../shared/offsets'
import type { ImportedAnnotation, ImportedDocument, ImportedSpan, IssueSink } from '../imported-document'
import { w3cTagOrLink, targetSpan, type W3cLink } from './w3c-tag'

/** Article fields the export's sources.jsonl keeps beside each text. */
export type W3cSourceInfo = Partial<Omit<ImportedDocument, 'name' | 'text' | 'annotations'>>

/** The annotations of one target source as a document of `text`: tags with their fragments, then links between them. */
export function w3cDocument(name: string, file: string, text: string, info: W3cSourceInfo, items: Record<string, unknown>[], issue: IssueSink): ImportedDocument {
  const report = (severity: 'error' | 'warning', code: Parameters<IssueSink>[0]['code'], message: string) => issue({ file, severity, code, message: `${name}: ${message}` })
  const tags = new Map<string, ImportedAnnotation>()
  const links: W3cLink[] = []
  const dropped = new Map<string, number>()
  let offsets: ArticleOffsets | undefined
  // prefix and suffix narrow the matches; when the text around has changed, the quote alone may still be unique
  const locate = (q: { exact: string; prefix?: string; suffix?: string }) => {
    offsets ??= new ArticleOffsets(text)
    const found = findQuote(offsets, q.exact, { prefix: q.prefix, suffix: q.suffix })
    return found.length === 0 && (q.prefix || q.suffix) ? findQuote(offsets, q.exact) : found
  }
  items.forEach((a, n) => {
    const key = typeof a['id'] === 'string' ? a['id'] : `annotation-${n + 1}`
    const read = w3cTagOrLink(a, key)
    if ('error' in read) return report('error', 'BAD_RECORD', `annotation ${key} was skipped: ${read.error}.`)
    if ('from' in read) return void links.push(read)
    if (tags.has(key)) return report('error', 'DUPLICATE_ID', `annotation id ${key} is used twice; give each annotation its own id.`)
    const { targets, dropped: lost, ...tag } = read
    for (const d of lost) dropped.set(d, (dropped.get(d) ?? 0) + 1)
    const fragments: ImportedSpan[] = []
    for (const t of targets) {
      const span = targetSpan(t, locate)
      if (!('matches' in span)) fragments.push(span)
      else if (span.matches === 0) return report('error', 'SPAN_MISMATCH', `annotation ${key}: a TextQuoteSelector's text does not occur in the article and no TextPositionSelector says where it is.`)
      else
        return report(
          'error',
          'SPAN_MISMATCH',
          `annotation ${key}: the quote ${JSON.stringify(t.quote!.exact)} occurs ${span.matches} times in the article and its prefix and suffix do not say which; add a TextPositionSelector or a longer prefix/suffix so it can be placed without guessing.`
        )
    }
    tags.set(key, { ...tag, fragments })
  })
  for (const l of links) {
    const from = tags.get(l.from)
    if (!from || !tags.has(l.to)) {
      report('error', 'UNKNOWN_REFERENCE', `the ${l.type} link from ${l.from} to ${l.to} names an annotation this article does not have; fix the linking annotation's targets.`)
      continue
    }
    ;(from.links ??= []).push({ type: l.type, to: l.to })
  }
  for (const [what, n] of dropped) report('warning', 'NOT_CARRIED', `${n} annotations had ${what}; those bodies were left out.`)
  return { ...info, name, origin: file, text, annotations: [...tags.values()] }
}
