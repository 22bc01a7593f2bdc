import { readFileSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { FileRejected, decodeText } from '../../decode-text'
import type { IssueSink } from '../imported-document'
import { readBoundedZip } from '../zip/read-bounded-zip'
import { ZIP_LIMITS } from '../zip/zip-limits'
import { ZipRefused } from '../zip/zip-refused'
import { guidLines, parseXml, xmlRoot, type XmlNode } from './refi-xml'

export const PROJECT_NS = 'urn:QDA-XML:project:1.0'
export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0'

/** A REFI-QDA file opened and parsed: its root element and how to read the files its `internal://` paths name. */
export interface RefiFile {
  kind: 'project' | 'codebook'
  /** For reports, e.g. "study.qdpx/project.qde". */
  name: string
  xml: string
  root: XmlNode
  /** The line of the element with this GUID, for reports. */
  line(guid: string | undefined): number | undefined
  /** Bytes of a file in the sources folder (`sources/` or `Sources/`), or undefined. */
  source(fileName: string): Uint8Array | undefined
}

const ZIP_MAGIC = [0x50, 0x4b]

/**
 * Opens a .qdpx (ZIP with project.qde), a bare .qde (sources beside it) or a .qdc. Every failure is
 * reported as an issue and gives null.
 */
export function openRefiFile(path: string, issue: IssueSink): RefiFile | null {
  const file = basename(path)
  const fail = (code: 'BAD_ARCHIVE' | 'NOT_THIS_FORMAT' | 'UNREADABLE' | 'BAD_LINE' | 'FILE_TOO_LARGE', message: string, line?: number) => {
    issue({ file, ...(line ? { line } : {}), severity: 'error', code, message })
    return null
  }
  let bytes: Uint8Array
  try {
    const size = statSync(path).size
    if (size > ZIP_LIMITS.refiQda.fileBytes) return fail('FILE_TOO_LARGE', `${file} is ${Math.round(size / 2 ** 20)} MB, above the ${ZIP_LIMITS.refiQda.fileBytes / 2 ** 20} MB Spanwise reads. ${ZIP_LIMITS.refiQda.advice}`)
    bytes = readFileSync(path)
  } catch (error) {
    return fail('UNREADABLE', `${path} cannot be read (${(error as Error).message}); check it exists and you may read it.`)
  }
  let name = file
  let xmlBytes: Uint8Array = bytes
  let source: RefiFile['source']
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) {
    let entries: Map<string, Uint8Array>
    try {
      // only the XML and plain texts are inflated: pictures, PDFs and media are not imported
      entries = readBoundedZip(bytes, file, ZIP_LIMITS.refiQda, (entry) => /\.(qde|txt)$/i.test(entry))
    } catch (error) {
      if (error instanceof ZipRefused) return fail(error.issueCode, error.message)
      throw error
    }
    const byName = new Map([...entries.keys()].map((k) => [k.toLowerCase(), k]))
    // project.qde sits at the root; some zip tools add one enclosing folder
    const qde = [...byName.keys()].filter((k) => k === 'project.qde' || k.endsWith('/project.qde')).sort((a, b) => a.split('/').length - b.split('/').length)[0]
    if (!qde) return fail('BAD_ARCHIVE', `${file} has no project.qde, so it is not a REFI-QDA project (.qdpx); export the project again from the QDA program.`)
    const base = qde.slice(0, qde.length - 'project.qde'.length)
    name = `${file}/${byName.get(qde)}`
    xmlBytes = entries.get(byName.get(qde)!)!
    // MAXQDA writes sources/, NVivo Sources/
    source = (fileName) => entries.get(byName.get(`${base}sources/${fileName}`.toLowerCase()) ?? '')
  } else if (/\.qdpx$/i.test(file)) {
    return fail('BAD_ARCHIVE', `${file} is not a ZIP archive, so it is not a REFI-QDA project; export the project again as .qdpx.`)
  } else {
    const dir = dirname(path)
    source = (fileName) => {
      for (const folder of ['sources', 'Sources']) {
        try {
          return readFileSync(join(dir, folder, basename(fileName)))
        } catch {
          // try the other spelling
        }
      }
      return undefined
    }
  }
  let xml: string
  try {
    xml = decodeText(xmlBytes, 'utf-8').text
  } catch (error) {
    if (error instanceof FileRejected) return fail('NOT_THIS_FORMAT', `${name} is not REFI-QDA XML: ${error.message}.`)
    throw error
  }
  const root = xmlRoot(xml)
  const kind = root?.name === 'Project' && root.namespace === PROJECT_NS ? 'project' : root?.name === 'CodeBook' && root.namespace === CODEBOOK_NS ? 'codebook' : null
  if (!kind) {
    const found = root ? `<${root.name}>${root.namespace ? ` in namespace ${root.namespace}` : ' without a namespace'}` : 'no XML element'
    return fail('NOT_THIS_FORMAT', `${name} has ${found}; a REFI-QDA project has <Project xmlns="${PROJECT_NS}"> and a codebook <CodeBook xmlns="${CODEBOOK_NS}">. Choose the .qdpx or .qdc the QDA program exported.`)
  }
  const parsed = parseXml(xml)
  if ('error' in parsed) return fail('BAD_LINE', `${name} cannot be read as XML${parsed.line ? ` at line ${parsed.line}` : ''}: ${parsed.error}. Export it again.`, parsed.line)
  const top = parsed.root[kind === 'project' ? 'Project' : 'CodeBook']
  return { kind, name, xml, root: typeof top === 'object' && top !== null ? (top as XmlNode) : {}, line: guidLines(xml), source }
}
