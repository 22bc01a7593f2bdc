import type { ExportFilter } from '../../../shared/exchange/export-options'
import { filterSql } from '../filter-sql'

/** A JSON string literal of a column; SQLite escapes exactly as JSON.stringify does (tested byte for byte). */
export const str = (column: string) => `json_quote(${column})`

/** A coder as native lines name one: `{"id":…,"name":…}`. */
export const coder = (id: string, name: string) => `'{"id":' || ${str(id)} || ',"name":' || ${str(name)} || '}'`

/** The comma-joined JSON of a tag `n`'s comment thread, oldest first (NativeWriter's nativeComment). */
export const comments = `coalesce((SELECT group_concat('{"id":' || ${str('c.id')} || ',"author":' || ${coder('c.author_id', 'cu.name')}
  || ',"body":' || ${str('c.body')} || ',"createdAt":' || ${str('c.created_at')} || '}', ',' ORDER BY c.created_at, c.rowid)
  FROM tag_comment c JOIN annotator cu ON cu.id = c.author_id WHERE c.annotation_id = n.id), '')`

/** The comma-joined JSON of article `a`'s adjudication decisions, oldest first; candidates are stored as JSON.stringify wrote them. */
export const decisions = `coalesce((SELECT group_concat('{"id":' || ${str('d.id')} || ',"decision":' || ${str('d.decision')} || ',"candidates":' || d.candidates
  || ',"chosenId":' || ${str('d.chosen_id')} || ',"goldId":' || ${str('d.gold_id')} || ',"reason":' || ${str('d.reason')} || ',"guideline":' || ${str('d.guideline')}
  || ',"decidedBy":' || ${coder('d.decided_by', 'du.name')} || ',"decidedAt":' || ${str('d.decided_at')} || '}', ',' ORDER BY d.decided_at, d.rowid)
  FROM adjudication d JOIN annotator du ON du.id = d.decided_by WHERE d.article_id = a.id), '')`

/** The comma-joined JSON of article `a`'s done marks by coder id; a coder filter keeps its coders' marks (ReviewRecordsReader). */
export const doneMarks = (filter: ExportFilter) => `coalesce((SELECT group_concat('{"annotator":' || ${coder('p.annotator_id', 'pu.name')} || ',"doneAt":' || ${str('p.done_at')} || '}', ',' ORDER BY p.annotator_id)
  FROM coder_progress p JOIN annotator pu ON pu.id = p.annotator_id WHERE p.article_id = a.id${filterSql({ annotators: filter.annotators }, 'p', 'pu').tags}), '')`
