import { countCodePoints } from '../../../../shared/offsets'
import { plural, was } from '../../../../shared/plural'
import { REFI_TAG_NOTE_PREFIX, parseTagNote } from '../../../../shared/exchange/refi-tag-note'
import type { ImportedAnnotation, ImportedDocument, IssueSink } from '../imported-document'
import type { RefiFile } from './refi-container'
import { readCrlf } from './refi-line-breaks'
import { readInternalText, type RefiProjectIndex } from './refi-project-index'
import { attr, child, childText, children, guidKey, type XmlNode } from './refi-xml'

const INTEGER = /^\s*-?\d+\s*$/
const ARTICLE_FIELDS: Record<string, 'source' | 'url' | 'published' | 'language'> = { source: 'source', url: 'url', published: 'published', language: 'language' }

/**
 * One TextSource as a document: each coding of a PlainTextSelection is a tag (label = code name, annotator =
 * its creatingUser), positions taken as zero-based code points with the end exclusive (a CRLF counted as one
 * character or two as readCrlf finds). Selections that refer to the same Spanwise tag note are joined back into
 * one discontinuous tag.
 */
export function refiSourceDocument(file: RefiFile, source: XmlNode, index: RefiProjectIndex, codes: Map<string, string>, issue: IssueSink): ImportedDocument | null {
  const guid = attr(source, 'guid') ?? ''
  const where = `source "${attr(source, 'name') ?? guid}"`
  const line = file.line(attr(source, 'guid'))
  const path = attr(source, 'plainTextPath')
  let text = childText(source, 'PlainTextContent') ?? (path ? readInternalText(file, path, where, line, issue) : null)
  if (text === null) {
    if (!path) issue({ file: file.name, line, severity: 'error', code: 'BAD_LINE', message: `${where} has neither PlainTextContent nor plainTextPath, so it has no text; it was skipped.` })
    return null
  }
  const report = (severity: 'error' | 'warning', code: Parameters<IssueSink>[0]['code'], node: XmlNode, message: string) =>
    issue({ file: file.name, line: file.line(attr(node, 'guid')), severity, code, message })
  const crlf = readCrlf(text, children(source, 'PlainTextSelection'), attr(file.root, 'origin') ?? '')
  if (crlf?.asOne) {
    // positions that count a CRLF as one character index the text with LF line breaks
    text = text.replaceAll('\r\n', '\n')
    if (crlf.affected > 0)
      issue({ file: file.name, line, severity: 'warning', code: 'SPAN_REANCHORED', message: `${where} has Windows line breaks (CRLF), and its positions count each as one character (${crlf.because}) where the REFI-QDA standard counts two; the ${plural(crlf.affected, 'selection')} after the first line break ${was(crlf.affected)} read that way. Check ${crlf.affected === 1 ? 'it' : 'them'}.` })
  }
  const length = countCodePoints(text)
  const annotations: ImportedAnnotation[] = []
  const byTagNote = new Map<string, ImportedAnnotation>()
  const keyOfSelection = new Map<string, string>()
  const byKey = new Map<string, ImportedAnnotation>()

  for (const sel of children(source, 'PlainTextSelection')) {
    const selGuid = attr(sel, 'guid') ?? ''
    const s = attr(sel, 'startPosition') ?? ''
    const e = attr(sel, 'endPosition') ?? ''
    if (!INTEGER.test(s) || !INTEGER.test(e)) {
      report('error', 'BAD_LINE', sel, `selection ${selGuid} in ${where} has startPosition "${s}" and endPosition "${e}"; both must be whole numbers.`)
      continue
    }
    const span = { start: Number(s), end: Number(e) }
    if (span.start < 0 || span.end > length || span.end <= span.start) {
      report('error', 'SPAN_OUT_OF_RANGE', sel, `selection ${selGuid} in ${where} covers ${span.start}..${span.end}, outside the text (0..${length} code points, end exclusive); it was not imported. Check the source file is the one the project was coded on.`)
      continue
    }
    if (keyOfSelection.has(guidKey(selGuid)!)) {
      report('error', 'DUPLICATE_ID', sel, `selection GUID ${selGuid} appears twice in ${where}; the second was not imported.`)
      continue
    }
    const notes = children(sel, 'NoteRef').map((r) => index.notes.get(guidKey(attr(r, 'targetGUID')) ?? ''))
    const ours = notes.find((n) => n?.description?.startsWith(REFI_TAG_NOTE_PREFIX))
    const codings = children(sel, 'Coding')
    if (codings.length === 0) report('warning', 'NOT_CARRIED', sel, `selection ${selGuid} in ${where} has no code, so it has no label; it was not imported.`)
    codings.forEach((coding, i) => {
      const label = codes.get(guidKey(attr(child(coding, 'CodeRef') ?? {}, 'targetGUID')) ?? '')
      if (label === undefined) {
        report('warning', 'UNKNOWN_REFERENCE', coding, `coding ${attr(coding, 'guid')} in ${where} refers to a code the CodeBook does not define; it was not imported.`)
        return
      }
      const tagNote = ours && codings.length === 1 ? ours.description! : null
      const joined = tagNote ? byTagNote.get(tagNote) : undefined
      if (joined && joined.label === label) {
        joined.fragments.push(span)
        keyOfSelection.set(guidKey(selGuid)!, joined.key)
        return
      }
      const key = i === 0 ? selGuid : `${selGuid}/${attr(coding, 'guid') ?? i}`
      const userGuid = guidKey(attr(coding, 'creatingUser') ?? attr(sel, 'creatingUser'))
      const user = userGuid ? index.users.get(userGuid) : undefined
      if (userGuid && !user) report('warning', 'UNKNOWN_REFERENCE', coding, `the coder ${userGuid} of selection ${selGuid} is not among the project's Users; the GUID is used as the coder's name.`)
      const note = [childText(sel, 'Description') ?? '', ...notes.map((n) => (n ? (n === ours ? parseTagNote(n.content).note : n.content) : ''))].filter(Boolean).join('\n\n')
      const parsed = ours ? parseTagNote(ours.content) : null
      for (const bad of parsed?.bad ?? []) report('warning', 'BAD_LINE', sel, `the note of selection ${selGuid} has an attribute line that is not "key: <JSON value>": ${bad}`)
      const created = attr(coding, 'creationDateTime') ?? attr(sel, 'creationDateTime')
      const updated = attr(sel, 'modifiedDateTime')
      const tag: ImportedAnnotation = {
        key,
        label,
        fragments: [span],
        ...(parsed && Object.keys(parsed.attributes).length ? { attributes: parsed.attributes } : {}),
        ...(note ? { note } : {}),
        ...(userGuid ? { annotator: user ?? { id: userGuid, name: userGuid } } : {}),
        links: [],
        ...(created ? { createdAt: created } : {}),
        ...(updated ? { updatedAt: updated } : {}),
        line: file.line(selGuid)
      }
      annotations.push(tag)
      byKey.set(key, tag)
      if (i === 0) keyOfSelection.set(guidKey(selGuid)!, key)
      if (tagNote) byTagNote.set(tagNote, tag)
    })
  }

  for (const link of index.links.get(guidKey(guid)!) ?? []) {
    const from = byKey.get(keyOfSelection.get(link.origin) ?? '')
    const to = keyOfSelection.get(link.target)
    if (from && to) from.links!.push({ type: link.type, to })
  }
  if (children(source, 'Coding').length > 0)
    issue({ file: file.name, line, severity: 'warning', code: 'NOT_CARRIED', message: `${where} has ${children(source, 'Coding').length} codings of the whole document; Spanwise tags are spans of text, so they were left out.` })

  const metadata: Record<string, unknown> = {}
  const fields: Partial<Record<'source' | 'url' | 'published' | 'language', string>> = {}
  for (const vv of children(source, 'VariableValue')) {
    const name = index.variables.get(guidKey(attr(child(vv, 'VariableRef') ?? {}, 'targetGUID')) ?? '')
    if (!name) continue
    const valueNode = ['TextValue', 'BooleanValue', 'IntegerValue', 'FloatValue', 'DateValue', 'DateTimeValue'].map((n) => childText(vv, n)).find((v) => v !== undefined)
    const field = Object.hasOwn(ARTICLE_FIELDS, name.toLowerCase()) ? ARTICLE_FIELDS[name.toLowerCase()] : undefined
    if (field && valueNode !== undefined) fields[field] = valueNode
    else if (valueNode !== undefined) metadata[name] = valueNode
  }
  const memo = [childText(source, 'Description') ?? '', ...children(source, 'NoteRef').map((r) => index.notes.get(guidKey(attr(r, 'targetGUID')) ?? '')?.content ?? '')].filter(Boolean).join('\n\n')
  const title = attr(source, 'name')
  return {
    name: `${file.name}: ${title ?? guid}`,
    origin: file.name,
    text,
    ...(title ? { title } : {}),
    ...fields,
    ...(Object.keys(metadata).length ? { metadata } : {}),
    ...(memo ? { note: memo } : {}),
    annotations
  }
}
