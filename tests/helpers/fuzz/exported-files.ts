import { join } from 'node:path'
import { runExport } from '../../../src/main/export/run-export'
import type { ExportFormat } from '../../../src/shared/exchange/exchange-formats'
import { exportOptions } from '../../../src/shared/exchange/export-options'
import type { Store } from '../../../src/main/store/store'
import { codedProject } from '../coded-project'
import { tempDir } from '../project'
import type { Files } from './mutate-files'
import { readFiles } from './write-files'

/**
 * What Spanwise exports in `format` from the coded project (two coders, astral characters and a combining mark,
 * a discontinuous tag, links, attributes, notes), or from `source`: valid files to mutate. Export manifests and
 * READMEs are left out.
 */
export function exportedFiles(format: ExportFormat, source: { store: Store } = codedProject()): Files {
  const out = join(tempDir(), format)
  runExport(source.store, exportOptions.parse({ format, destination: out }))
  return readFiles(out, (name) => name === 'manifest.json' || name === 'README.txt')
}
