import { basename } from 'node:path'
import { parseBoundedJson } from '../../../../shared/text/parse-bounded-json'
import type { AnnotatedImportReport } from '../../../../shared/exchange/annotated-import'
import type { Store } from '../../../store/store'
import type { FormatReader, ImportedDocument, ImportExtras, IssueSink } from '../imported-document'
import { collectByExtension } from '../collect-by-extension'
import { readLines } from '../json/read-lines'
import { headerActors, nativeAnnotations, nativeArticle, nativeHeader, where, type NativeComment } from './native-lines'
import { nativeDecisions, nativeDoneMarks } from './native-review-lines'
import { NativeReviewWriter, type NativeReview } from './native-review-writer'

/**
 * Reads Spanwise JSONL exports (articles.jsonl, or a folder holding one): header first, then articles. Each
 * article's review records are written once its tags are (written()), in the same transaction.
 */
export class NativeReader implements FormatReader {
  extras?: ImportExtras
  private readonly review: NativeReviewWriter
  private readonly pending = new Map<ImportedDocument, NativeReview>()
  private issue: IssueSink = () => {}

  constructor(store: Store) {
    this.review = new NativeReviewWriter(store)
  }

  *read(paths: string[], issue: IssueSink): Iterable<ImportedDocument> {
    this.issue = issue
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
          this.review.knowCoders(h.data.annotators)
          continue
        }
        const a = nativeArticle.safeParse(value)
        if (!a.success) {
          issue({ file, line, severity: 'error', code: 'BAD_LINE', message: `${file} line ${line}: ${where(a.error.issues)}.` })
          continue
        }
        const comments = new Map<string, NativeComment[]>()
        const annotations = nativeAnnotations(a.data.annotations, file, line, ids, issue, comments)
        const { type: _type, annotations: _raw, hash: _hash, adjudications, doneMarks, ...fields } = a.data
        const doc: ImportedDocument = { ...fields, name: `${file} line ${line}`, annotations }
        const decisions = nativeDecisions(adjudications, file, line, issue)
        const marks = nativeDoneMarks(doneMarks, file, line, issue)
        const before = this.review.before(annotations.map((t) => t.id!))
        this.pending.set(doc, { where: doc.name, file, line, comments, decisions, doneMarks: marks, before })
        yield doc
        // the import left the article out (it is not in the project and may not be added, or has no text)
        if (this.pending.delete(doc) && comments.size + decisions.length + marks.length > 0)
          issue({ file, line, severity: 'warning', code: 'NOT_CARRIED', message: `${doc.name}: its review records (adjudication decisions, tag comments, done marks) were left out with the article.` })
      }
      if (!seenHeader) issue({ file, severity: 'error', code: 'NOT_THIS_FORMAT', message: `${file} has no Spanwise JSONL header line; it is empty or not a Spanwise export.` })
    }
  }

  written(doc: ImportedDocument, articleId: number, tagIds: string[]): void {
    const review = this.pending.get(doc)
    if (!review) return
    this.pending.delete(doc)
    this.review.write(review, articleId, tagIds, this.issue)
  }

  complete(report: AnnotatedImportReport): void {
    report.review = this.review.counts
  }
}
