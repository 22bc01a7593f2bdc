import { FileRejected, decodeText } from '../../decode-text'
import type { IssueSink } from '../imported-document'
import type { RefiFile } from './refi-container'
import { attr, child, childText, children, guidKey, type XmlNode } from './refi-xml'

export interface RefiNote {
  description?: string
  content: string
}

export interface RefiLink {
  type: string
  origin: string
  target: string
}

/** What a project's sources refer to by GUID: users, notes, variables, and the links each source's selections start. */
export interface RefiProjectIndex {
  users: Map<string, { id?: string; name: string }>
  notes: Map<string, RefiNote>
  variables: Map<string, string>
  /** Links between two selections of the same source, by the source's GUID. */
  links: Map<string, RefiLink[]>
}

const INTERNAL = /^internal:\/\/(.+)$/i

/** Reads an `internal://` text (source or note) from the archive; reports what is missing. */
export function readInternalText(file: RefiFile, path: string, where: string, line: number | undefined, issue: IssueSink): string | null {
  const m = INTERNAL.exec(path)
  if (!m) {
    issue({ file: file.name, line, severity: 'warning', code: 'NOT_CARRIED', message: `${where} refers to the external file ${path}; only files inside the .qdpx (internal://) are read. Export the project with its sources embedded.` })
    return null
  }
  const bytes = file.source(m[1]!)
  if (!bytes) {
    issue({ file: file.name, line, severity: 'error', code: 'UNKNOWN_REFERENCE', message: `${where} names ${path}, but the archive has no sources/${m[1]}; export the project again with its sources.` })
    return null
  }
  try {
    return decodeText(bytes, 'utf-8').text
  } catch (error) {
    if (!(error instanceof FileRejected)) throw error
    issue({ file: file.name, line, severity: 'error', code: error.code, message: `sources/${m[1]} (${where}): ${error.message}.` })
    return null
  }
}

export function indexProject(file: RefiFile, issue: IssueSink): RefiProjectIndex {
  const { root } = file
  const users = new Map<string, { id?: string; name: string }>()
  for (const u of children(child(root, 'Users'), 'User')) {
    const guid = guidKey(attr(u, 'guid'))
    const id = attr(u, 'id')
    if (guid) users.set(guid, { ...(id ? { id } : {}), name: attr(u, 'name') || id || guid })
  }
  const notes = new Map<string, RefiNote>()
  for (const n of children(child(root, 'Notes'), 'Note')) {
    const guid = guidKey(attr(n, 'guid'))
    if (!guid) continue
    const path = attr(n, 'plainTextPath')
    const content = childText(n, 'PlainTextContent') ?? (path ? readInternalText(file, path, `note ${attr(n, 'name') ?? guid}`, file.line(attr(n, 'guid')), issue) : null) ?? ''
    const description = childText(n, 'Description')
    notes.set(guid, { ...(description !== undefined ? { description } : {}), content })
  }
  const variables = new Map<string, string>()
  for (const v of children(child(root, 'Variables'), 'Variable')) {
    const guid = guidKey(attr(v, 'guid'))
    if (guid) variables.set(guid, attr(v, 'name') ?? '')
  }
  return { users, notes, variables, links: routeLinks(file, issue) }
}

// a Link may join any two objects; only selection-to-selection links within one source become tag links
function routeLinks(file: RefiFile, issue: IssueSink): Map<string, RefiLink[]> {
  const sourceOf = new Map<string, string>()
  for (const s of children(child(file.root, 'Sources'), 'TextSource'))
    for (const sel of children(s, 'PlainTextSelection')) sourceOf.set(guidKey(attr(sel, 'guid')) ?? '', guidKey(attr(s, 'guid')) ?? '')
  const links = new Map<string, RefiLink[]>()
  for (const l of children(child(file.root, 'Links'), 'Link')) {
    const origin = guidKey(attr(l, 'originGUID')) ?? ''
    const target = guidKey(attr(l, 'targetGUID')) ?? ''
    const source = sourceOf.get(origin)
    if (source === undefined || sourceOf.get(target) !== source) {
      issue({
        file: file.name,
        line: file.line(attr(l, 'guid')),
        severity: 'warning',
        code: 'NOT_CARRIED',
        message: `link "${attr(l, 'name') ?? ''}" (${attr(l, 'guid')}) does not join two text selections of the same source, so it cannot become a link between tags and was left out.`
      })
      continue
    }
    const link = { type: attr(l, 'name') || 'link', origin, target }
    const list = links.get(source)
    if (list) list.push(link)
    else links.set(source, [link])
  }
  return links
}
