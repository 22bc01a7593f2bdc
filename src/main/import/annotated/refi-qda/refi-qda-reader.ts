import { readdirSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { FormatReader, ImportExtras, ImportedDocument, IssueSink } from '../imported-document'
import { readCodes, type RefiLabel } from './refi-codes'
import { openRefiFile } from './refi-container'
import { indexProject } from './refi-project-index'
import { refiSourceDocument } from './refi-source-document'
import { child, children } from './refi-xml'

const REFI_FILE = /\.(qdpx|qde|qdc)$/i
const OTHER_SOURCES = ['PictureSource', 'PDFSource', 'AudioSource', 'VideoSource']

/**
 * REFI-QDA 1.5 import: .qdpx projects (or an unzipped project.qde with its sources folder) give one document per
 * TextSource; .qdc codebooks and the projects' own CodeBooks give the labels (extras.labels, nested by parent).
 */
export class RefiQdaReader implements FormatReader {
  readonly extras: ImportExtras = { labels: [] };

  *read(paths: string[], issue: IssueSink): Iterable<ImportedDocument> {
    const files = expand(paths, issue)
    // codebooks first, so their labels are known before the first document
    files.sort((a, b) => Number(!/\.qdc$/i.test(a)) - Number(!/\.qdc$/i.test(b)))
    for (const path of files) {
      const file = openRefiFile(path, issue)
      if (!file) continue
      const { labels, names } = readCodes(file.kind === 'project' ? child(file.root, 'CodeBook') : file.root)
      this.addLabels(labels)
      if (file.kind === 'codebook') continue
      const sources = child(file.root, 'Sources')
      const others = OTHER_SOURCES.reduce((n, kind) => n + children(sources, kind).length, 0)
      if (others > 0) issue({ file: file.name, severity: 'warning', code: 'NOT_CARRIED', message: `${others} picture, PDF, audio or video sources were left out; Spanwise imports text sources only.` })
      const index = indexProject(file, issue)
      for (const source of children(sources, 'TextSource')) {
        const doc = refiSourceDocument(file, source, index, names, issue)
        if (doc) yield doc
      }
    }
  }

  private addLabels(labels: RefiLabel[]): void {
    const known = new Set(this.extras.labels!.map((l) => l.name))
    for (const l of labels) {
      if (known.has(l.name)) continue
      this.extras.labels!.push(l)
      known.add(l.name)
    }
  }
}

// folders are searched for .qdpx, .qde and .qdc files; files named directly are read whatever their extension
function expand(paths: string[], issue: IssueSink): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith('.')) continue
      if (e.isDirectory()) walk(join(dir, e.name))
      else if (REFI_FILE.test(e.name)) out.push(join(dir, e.name))
    }
  }
  for (const p of paths) {
    try {
      if (statSync(p).isDirectory()) walk(p)
      else out.push(p)
    } catch (error) {
      issue({ file: basename(p), severity: 'error', code: 'UNREADABLE', message: `${p} cannot be read (${(error as Error).message}); check the path.` })
    }
  }
  return out
}
