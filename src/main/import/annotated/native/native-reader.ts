import { basename } from 'node:path'
import { parseBoundedJson } from '../../../../shared/text/parse-bounded-json'
import type { FormatReader, ImportedDocument, ImportExtras, IssueSink } from '../imported-document'
import { collectByExtension } from '../collect-by-extension'
import { readLines } from '../json/read-lines'
import { headerActors, nativeAnnotations, nativeArticle, nativeHeader, where } from './native-lines'

/** Reads Spanwise JSONL exports (articles.jsonl, or a folder holding one): header first, then articles. */
export class NativeReader implements FormatReader {
  extras?: ImportExtras

  *read(paths: string[], issue: IssueSink): Iterable<ImportedDocument> {
    for (const path of collectByExtension(paths, ['.jsonl', '.ndjson'], issue)) {
      const file = basename(path)
      let seenHeader = false
      const ids = new Set<string>()
      for (const { line, text } of readLines(path, file, issue)) {
        if (text.trim() === '') continue
        let value: unknown
        try {
          value = parseBoundedJson(text)
        } catch (error) {
          issue({ file, line, severity: 'error', code: 'BAD_LINE', message: `${file} line ${line} is not valid JSON (${(error as Error).message}); fix or remove the line.` })
          continue
        }
        if (!seenHeader) {
          const h = nativeHeader.safeParse(value)
          if (!h.success) {
            issue({ file, line, severity: 'error', code: 'NOT_THIS_FORMAT', message: `${file} does not start with a Spanwise JSONL header (${where(h.error.issues)}); choose a file exported as "Spanwise JSONL".` })
            break
          }
          seenHeader = true
          this.extras = { codebooks: h.data.codebooks, actors: headerActors(h.data) }
          continue
        }
        const a = nativeArticle.safeParse(value)
        if (!a.success) {
          issue({ file, line, severity: 'error', code: 'BAD_LINE', message: `${file} line ${line}: ${where(a.error.issues)}.` })
          continue
        }
        const annotations = nativeAnnotations(a.data.annotations, file, line, ids, issue)
        const { type: _type, annotations: _raw, hash: _hash, ...fields } = a.data
        yield { ...fields, name: `${file} line ${line}`, annotations }
      }
      if (!seenHeader) issue({ file, severity: 'error', code: 'NOT_THIS_FORMAT', message: `${file} has no Spanwise JSONL header line; it is empty or not a Spanwise export.` })
    }
  }
}
