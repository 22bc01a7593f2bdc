import { CodePointIndex } from '../../../shared/offsets'
import { REFI_TAG_NOTE_PREFIX, formatTagNote } from '../../../shared/exchange/refi-tag-note'
import type { ExportAnnotation, ExportArticle } from '../export-dataset'
import { codeGuid } from './refi-codes-xml'
import { refiGuid } from './refi-guid'
import type { XmlEscaper } from './xml-escaper'
import { xsdDateTime } from './xsd-date-time'

const NAME_CHARS = 60

/** Article fields written as REFI-QDA text variables on each source, by variable name. */
export const REFI_VARIABLES = { Source: 'source', URL: 'url', Published: 'published', Language: 'language' } as const
export type RefiVariable = keyof typeof REFI_VARIABLES

/** One article's parts of project.qde: its TextSource, the notes it refers to and its tags' links. */
export interface RefiSourceParts {
  source: string
  notes: string
  links: string
  selections: number
  notesWritten: number
  linksWritten: number
  linksDropped: number
  discontinuous: number
  variables: Set<RefiVariable>
}

export function sourceGuid(article: ExportArticle): string {
  return refiGuid('source', article.uid)
}

export function variableGuid(name: RefiVariable): string {
  return refiGuid('variable', name)
}

function selectionGuid(tagId: string, fragment: number): string {
  return refiGuid('selection', tagId, String(fragment))
}

// QDA tools list selections by name; the start of the quote is what ATLAS.ti and NVivo show there
function selectionName(quote: string): string {
  const index = new CodePointIndex(quote)
  return index.lengthCp <= NAME_CHARS ? quote : `${quote.slice(0, index.toUtf16(NAME_CHARS))}…`
}

/**
 * Writes an article as a TextSource whose plain text is `sources/<guid>.txt`. Each fragment of a tag is its
 * own PlainTextSelection (code-point positions, end exclusive) coded with the tag's label by its coder; the
 * tag's note and attributes go into one Note that every selection of the tag refers to.
 */
export function refiSourceXml(article: ExportArticle, userGuid: (tag: ExportAnnotation) => string, esc: XmlEscaper, quotes = true): RefiSourceParts {
  const guid = sourceGuid(article)
  const parts: RefiSourceParts = { source: '', notes: '', links: '', selections: 0, notesWritten: 0, linksWritten: 0, linksDropped: 0, discontinuous: 0, variables: new Set() }
  const byId = new Map(article.annotations.map((t) => [t.id, t]))
  let selections = ''
  for (const tag of article.annotations) {
    const user = userGuid(tag)
    const created = xsdDateTime(tag.createdAt)
    const noteText = formatTagNote(tag.note, tag.attributes)
    const noteGuid = noteText || tag.fragments.length > 1 ? refiGuid('tag-note', tag.id) : null
    if (tag.fragments.length > 1) parts.discontinuous++
    tag.fragments.forEach((f, i) => {
      const sel = selectionGuid(tag.id, i)
      selections +=
        `      <PlainTextSelection${esc.attrs({ guid: sel, name: quotes ? selectionName(f.quote) : tag.label, startPosition: f.start, endPosition: f.end, creatingUser: user, creationDateTime: created, modifiedDateTime: xsdDateTime(tag.updatedAt) })}>\n` +
        `        <Coding${esc.attrs({ guid: refiGuid('coding', tag.id, String(i)), creatingUser: user, creationDateTime: created })}>\n` +
        `          <CodeRef targetGUID="${codeGuid(tag.label)}"/>\n        </Coding>\n` +
        (noteGuid ? `        <NoteRef targetGUID="${noteGuid}"/>\n` : '') +
        `      </PlainTextSelection>\n`
      parts.selections++
    })
    if (noteGuid) {
      parts.notes +=
        `    <Note${esc.attrs({ guid: noteGuid, name: `${tag.label} note`, creatingUser: user, creationDateTime: created, modifiedDateTime: xsdDateTime(tag.updatedAt) })}>\n` +
        `      <Description>${esc.text(REFI_TAG_NOTE_PREFIX + tag.id)}</Description>\n` +
        (noteText ? `      <PlainTextContent>${esc.text(noteText)}</PlainTextContent>\n` : '') +
        `    </Note>\n`
      parts.notesWritten++
    }
    tag.links.forEach((link, i) => {
      // the filter may leave the target out; a link needs a selection at both ends
      const to = byId.get(link.to)
      if (!to || to.fragments.length === 0 || tag.fragments.length === 0) return void parts.linksDropped++
      parts.links += `    <Link${esc.attrs({ guid: refiGuid('link', tag.id, String(i)), name: link.type, direction: 'OneWay', originGUID: selectionGuid(tag.id, 0), targetGUID: selectionGuid(link.to, 0) })}/>\n`
      parts.linksWritten++
    })
  }
  let refs = ''
  if (article.note) {
    const memo = refiGuid('article-note', article.uid)
    parts.notes += `    <Note${esc.attrs({ guid: memo, name: `Memo: ${article.title}` })}>\n      <PlainTextContent>${esc.text(article.note)}</PlainTextContent>\n    </Note>\n`
    parts.notesWritten++
    refs += `      <NoteRef targetGUID="${memo}"/>\n`
  }
  for (const [name, field] of Object.entries(REFI_VARIABLES) as [RefiVariable, keyof ExportArticle][]) {
    const value = article[field]
    if (typeof value !== 'string' || value === '') continue
    parts.variables.add(name)
    refs += `      <VariableValue>\n        <VariableRef targetGUID="${variableGuid(name)}"/>\n        <TextValue>${esc.text(value)}</TextValue>\n      </VariableValue>\n`
  }
  parts.source =
    `    <TextSource${esc.attrs({ guid, name: article.title, plainTextPath: `internal://${guid}.txt`, creationDateTime: xsdDateTime(article.importedAt) })}>\n` +
    selections +
    refs +
    `    </TextSource>\n`
  return parts
}
