import { existsSync, readFileSync, statSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import type { FormatReader, ImportedDocument, IssueSink } from '../imported-document'
import { collectByExtension } from '../collect-by-extension'
import { readJsonFile } from '../json/read-json-file'
import { LabelStudioCoders } from './label-studio-coders'
import { parseLabelConfig, type LabelStudioConfig } from './label-studio-config'
import { labelStudioDocument } from './label-studio-document'
import { jsonValueText } from '../../../../shared/text/json-value-text'

const CONFIG_NAMES = ['label_config.xml', 'config.xml']

/**
 * Reads Label Studio JSON exports (an array of tasks, or one task per file as 0.x wrote completions/<id>.json).
 * A labeling config beside the file (label_config.xml or config.xml) tells which task field holds the text and
 * which attribute results are lists or yes/no.
 */
export class LabelStudioReader implements FormatReader {
  *read(paths: string[], issue: IssueSink): Iterable<ImportedDocument> {
    for (const path of collectByExtension(paths, ['.json'], issue)) {
      if (extname(path).toLowerCase() !== '.json') continue
      const name = basename(path)
      const value = readJsonFile(path, name, issue)
      if (value === undefined) continue
      const config = configBeside(path, issue)
      const tasks = Array.isArray(value) ? value : [value]
      const coders = new LabelStudioCoders()
      coders.learn(tasks)
      for (let i = 0; i < tasks.length; i++) {
        const t = tasks[i] as Record<string, unknown> | null
        const id = t && typeof t === 'object' && t['id'] !== undefined ? jsonValueText(t['id']) : String(i + 1)
        const doc = labelStudioDocument(tasks[i], { file: name, name: `${name} task ${id}` }, config, issue, coders)
        if (doc) yield doc
      }
    }
  }
}

function configBeside(path: string, issue: IssueSink): LabelStudioConfig | null {
  for (const dir of [dirname(path), dirname(dirname(path))]) {
    for (const n of CONFIG_NAMES) {
      const file = join(dir, n)
      if (!existsSync(file) || !statSync(file).isFile()) continue
      try {
        return parseLabelConfig(readFileSync(file, 'utf8'))
      } catch (error) {
        issue({ file: n, severity: 'warning', code: 'BAD_RECORD', message: `${file} is not a readable labeling config (${(error as Error).message}); attributes are read without it.` })
        return null
      }
    }
  }
  return null
}
